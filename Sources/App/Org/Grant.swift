import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// What a user may do and where comes from their role, their unit and the unit's region (MP-03). All three are
/// authenticated by a tag under the data key, made only where the product grants them (account creation, the
/// security administrator's role change) and checked on every request, so a role or unit changed in the database
/// behind the product, or a unit moved to another region there (which would widen everyone's scope in it), is
/// refused.
enum Grant {
    /// v2 covers the unit's region; v1 (user, role, unit) tags are replaced by `TagGrantsWithRegions`.
    static let purpose = "fuyuan grant v2"

    /// Who is granted what: the user, their role, their unit and its region.
    struct Subject: Equatable {
        let user: UUID
        let role: Role
        let unit: UUID
        let region: UUID

        fileprivate var parts: [String] { [user.uuidString, role.rawValue, unit.uuidString, region.uuidString] }
    }

    static func tag(_ subject: Subject, seal: FieldSeal) -> String {
        seal.tag(purpose, subject.parts)
    }

    static func holds(_ tag: String, _ subject: Subject, seal: FieldSeal) -> Bool {
        seal.verifies(tag, purpose, subject.parts)
    }

    /// Whether the tag holds under the current key or, after restoring a backup made before a key rotation, the
    /// previous one.
    static func holds(_ tag: String, _ subject: Subject, app: Application) -> Bool {
        holds(tag, subject, seal: app.fieldSeal) || app.previousFieldSeal.map { holds(tag, subject, seal: $0) } ?? false
    }

    /// Refuses a caller whose grant does not hold, raising one security alert per account in ten minutes.
    static func refuse(username: String, user: UUID, role: Role, regionPath: String, at door: Door) async -> AppError {
        if door.intrusionWatch.observe(.tamperedGrant, account: user, at: door.now) {
            let actor = AuditActor(id: user, name: username, regionPath: regionPath, ipAddress: door.address)
            try? await Audit.record(
                .grantTampered, by: actor, object: ("user", user.uuidString),
                summary: "账户 \(username) 的授权数据（角色、所属单位）与校验码不符，疑似在数据库中被改动（现为\(role.label)）；已拒绝其全部请求",
                at: door.now, on: door.db)
            door.logger.critical("security alert: grant of \(username) does not match its tag")
        }
        return AppError(status: .forbidden, code: "grant_tampered", reason: "账户的授权数据校验未通过，已拒绝并报告安全管理员")
    }
}

/// Tags every existing user's grant under the data key.
struct AddGrantTags: AsyncMigration {
    let seal: FieldSeal

    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("grant_mac", .string, .required, .sql(.default(""))).update()
        try await Self.tagAll(on: database, seal: seal)
    }

    /// Tags every user's grant as it stands in the database.
    static func tagAll(on database: any Database, seal: FieldSeal) async throws {
        try await TagGrantsWithRegions.retag(on: database) { subject, _ in Grant.tag(subject, seal: seal) }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("grant_mac").update()
    }
}

/// Covers the unit's region in every grant (`Grant` v2): a grant whose v1 tag (user, role, unit) holds under the
/// data key is tagged again with the unit's region; one that does not hold stays refused.
struct TagGrantsWithRegions: AsyncMigration {
    let seal: FieldSeal

    func prepare(on database: any Database) async throws {
        try await Self.retag(on: database) { subject, tag in
            if Grant.holds(tag, subject, seal: seal) { return tag }
            let v1 = [subject.user.uuidString, subject.role.rawValue, subject.unit.uuidString]
            return seal.verifies(tag, "fuyuan grant v1", v1) ? Grant.tag(subject, seal: seal) : tag
        }
    }

    func revert(on database: any Database) async throws {}

    /// Writes `tag(subject, current tag)` for every user whose tag it changes.
    static func retag(on database: any Database, _ tag: (Grant.Subject, String) -> String) async throws {
        let sql = try database.sql()
        struct Row: Decodable {
            let id: UUID
            let role: Role
            let unit_id: UUID
            let region_id: UUID
            let grant_mac: String
        }
        let rows = try await sql.raw(
            "SELECT u.id, u.role, u.unit_id, n.region_id, u.grant_mac FROM users u JOIN units n ON n.id = u.unit_id"
        ).all(decoding: Row.self)
        for row in rows {
            let subject = Grant.Subject(user: row.id, role: row.role, unit: row.unit_id, region: row.region_id)
            let new = tag(subject, row.grant_mac)
            guard new != row.grant_mac else { continue }
            try await sql.raw("UPDATE users SET grant_mac = \(bind: new) WHERE id = \(bind: row.id)").run()
        }
    }
}
