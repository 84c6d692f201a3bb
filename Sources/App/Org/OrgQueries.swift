import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Read queries of the organisation model, each taking the caller's scope.
enum OrgQueries {
    /// Units per region for `regionIDs`, in one grouped query.
    static func unitCounts(regionIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        let sql = try db.sql()
        guard !regionIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            let region_id: UUID
            let total: Int
        }
        let rows = try await sql.select()
            .column("region_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Unit.schema)
            .where(SQLColumn("region_id"), .in, SQLBind.group(regionIDs))
            .groupBy("region_id")
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.region_id, $0.total) })
    }

    /// Member units per joint meeting of `regionIDs`, in one grouped query.
    static func memberCounts(regionIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        let sql = try db.sql()
        guard !regionIDs.isEmpty else { return [:] }
        struct Row: Decodable {
            let region_id: UUID
            let total: Int
        }
        let rows = try await sql.select()
            .column(SQLColumn("region_id", table: JointMeeting.schema))
            .column(SQLFunction("COUNT", args: SQLColumn("id", table: MemberUnit.schema)), as: "total")
            .from(JointMeeting.schema)
            .join(
                MemberUnit.schema, method: SQLJoinMethod.left, on: SQLColumn("meeting_id", table: MemberUnit.schema),
                .equal, SQLColumn("id", table: JointMeeting.schema)
            )
            .where(SQLColumn("region_id", table: JointMeeting.schema), .in, SQLBind.group(regionIDs))
            .groupBy(SQLColumn("region_id", table: JointMeeting.schema))
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.region_id, $0.total) })
    }

    static func userCount(regionID: UUID, on db: any Database) async throws -> Int {
        try await User.query(on: db)
            .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$region.$id == regionID)
            .count()
    }

    /// Direct lower regions of `region` that the scope reads.
    static func lowerRegions(of region: Region, scope: Scope, on db: any Database) async throws -> [Region] {
        try await scope.regions(on: db).filter(\.$parent.$id == region.requireID()).sort(\.$code).all()
    }

    /// A region's units as a dropdown offers them: id and name, by name.
    static func unitChoices(of region: Region, on db: any Database) async throws -> [(id: UUID, name: String)] {
        struct Choice: Decodable {
            let id: UUID
            let name: String
        }
        return try await db.sql().raw(
            "SELECT id, name FROM units WHERE region_id = \(bind: try region.requireID()) ORDER BY name"
        ).all(decoding: Choice.self).map { ($0.id, $0.name) }
    }

    static func units(of region: Region, on db: any Database) async throws -> [Unit] {
        try await Unit.query(on: db).filter(\.$region.$id == region.requireID()).sort(\.$name).all()
    }
}

extension OrgQueries {
    struct LockedAccount: Decodable, Sendable {
        let username: String
        let displayName: String
        let until: Date
    }

    /// Accounts of the scope locked by failed sign-ins at `now`, the longest locked first, in one query.
    static func lockedAccounts(at now: Date, scope: Scope, on db: any Database) async throws -> [LockedAccount] {
        try await db.sql().raw(
            """
            SELECT u.username, u.display_name AS "displayName", t.locked_until AS until FROM users u \
            JOIN login_throttles t ON t.username = u.username JOIN units n ON n.id = u.unit_id \
            JOIN regions r ON r.id = n.region_id WHERE t.locked_until > \(bind: now) AND \(scope.paths) \
            ORDER BY t.locked_until DESC, u.username
            """
        ).all(decoding: LockedAccount.self)
    }

    struct DisabledAccount: Decodable, Sendable {
        let username: String
        let displayName: String
        let unitName: String
        let total: Int
    }

    /// Disabled accounts of the scope by user name, the first `limit` with the count, in one query.
    static func disabledAccounts(scope: Scope, limit: Int, on db: any Database) async throws -> (
        total: Int, rows: [DisabledAccount]
    ) {
        let rows = try await db.sql().raw(
            """
            SELECT u.username, u.display_name AS "displayName", n.name AS "unitName", COUNT(*) OVER () AS total \
            FROM users u JOIN units n ON n.id = u.unit_id JOIN regions r ON r.id = n.region_id \
            WHERE u.is_active = \(bind: false) AND \(scope.paths) ORDER BY u.username LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: DisabledAccount.self)
        return (rows.first?.total ?? 0, rows)
    }
}
