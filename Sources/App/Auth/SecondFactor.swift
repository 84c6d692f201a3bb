import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The optional second factor: a TOTP key a person sets up with an authenticator app, after which signing in takes
/// the app's current code as well as the password. The key is sealed at rest; the security administrator can
/// clear it for someone who lost their phone.
enum SecondFactor {
    /// What signing in makes of the code given with a correct password.
    enum Check: Equatable {
        case notSetUp
        case accepted
        case refused
    }

    /// Checks `code` for `user` and, when it is good, records its step in `db` so that it cannot be used again; a
    /// code already used (or raced by a second sign-in) is refused.
    static func check(_ code: String?, for user: User, at now: Date, seal: FieldSeal, on db: any Database)
        async throws -> Check
    {
        guard let sealed = user.sealedTOTPKey else { return .notSetUp }
        guard let code, let key = Base32.decode(try seal.open(sealed)),
            let step = TOTP(key: key).step(of: code, at: now, after: user.totpLastStep)
        else { return .refused }
        let sql = try db.sql()
        let taken = try await sql.raw(
            """
            UPDATE users SET totp_last_step = \(bind: step)
            WHERE id = \(bind: user.requireID()) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
            RETURNING id
            """
        ).first()
        return taken == nil ? .refused : .accepted
    }

    /// Sets up `key` for the caller once they have shown a code made from it.
    static func enable(key: [UInt8], code: String, password: String, as acting: Acting) async throws {
        let caller = acting.caller
        guard let user = try await User.find(caller.userID, on: acting.db) else { throw AppError.notFound("用户") }
        if let problem = try await Reauthentication.problem(password: password, of: user, as: acting) {
            throw AppError.invalid(problem)
        }
        guard let step = TOTP(key: key).step(of: code, at: acting.now, after: nil) else {
            throw AppError.invalid("动态口令：与密钥不符或已过期，请输入验证器当前显示的 6 位数字")
        }
        user.sealedTOTPKey = acting.seal.seal(Base32.encode(key))
        user.totpLastStep = step
        try await acting.db.write { db in
            try await user.update(on: db)
            try await acting.audit(
                .secondFactorEnabled, object: ("user", caller.userID.uuidString), summary: "\(caller.username) 启用动态口令",
                on: db)
        }
    }

    /// Turns the caller's second factor off; they show their password and a current code to do so.
    static func disable(code: String, password: String, as acting: Acting) async throws {
        let caller = acting.caller
        guard let user = try await User.find(caller.userID, on: acting.db) else { throw AppError.notFound("用户") }
        if acting.config.secondFactorRequiredForAdministrators && caller.role.isAdministrator {
            throw AppError.invalid("本系统要求管理员使用动态口令，不能停用；更换手机请由安全管理员清除后重新设置")
        }
        if let problem = try await Reauthentication.problem(password: password, of: user, as: acting) {
            throw AppError.invalid(problem)
        }
        try await acting.db.write { db in
            guard try await check(code, for: user, at: acting.now, seal: acting.seal, on: db) == .accepted else {
                throw AppError.invalid("动态口令：不正确或已使用过，请输入验证器当前显示的 6 位数字")
            }
            try await clear(user, on: db)
            try await acting.audit(
                .secondFactorDisabled, object: ("user", caller.userID.uuidString), summary: "\(caller.username) 停用动态口令",
                on: db)
        }
    }

    /// The security administrator clears someone's second factor (a lost phone); they set it up again.
    static func reset(_ user: User, as acting: Acting) async throws {
        _ = try acting.caller(for: .assignRoles)
        try await acting.db.write { db in
            try await clear(user, on: db)
            try await acting.audit(
                .secondFactorReset, object: ("user", user.requireID().uuidString), summary: "清除 \(user.username) 的动态口令",
                on: db)
        }
    }

    private static func clear(_ user: User, on db: any Database) async throws {
        user.sealedTOTPKey = nil
        user.totpLastStep = nil
        try await user.update(on: db)
    }
}

/// Adds the second factor's columns to users.
struct AddSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("totp_key", .string).update()
        try await database.schema(User.schema).field("totp_last_step", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("totp_key").update()
        try await database.schema(User.schema).deleteField("totp_last_step").update()
    }
}
