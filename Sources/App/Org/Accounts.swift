import Fluent
import FuyuanCore
import Vapor

/// Account work done on the server itself (`fuyuan user …` and the first start), where administrator
/// accounts are made: the web pages never grant an administrator role.
public enum Accounts {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// On a database without users, creates region `rootCode` if there is none, a unit for the platform's
    /// operators and the system administrator `admin` with a random one-time password, returned to be printed once.
    public static func createFirstAdministrator(_ app: Application, rootCode: String, rootName: String) async throws
        -> String?
    {
        guard try await User.query(on: app.db).count() == 0 else { return nil }
        guard let code = RegionCode(rootCode) else {
            throw Problem(description: RegionCode.problem(rootCode) ?? "区划代码无效：\(rootCode)")
        }
        let password = Secret.oneTimePassword()
        let hash = try app.password.hash(password)
        let now = app.clock.now()
        try await app.db.write { db in
            let region: Region
            if let existing = try await Region.query(on: db).filter(\.$parent.$id == nil).sort(\.$code).first() {
                region = existing
            } else {
                region = Region(code: code.description, name: rootName, level: code.level, parent: nil)
                try await region.create(on: db)
            }
            let unit = Unit(name: "府院通平台运维", kind: .other, regionID: try region.requireID())
            try await unit.create(on: db)
            let user = User(
                username: "admin", displayName: "系统管理员", passwordHash: hash, role: .systemAdmin,
                unitID: try unit.requireID(), regionID: try region.requireID(), mustChangePassword: true,
                passwordChangedAt: now, seal: app.fieldSeal)
            try await user.create(on: db)
            try await Audit.record(
                .userCreated, by: .system, object: ("user", try user.requireID().uuidString),
                summary: "首次启动：创建系统管理员 admin（须在首次登录时修改密码）", after: user.snapshot, at: now, on: db)
        }
        return password
    }

    /// Creates an account of any role in unit `unitName` of region `regionCode`; returns its one-time password.
    public static func create(
        _ app: Application, username: String, displayName: String, role: Role, regionCode: String, unitName: String
    ) async throws -> String {
        if let problem = UserName.problem(username) { throw Problem(description: "用户名：\(problem)") }
        let name = UserName.normalised(username)
        guard try await User.query(on: app.db).filter(\.$username == name).count() == 0 else {
            throw Problem(description: "用户名：“\(name)”已被使用")
        }
        guard let region = try await Region.query(on: app.db).filter(\.$code == regionCode).first() else {
            throw Problem(description: "区划代码：\(regionCode) 不存在")
        }
        guard
            let unit = try await Unit.query(on: app.db).filter(\.$region.$id == region.requireID()).filter(
                \.$name == unitName
            ).first()
        else {
            throw Problem(description: "单位：\(region.name)没有“\(unitName)”")
        }
        let password = Secret.oneTimePassword()
        let user = User(
            username: name, displayName: displayName, passwordHash: try app.password.hash(password), role: role,
            unitID: try unit.requireID(), regionID: unit.$region.id, mustChangePassword: true,
            passwordChangedAt: app.clock.now(),
            seal: app.fieldSeal)
        try await app.db.write { db in
            try await user.create(on: db)
            try await Audit.record(
                .userCreated, by: .system, object: ("user", try user.requireID().uuidString),
                summary: "命令行创建用户 \(name)（\(role.label)）", after: user.snapshot, at: app.clock.now(), on: db)
        }
        return password
    }

    /// Gives `username` a new one-time password and ends their sessions; unlocks the account.
    public static func resetPassword(_ app: Application, username: String) async throws -> String {
        let name = UserName.normalised(username)
        guard let user = try await User.query(on: app.db).filter(\.$username == name).first() else {
            throw Problem(description: "用户名：“\(name)”不存在")
        }
        let password = Secret.oneTimePassword()
        user.passwordHash = try app.password.hash(password)
        user.mustChangePassword = true
        user.passwordChangedAt = app.clock.now()
        try await app.db.write { db in
            try await user.update(on: db)
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await LoginThrottle.query(on: db).filter(\.$username == name).delete()
            try await Audit.record(
                .passwordReset, by: .system, object: ("user", try user.requireID().uuidString),
                summary: "命令行重置 \(name) 的密码", at: app.clock.now(), on: db)
        }
        return password
    }
}
