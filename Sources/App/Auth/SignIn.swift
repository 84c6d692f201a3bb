import Fluent
import FuyuanCore
import Vapor

/// Checking a name and password, counting failures and starting a session; shared by the sign-in
/// page and `POST /api/v1/auth/login`.
enum SignIn {
    enum Outcome {
        case signedIn(sessionToken: String, csrfToken: String, user: User)
        case refused(String)
        /// Too many failures from the caller's address: 429, try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// `code` is the authenticator app's current code, needed once the account has a second factor.
    static func attempt(username rawName: String, password: String, code: String? = nil, at door: Door)
        async throws -> Outcome
    {
        let name = UserName.normalised(rawName)
        let config = door.config
        let now = door.now
        let address = door.address
        let addressKey = "address:" + address
        let addressThrottle = try await LoginThrottle.query(on: door.db).filter(\.$username == addressKey).first()
        if let until = addressThrottle?.lockedUntil, until > now {
            return .throttled(retryAfter: max(1, Int(until.timeIntervalSince(now).rounded(.up))))
        }
        let throttle = try await LoginThrottle.query(on: door.db).filter(\.$username == name).first()
        if let lockedUntil = throttle?.lockedUntil, lockedUntil > now {
            return .refused(lockedMessage(until: lockedUntil, now: now))
        }
        let user = try await User.query(on: door.db)
            .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
            .join(Region.self, on: \Unit.$region.$id == \Region.$id)
            .filter(\.$username == name)
            .first()
        let passwordMatches = try await door.passwords.verify(
            password, created: user?.passwordHash ?? door.decoyPasswordHash)

        let secondFactorRefused: Bool
        if let user, passwordMatches, user.isActive, !password.isEmpty {
            let factor = try await SecondFactor.check(
                code?.isEmpty == false ? code : nil, for: user, at: now, seal: door.seal, on: door.db)
            secondFactorRefused = factor == .refused
        } else {
            secondFactorRefused = false
        }
        if let user, passwordMatches, user.isActive, !password.isEmpty, !secondFactorRefused {
            let token = Secret.make()
            let csrf = Secret.make()
            let region = try user.joined(Region.self)
            let actor = AuditActor(id: user.id, name: user.username, regionPath: region.path, ipAddress: address)
            let signedIn = (action: AuditAction.signIn, object: ("user", try user.requireID().uuidString))
            do {
                try await door.db.write { db in
                    if let throttle { try await throttle.delete(on: db) }
                    if let previous = door.sessionCookie {
                        try await UserSession.query(on: db).filter(\.$tokenHash == Secret.digest(previous)).delete()
                    }
                    let session = UserSession(
                        tokenHash: Secret.digest(token), csrfToken: csrf, userID: try user.requireID(), now: now,
                        ipAddress: address)
                    try await session.create(on: db)
                    try await User.query(on: db).filter(\.$id == user.requireID()).set(\.$lastSignedInAt, to: now)
                        .update()
                    try await Audit.record(
                        signedIn.action, by: actor, object: signedIn.object, summary: "\(user.displayName) 登录", at: now,
                        on: db)
                }
            } catch let error where StorageFull.holds(error) {
                // Nothing could be written: the cookie carries the session instead, so that the person can read.
                let standIn = StandInSession.make(userID: try user.requireID(), at: now, seal: door.seal)
                let watch = door.storageWatch
                watch.noteFull()
                watch.held.hold(
                    .init(
                        action: signedIn.action, actor: actor, object: signedIn.object,
                        summary: "\(user.displayName) 登录（存储空间已满，临时会话）", at: now),
                    logger: door.logger)
                return .signedIn(sessionToken: standIn.token, csrfToken: standIn.csrf, user: user)
            }
            return .signedIn(sessionToken: token, csrfToken: csrf, user: user)
        }

        let regionPath = (try? user?.joined(Region.self).path) ?? ""
        let actor = AuditActor(id: user?.id, name: name, regionPath: regionPath, ipAddress: address)
        let lockedUntil: Date?
        do {
            lockedUntil = try await door.db.write { db in
                // A name that cannot be a user name (the address keys among them) is counted only against the address.
                let record = throttle ?? LoginThrottle(username: name, now: now)
                record.count(failureAt: now, limit: config.lockoutThreshold, window: config.lockoutDuration)
                if UserName.problem(name) == nil { try await record.save(on: db) }
                let byAddress = addressThrottle ?? LoginThrottle(username: addressKey, now: now)
                byAddress.count(failureAt: now, limit: config.addressFailureLimit, window: config.lockoutDuration)
                try await byAddress.save(on: db)
                if let until = byAddress.lockedUntil {
                    try await Audit.record(
                        .addressThrottled, by: actor, object: ("address", address),
                        summary: "来自 \(address) 的登录失败达 \(byAddress.failures) 次，暂停该地址登录至 \(ChineseTime.minute(until))",
                        at: now, on: db)
                }
                let reason =
                    secondFactorRefused ? "动态口令错误" : user.map { $0.isActive ? "密码错误" : "账户已停用" } ?? "用户名不存在"
                try await Audit.record(
                    .signInFailed, by: actor, object: ("user", user?.id?.uuidString ?? name),
                    summary: "登录失败（\(reason)，第 \(record.failures) 次）", at: now, on: db)
                if let until = record.lockedUntil {
                    try await Audit.record(
                        .accountLocked, by: actor, object: ("user", user?.id?.uuidString ?? name),
                        summary: "连续 \(record.failures) 次登录失败，锁定至 \(ChineseTime.minute(until))", at: now, on: db)
                }
                return record.lockedUntil
            }
        } catch let error where StorageFull.holds(error) {
            // The failure cannot be counted while storage is full; the person still learns their password was wrong.
            door.storageWatch.noteFull()
            door.logger.warning("sign-in failure of \(name) from \(address) not counted: storage is full")
            lockedUntil = nil
        }
        if let lockedUntil { return .refused(lockedMessage(until: lockedUntil, now: now)) }
        if secondFactorRefused { return .refused("动态口令错误或已使用过：请输入验证器当前显示的 6 位数字") }
        return .refused("用户名或密码错误")
    }

    static func throttledMessage(retryAfter seconds: Int) -> String {
        "来自您所在网络地址的登录失败次数过多，已暂停该地址登录，请 \(max(1, (seconds + 59) / 60)) 分钟后再试"
    }

    static func lockedMessage(until: Date, now: Date) -> String {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return "连续登录失败次数过多，账户已锁定，请 \(minutes) 分钟后再试"
    }

    /// Ends the caller's session on the server, not only in the browser.
    /// A session that cannot be deleted because storage is full, and every stand-in session, is refused from then on
    /// by this instance (`StandInSession.Revocations`).
    static func signOut(_ caller: Caller?, at door: Door) async throws {
        guard let caller, case .session(let id, _) = caller.credential else { return }
        let config = door.config
        let watch = door.storageWatch
        let now = door.now
        let actor = AuditActor.of(caller, address: door.address)
        let summary = "\(caller.displayName) 退出"
        if door.sessionCookie?.hasPrefix(StandInSession.prefix) == true {
            watch.revocations.revoke(id, until: now.addingTimeInterval(config.idleTimeout), now: now)
        }
        do {
            try await door.db.write { db in
                try await UserSession.query(on: db).filter(\.$id == id).delete()
                try await Audit.record(
                    .signOut, by: actor, object: ("user", caller.userID.uuidString), summary: summary, at: now, on: db)
            }
        } catch let error where StorageFull.holds(error) {
            watch.noteFull()
            watch.revocations.revoke(id, until: now.addingTimeInterval(config.absoluteLifetime), now: now)
            watch.held.hold(
                .init(
                    action: .signOut, actor: actor, object: ("user", caller.userID.uuidString), summary: summary,
                    at: now),
                logger: door.logger)
        }
    }
}
