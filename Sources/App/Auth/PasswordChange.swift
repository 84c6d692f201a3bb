import Fluent
import FuyuanCore

/// A person changing their own password: the current one typed again, the new one by the policy and not one of
/// the last few; the person's other sessions end with the old password.
enum PasswordChange {
    /// Changes the caller's password; answers the problems, each naming its field, and changes nothing when there
    /// are any.
    static func change(current: String, new: String, confirm: String, as acting: Acting) async throws -> [String] {
        let caller = acting.caller
        guard let user = try await User.find(caller.userID, on: acting.db) else { throw AppError.unauthorized }
        let policy = acting.config.passwordPolicy
        var problems: [String] = []
        let currentProblem = try await Reauthentication.problem(password: current, of: user, as: acting)
        if let currentProblem { problems.append(currentProblem) }
        if new != confirm { problems.append("确认新密码：两次输入不一致") }
        problems += policy.problems(password: new, username: user.username).map { "新密码：\($0)" }
        let history = try await PasswordHistory.query(on: acting.db).filter(\.$user.$id == caller.userID)
            .sort(\.$retiredAt, .descending).limit(policy.historyCount).all()
        if currentProblem == nil, problems.isEmpty {
            for (index, earlier) in ([user.passwordHash] + history.map(\.hash)).enumerated() {
                guard try await acting.passwords.verify(new, created: earlier) else { continue }
                problems.append(index == 0 ? "新密码：不能与当前密码相同" : "新密码：不能与最近 \(policy.historyCount) 次用过的密码相同")
                break
            }
        }
        guard problems.isEmpty else { return problems }
        let hash = try await acting.passwords.hash(new)
        let retired = PasswordHistory(userID: caller.userID, hash: user.passwordHash, retiredAt: acting.now)
        try await acting.db.write { db in
            try await retired.create(on: db)
            let stale = try await PasswordHistory.query(on: db).filter(\.$user.$id == caller.userID)
                .sort(\.$retiredAt, .descending).all().dropFirst(policy.historyCount)
            if !stale.isEmpty {
                try await PasswordHistory.query(on: db).filter(\.$id ~~ stale.compactMap(\.id)).delete()
            }
            user.passwordHash = hash
            user.passwordChangedAt = acting.now
            user.mustChangePassword = false
            try await user.update(on: db)
            // Other sessions of this user end with the old password.
            var others = UserSession.query(on: db).filter(\.$user.$id == caller.userID)
            if case .session(let id, _) = caller.credential { others = others.filter(\.$id != id) }
            try await others.delete()
            try await acting.audit(
                .passwordChanged, object: ("user", caller.userID.uuidString), summary: "\(caller.displayName) 修改了密码",
                on: db)
        }
        return []
    }
}
