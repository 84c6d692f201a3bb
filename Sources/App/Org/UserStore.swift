import Fluent
import FuyuanCore
import Vapor

struct UserInput: Content {
    var username: String
    var displayName: String
    var role: Role
    var unitID: UUID
}

/// Account administration. The system administrator creates, disables and resets accounts; the security
/// administrator changes roles and unlocks. Administrator roles are given only by `fuyuan user create`.
enum UserStore {
    /// Creates an account with a one-time password that must be changed at first sign-in; returns it once.
    static func create(_ input: UserInput, as acting: Acting) async throws -> (User, oneTimePassword: String) {
        let caller = try acting.caller(for: .manageAccounts)
        var problems = FieldProblems()
        if let problem = UserName.problem(input.username) { problems.add("用户名", problem) }
        let displayName = input.displayName.trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty { problems.add("姓名", "不能为空") }
        if !Role.business.contains(input.role) { problems.add("角色", "管理员角色只能在服务器上用 fuyuan user create 创建") }
        try problems.throwIfAny()
        let unit = try await caller.scope.unit(id: input.unitID, on: acting.db)
        let name = UserName.normalised(input.username)
        if try await User.query(on: acting.db).filter(\.$username == name).count() > 0 {
            throw AppError.conflict("用户名：“\(name)”已被使用")
        }
        let password = Secret.oneTimePassword()
        let user = User(
            username: name, displayName: displayName, passwordHash: try await acting.passwords.hash(password),
            role: input.role, unitID: input.unitID, regionID: unit.$region.id, mustChangePassword: true,
            passwordChangedAt: acting.now,
            seal: acting.seal)
        try await acting.db.write { db in
            try await user.create(on: db)
            try await acting.audit(
                .userCreated, object: ("user", user.requireID().uuidString),
                summary: "新建用户 \(name)（\(input.role.label)）",
                after: user.snapshot, on: db)
        }
        return (user, password)
    }

    static func changeRole(_ user: User, to role: Role, as acting: Acting) async throws {
        _ = try acting.caller(for: .assignRoles)
        guard Role.business.contains(role), Role.business.contains(user.role) else {
            throw AppError.invalid("角色：管理员角色不能在页面上授予或变更")
        }
        guard role != user.role else { return }
        let before = user.snapshot
        user.role = role
        guard let unit = try await Unit.find(user.$unit.id, on: acting.db) else { throw AppError.notFound("单位") }
        user.grantMAC = Grant.tag(
            .init(user: try user.requireID(), role: role, unit: user.$unit.id, region: unit.$region.id),
            seal: acting.seal)
        try await acting.db.write { db in
            try await user.update(on: db)
            // A change of privilege ends the user's sessions; they sign in again with the new role.
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await acting.audit(
                .roleChanged, object: ("user", user.requireID().uuidString),
                summary: "\(user.username) 角色：\(before.role.label) → \(role.label)", before: before,
                after: user.snapshot, on: db)
        }
    }

    static func unlock(_ user: User, as acting: Acting) async throws {
        _ = try acting.caller(for: .assignRoles)
        try await acting.db.write { db in
            try await LoginThrottle.query(on: db).filter(\.$username == user.username).delete()
            try await acting.audit(
                .userUnlocked, object: ("user", user.requireID().uuidString),
                summary: "解除 \(user.username) 的登录锁定", on: db)
        }
    }

    static func resetPassword(_ user: User, as acting: Acting) async throws -> String {
        _ = try acting.caller(for: .manageAccounts)
        guard !user.role.isAdministrator else { throw AppError.invalid("管理员的密码只能在服务器上用 fuyuan user reset-password 重置") }
        let password = Secret.oneTimePassword()
        let hash = try await acting.passwords.hash(password)
        try await acting.db.write { db in
            user.passwordHash = hash
            user.mustChangePassword = true
            user.passwordChangedAt = acting.now
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await acting.audit(
                .passwordReset, object: ("user", user.requireID().uuidString),
                summary: "重置 \(user.username) 的密码", on: db)
        }
        return password
    }

    static func setActive(_ user: User, _ active: Bool, as acting: Acting) async throws {
        let caller = try acting.caller(for: .manageAccounts)
        guard user.id != caller.userID else { throw AppError.invalid("不能停用自己的账户") }
        guard user.isActive != active else { return }
        let before = user.snapshot
        user.isActive = active
        try await acting.db.write { db in
            try await user.update(on: db)
            if !active { try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete() }
            try await acting.audit(
                .userActivation, object: ("user", user.requireID().uuidString),
                summary: "\(active ? "启用" : "停用")用户 \(user.username)", before: before, after: user.snapshot, on: db)
        }
    }
}
