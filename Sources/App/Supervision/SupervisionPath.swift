import Foundation

/// The addresses of supervision and the units' responses.
enum SupervisionPath {
    static let list: PathPattern = "/regions/:code/supervision"
    static let respond: PathPattern = "/supervision-targets/:id/respond"

    enum API {
        static let list: PathPattern = "/api/v1/regions/:code/supervision"
        static let respond: PathPattern = "/api/v1/supervision-targets/:id/respond"
    }
}

extension SitePath {
    static func supervision(_ code: String) -> SitePath { SupervisionPath.list.path(code) }
    static func supervisionRespond(_ id: UUID) -> SitePath { SupervisionPath.respond.path(id) }
}
