import Fluent
import FuyuanCore
import Vapor

/// Accounts nobody uses are disabled (DJ-AC-07): a business account that has not signed in, nor had an API token
/// used, for `FUYUAN_DORMANT_DAYS` days (counted from its creation when it never signed in) is deactivated and its
/// sessions ended, in one audited transaction. The three administrators are left alone: disabling them could leave
/// nobody to enable the others. The system administrator enables an account again under 用户.
enum Dormancy {
    /// Disables the dormant accounts as of `now`; returns their user names, sorted.
    @discardableResult
    static func disable(on db: any Database, now: Date, days: Int) async throws -> [String] {
        guard days > 0 else { return [] }
        let cutoff = now.addingTimeInterval(-TimeInterval(days) * 86_400)
        return try await db.write { db in
            let candidates = try await User.query(on: db)
                .filter(\.$isActive == true).filter(\.$role ~~ Role.business)
                .group(.or) {
                    $0.filter(\.$lastSignedInAt < cutoff).group(.and) {
                        $0.filter(\.$lastSignedInAt == nil).filter(\.$createdAt < cutoff)
                    }
                }
                .all()
            guard !candidates.isEmpty else { return [] }
            let tokenUsers = try await APIToken.query(on: db)
                .filter(\.$user.$id ~~ candidates.compactMap(\.id)).filter(\.$revokedAt == nil)
                .group(.or) { $0.filter(\.$lastUsedAt >= cutoff).filter(\.$createdAt >= cutoff) }
                .all().map(\.$user.id)
            let dormant = try candidates.filter { try !tokenUsers.contains($0.requireID()) }
                .sorted { $0.username < $1.username }
            guard !dormant.isEmpty else { return [] }
            let ids = dormant.compactMap(\.id)
            try await User.query(on: db).filter(\.$id ~~ ids).set(\.$isActive, to: false).update()
            try await UserSession.query(on: db).filter(\.$user.$id ~~ ids).delete()
            let names = dormant.map(\.username)
            try await Audit.record(
                .dormantDisabled, by: .system, object: ("system", "dormancy"),
                summary: "停用 \(days) 日未登录的账户 \(names.count) 个：\(names.joined(separator: "、"))", after: names,
                at: now, on: db)
            return names
        }
    }
}

struct AddLastSignIn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("last_signed_in_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("last_signed_in_at").update()
    }
}
