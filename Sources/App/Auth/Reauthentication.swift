import Fluent
import FuyuanCore
import Vapor

/// Fresh proof of identity before a change to one's own credentials (the password, the second factor): the current
/// password, typed again with the change. A wrong one counts toward the account's lockout as a failed sign-in does,
/// and while the account is locked none is accepted, so a session left open cannot be used to guess it.
enum Reauthentication {
    /// nil when `password` is the user's current password; otherwise the problem to show, naming the field.
    static func problem(password: String, of user: User, request: Request) async throws -> String? {
        let now = request.now
        let throttle = try await LoginThrottle.query(on: request.db).filter(\.$username == user.username).first()
        if let until = throttle?.lockedUntil, until > now {
            return "当前密码：" + SignIn.lockedMessage(until: until, now: now)
        }
        if !password.isEmpty, try await request.password.async.verify(password, created: user.passwordHash) {
            return nil
        }
        let config = request.application.config
        let lockedUntil: Date? = try await request.db.write { db in
            let record = throttle ?? LoginThrottle(username: user.username, now: now)
            record.count(failureAt: now, limit: config.lockoutThreshold, window: config.lockoutDuration)
            try await record.save(on: db)
            let userID = try user.requireID().uuidString
            try await request.audit(
                .reauthenticationFailed, object: ("user", userID),
                summary: "确认身份失败（当前密码错误，第 \(record.failures) 次）", on: db)
            if let until = record.lockedUntil {
                try await request.audit(
                    .accountLocked, object: ("user", userID),
                    summary: "连续 \(record.failures) 次密码错误，锁定至 \(ChineseTime.minute(until))", on: db)
            }
            return record.lockedUntil
        }
        if let lockedUntil { return "当前密码：" + SignIn.lockedMessage(until: lockedUntil, now: now) }
        return "当前密码：不正确"
    }
}
