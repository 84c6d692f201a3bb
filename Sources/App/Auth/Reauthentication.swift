import Fluent
import FuyuanCore
import Vapor

/// Fresh proof of identity. A change to one's own credentials (the password, the second factor) takes the current
/// password, typed again with the change; the security and system administrators' actions on other accounts
/// (resetting a password, clearing a second factor, changing a role, issuing a token) take a sign-in or a
/// confirmation of the password within the last five minutes. A wrong password counts toward the account's lockout
/// as a failed sign-in does, and while the account is locked none is accepted, so a session left open cannot be
/// used to guess it.
enum Reauthentication {
    static let freshFor: TimeInterval = 5 * 60

    /// Whether the caller signed in or confirmed their password within `freshFor` (a token is always fresh).
    static func isFresh(_ acting: Acting) async throws -> Bool {
        guard case .session(let id, _) = acting.caller.credential,
            let session = try await UserSession.find(id, on: acting.db)
        else { return true }
        return acting.now.timeIntervalSince(session.confirmedAt ?? session.createdAt) <= freshFor
    }

    /// Records a confirmation of the caller's password on their session.
    static func confirm(as acting: Acting) async throws {
        guard case .session(let id, _) = acting.caller.credential else { return }
        try await acting.db.write { db in
            try await UserSession.query(on: db).filter(\.$id == id).set(\.$confirmedAt, to: acting.now).update()
        }
    }

    /// nil when `password` is the user's current password; otherwise the problem to show, naming the field.
    static func problem(password: String, of user: User, as acting: Acting) async throws -> String? {
        let now = acting.now
        let throttle = try await LoginThrottle.query(on: acting.db).filter(\.$username == user.username).first()
        if let until = throttle?.lockedUntil, until > now {
            return "当前密码：" + SignIn.lockedMessage(until: until, now: now)
        }
        if !password.isEmpty, try await acting.passwords.verify(password, created: user.passwordHash) {
            return nil
        }
        let config = acting.config
        let lockedUntil: Date? = try await acting.db.write { db in
            let record = throttle ?? LoginThrottle(username: user.username, now: now)
            record.count(failureAt: now, limit: config.lockoutThreshold, window: config.lockoutDuration)
            try await record.save(on: db)
            let userID = try user.requireID().uuidString
            try await acting.audit(
                .reauthenticationFailed, object: ("user", userID),
                summary: "确认身份失败（当前密码错误，第 \(record.failures) 次）", on: db)
            if let until = record.lockedUntil {
                try await acting.audit(
                    .accountLocked, object: ("user", userID),
                    summary: "连续 \(record.failures) 次密码错误，锁定至 \(ChineseTime.minute(until))", on: db)
            }
            return record.lockedUntil
        }
        if let lockedUntil { return "当前密码：" + SignIn.lockedMessage(until: lockedUntil, now: now) }
        return "当前密码：不正确"
    }
}

extension Request {
    /// nil when the caller's confirmation is fresh (`Reauthentication.isFresh`); otherwise the way to the
    /// confirmation page, which brings them back to `returnTo`.
    func confirmationNeeded(returnTo: SitePath) async throws -> Response? {
        try await Reauthentication.isFresh(acting())
            ? nil : redirect(to: SitePath.confirm.url + "?next=" + returnTo.url)
    }
}

struct AddSessionConfirmation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema).field("confirmed_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).deleteField("confirmed_at").update()
    }
}
