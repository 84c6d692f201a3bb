import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// What a user may do and where comes from their role and their unit (MP-03). Both are authenticated by a tag under
/// the data key, made only where the product grants them (account creation, the security administrator's role
/// change) and checked on every request, so a role or unit changed in the database behind the product is refused.
enum Grant {
    static let purpose = "fuyuan grant v1"

    static func tag(user: UUID, role: Role, unit: UUID, seal: FieldSeal) -> String {
        seal.tag(purpose, parts(user: user, role: role, unit: unit))
    }

    static func holds(_ tag: String, user: UUID, role: Role, unit: UUID, seal: FieldSeal) -> Bool {
        seal.verifies(tag, purpose, parts(user: user, role: role, unit: unit))
    }

    /// Whether the tag holds under the current key or, after restoring a backup made before a key rotation, the
    /// previous one.
    static func holds(_ tag: String, user: UUID, role: Role, unit: UUID, app: Application) -> Bool {
        holds(tag, user: user, role: role, unit: unit, seal: app.fieldSeal)
            || app.previousFieldSeal.map { holds(tag, user: user, role: role, unit: unit, seal: $0) } ?? false
    }

    private static func parts(user: UUID, role: Role, unit: UUID) -> [String] {
        [user.uuidString, role.rawValue, unit.uuidString]
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

    static func tagAll(on database: any Database, seal: FieldSeal) async throws {
        let sql = try database.sql()
        struct Row: Decodable {
            let id: UUID
            let role: Role
            let unit_id: UUID
        }
        for row in try await sql.raw("SELECT id, role, unit_id FROM users").all(decoding: Row.self) {
            let tag = Grant.tag(user: row.id, role: row.role, unit: row.unit_id, seal: seal)
            try await sql.raw("UPDATE users SET grant_mac = \(bind: tag) WHERE id = \(bind: row.id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("grant_mac").update()
    }
}
