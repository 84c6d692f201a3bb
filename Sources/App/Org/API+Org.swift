import Fluent
import FuyuanCore
import Vapor

/// JSON shapes of the organisation model under `/api/v1`.
enum OrgDTO {
    struct Region: Content {
        let code: String
        let name: String
        let level: RegionLevel
        let parentCode: String?
    }

    struct Unit: Content {
        let id: UUID
        let name: String
        let kind: UnitKind
        let regionCode: String
        /// Also sent as the `ETag`; send it back as `If-Match` when changing the unit.
        let version: Int
    }

    struct UnitPatch: Content {
        var name: String?
        var kind: UnitKind?
    }

    struct Meeting: Content {
        struct Person: Content {
            let role: MeetingRole
            let name: String
            let post: String
        }

        struct Member: Content {
            let unitID: UUID
            let unitName: String
            let liaisonName: String
            let liaisonPhone: String
        }

        struct Change: Content {
            let summary: [String]
            let approvedBy: String
            let approvedOn: String
            let recordedBy: String
            let recordedAt: Date?
        }

        let regionCode: String
        let name: String
        let officeUnitID: UUID?
        let officeUnitName: String?
        let people: [Person]
        let memberUnits: [Member]
        let changes: [Change]
        /// Send it back as `If-Match` when changing the roster.
        let version: Int
    }

    struct User: Content {
        let id: UUID
        let username: String
        let displayName: String
        let role: Role
        let unitID: UUID
        let isActive: Bool
    }

    struct CreatedUser: Content {
        let user: User
        let oneTimePassword: String
    }

    static func user(_ user: App.User) throws -> User {
        User(
            id: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
            unitID: user.$unit.id, isActive: user.isActive)
    }
}

struct OrgAPI {
    func regions(_ request: Request) async throws -> [OrgDTO.Region] {
        let caller = try request.caller(for: .readOrganisation)
        var query = caller.scope.regions(on: request.db)
        if let parent = try? request.query.get(String.self, at: "parent") {
            let parentRegion = try await caller.scope.region(code: parent, on: request.db)
            let parentID = try parentRegion.requireID()
            query = query.filter(\.$parent.$id == parentID)
        }
        return try await query.sort(\.$path).all().map { dto($0, parentCode: parentCode(of: $0)) }
    }

    func region(_ request: Request) async throws -> OrgDTO.Region {
        let caller = try request.caller(for: .readOrganisation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return dto(region, parentCode: parentCode(of: region))
    }

    func createRegion(_ request: Request) async throws -> Response {
        let region = try await RegionStore.create(
            try request.content.decode(RegionInput.self), as: try request.acting())
        return try await dto(region, parentCode: parentCode(of: region)).encodeResponse(status: .created, for: request)
    }

    func units(_ request: Request) async throws -> [OrgDTO.Unit] {
        let caller = try request.caller(for: .readOrganisation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await OrgQueries.units(of: region, on: request.db).map { try dto($0, regionCode: region.code) }
    }

    func createUnit(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .editUnits)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let unit = try await UnitStore.create(
            try request.content.decode(UnitInput.self), region: region, as: try request.acting())
        return try await dto(unit, regionCode: region.code).encodeResponse(status: .created, for: request)
    }

    func unit(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .readOrganisation)
        let unit = try await caller.scope.unit(id: request.idParameter(), on: request.db)
        return try await tagged(dto(unit, regionCode: unit.joined(Region.self).code), request)
    }

    /// With `If-Match` (the unit's `ETag`), a unit changed by someone else since is refused with 412.
    func updateUnit(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .editUnits)
        let unit = try await caller.scope.unit(id: request.idParameter(), on: request.db)
        let patch = try request.content.decode(OrgDTO.UnitPatch.self)
        let regionCode = try unit.joined(Region.self).code
        try await UnitStore.update(
            unit, with: UnitInput(name: patch.name ?? unit.name, kind: patch.kind ?? unit.kind),
            expected: Versions.ifMatch(request), stale: .preconditionFailed, as: try request.acting())
        return try await tagged(dto(unit, regionCode: regionCode), request)
    }

    private func tagged(_ unit: OrgDTO.Unit, _ request: Request) async throws -> Response {
        let response = try await unit.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .eTag, value: Versions.etag(unit.version))
        return response
    }

    func meeting(_ request: Request) async throws -> OrgDTO.Meeting {
        let caller = try request.caller(for: .readOrganisation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let loaded = try await RosterStore.load(region: region, seal: request.fieldSeal, on: request.db)
        guard loaded.meeting != nil else { throw AppError.notFound("\(region.name)联席会议") }
        return dto(loaded, regionCode: region.code)
    }

    func saveMeeting(_ request: Request) async throws -> OrgDTO.Meeting {
        let caller = try request.caller(for: .editRoster)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        try await RosterStore.save(
            try request.content.decode(RosterStore.Input.self), region: region, expected: Versions.ifMatch(request),
            stale: .preconditionFailed, as: try request.acting())
        return dto(
            try await RosterStore.load(region: region, seal: request.fieldSeal, on: request.db), regionCode: region.code
        )
    }

    static let usersPageSize = 100

    /// A page of the users in scope by user name (a province holds some 20 000): `?page=` from 1; the whole count in
    /// `X-Total-Count`, the next page, while there is one, in `Link`.
    func users(_ request: Request) async throws -> Response {
        struct Query: Decodable { var page: Int? }
        let caller = try request.requireCaller()
        guard caller.role.may(.manageAccounts) || caller.role.may(.assignRoles) else { throw AppError.forbidden }
        let size = Self.usersPageSize
        let asked = try request.query.decode(Query.self).page
        if let asked, asked < 1 { throw AppError(status: .badRequest, code: "bad_request", reason: "page：页码从 1 起") }
        let page = Paging.page(asked, size: size)
        let total = try await caller.scope.users(on: request.db).count()
        let users = try await caller.scope.users(on: request.db).sort(\.$username).range(
            ((page - 1) * size)..<(page * size)
        )
        .all().map(OrgDTO.user)
        let response = try await users.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: "X-Total-Count", value: String(total))
        if page * size < total {
            response.headers.replaceOrAdd(name: .link, value: "</api/v1/users?page=\(page + 1)>; rel=\"next\"")
        }
        return response
    }

    func user(_ request: Request) async throws -> OrgDTO.User {
        let caller = try request.requireCaller()
        guard caller.role.may(.manageAccounts) || caller.role.may(.assignRoles) else { throw AppError.forbidden }
        guard let user = try await caller.scope.users(on: request.db).filter(\.$id == request.idParameter()).first()
        else {
            throw AppError.notFound("用户")
        }
        return try OrgDTO.user(user)
    }

    func createUser(_ request: Request) async throws -> Response {
        let (user, password) = try await UserStore.create(
            try request.content.decode(UserInput.self), as: try request.acting())
        return try await OrgDTO.CreatedUser(user: try OrgDTO.user(user), oneTimePassword: password).encodeResponse(
            status: .created, for: request)
    }

    private func parentCode(of region: Region) -> String? {
        let parts = region.path.split(separator: "/")
        return parts.count > 1 ? String(parts[parts.count - 2]) : nil
    }

    private func dto(_ region: Region, parentCode: String?) -> OrgDTO.Region {
        OrgDTO.Region(code: region.code, name: region.name, level: region.level, parentCode: parentCode)
    }

    private func dto(_ unit: Unit, regionCode: String) throws -> OrgDTO.Unit {
        OrgDTO.Unit(
            id: try unit.requireID(), name: unit.name, kind: unit.kind, regionCode: regionCode, version: unit.version)
    }

    private func dto(_ loaded: RosterStore.Loaded, regionCode: String) -> OrgDTO.Meeting {
        OrgDTO.Meeting(
            regionCode: regionCode, name: loaded.meeting?.name ?? "", officeUnitID: loaded.officeUnit?.id,
            officeUnitName: loaded.officeUnit?.name,
            people: loaded.people.map { .init(role: $0.role, name: $0.name, post: $0.post) },
            memberUnits: loaded.members.map {
                .init(
                    unitID: $0.member.$unit.id, unitName: $0.unit.name, liaisonName: $0.member.liaisonName,
                    liaisonPhone: FieldSeal.masked($0.member.liaisonPhone))
            },
            changes: loaded.changes.map {
                .init(
                    summary: $0.summary.components(separatedBy: "\n"), approvedBy: $0.approvedBy,
                    approvedOn: $0.approvedOn,
                    recordedBy: $0.recordedBy, recordedAt: $0.recordedAt)
            }, version: loaded.meeting?.version ?? 0)
    }
}
