import Foundation

/// The addresses of regions, units, the joint meeting's roster and users.
enum OrgPath {
    static let regionGo: PathPattern = "/regions/go"
    static let units: PathPattern = "/regions/:code/units"
    static let unit: PathPattern = "/units/:id"
    static let unitEdit: PathPattern = "/units/:id/edit"
    static let meeting: PathPattern = "/regions/:code/meeting"
    static let meetingEdit: PathPattern = "/regions/:code/meeting/edit"
    static let regionsAdmin: PathPattern = "/admin/regions"
    static let users: PathPattern = "/admin/users"
    static let userNew: PathPattern = "/admin/users/new"
    static let userRole: PathPattern = "/admin/users/:id/role"
    static let userUnlock: PathPattern = "/admin/users/:id/unlock"
    static let userReset: PathPattern = "/admin/users/:id/reset-password"
    static let userActive: PathPattern = "/admin/users/:id/active"
    static let userSecondFactorReset: PathPattern = "/admin/users/:id/second-factor/reset"

    enum API {
        static let regions: PathPattern = "/api/v1/regions"
        static let region: PathPattern = "/api/v1/regions/:code"
        static let units: PathPattern = "/api/v1/regions/:code/units"
        static let unit: PathPattern = "/api/v1/units/:id"
        static let meeting: PathPattern = "/api/v1/regions/:code/joint-meeting"
        static let users: PathPattern = "/api/v1/users"
        static let user: PathPattern = "/api/v1/users/:id"
    }
}

extension SitePath {
    static let regionGo = OrgPath.regionGo.path()
    static func units(_ code: String) -> SitePath { OrgPath.units.path(code) }
    static func unit(_ id: UUID) -> SitePath { OrgPath.unit.path(id) }
    static func unitEdit(_ id: UUID) -> SitePath { OrgPath.unitEdit.path(id) }
    static func meeting(_ code: String) -> SitePath { OrgPath.meeting.path(code) }
    static func meetingEdit(_ code: String) -> SitePath { OrgPath.meetingEdit.path(code) }
    static let regionsAdmin = OrgPath.regionsAdmin.path()
    static let users = OrgPath.users.path()
    static let userNew = OrgPath.userNew.path()
    static func userRole(_ id: UUID) -> SitePath { OrgPath.userRole.path(id) }
    static func userUnlock(_ id: UUID) -> SitePath { OrgPath.userUnlock.path(id) }
    static func userReset(_ id: UUID) -> SitePath { OrgPath.userReset.path(id) }
    static func userActive(_ id: UUID) -> SitePath { OrgPath.userActive.path(id) }
    static func userSecondFactorReset(_ id: UUID) -> SitePath { OrgPath.userSecondFactorReset.path(id) }
}
