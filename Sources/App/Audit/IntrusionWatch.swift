import Foundation
import Vapor

/// Watches for the two signs of someone probing the system with a valid account (DJ-IP-04): being refused again and
/// again (trying what the role may not do), and asking for records that are not there (walking through record
/// numbers or guessing addresses). When one account passes a threshold within a minute, a security alert goes to the
/// audit log — and from there to the security administrator's page and the syslog collector; then that account is
/// quiet for ten minutes so that one attack is one alert. Counts are kept in memory, per instance.
final class IntrusionWatch: @unchecked Sendable {
    enum Signal: Sendable {
        /// 403: the role or the scope does not allow it.
        case refused
        /// 404: no such record or page.
        case missing
        /// The account's role or unit does not match its tag (`Grant`): alerted at once.
        case tamperedGrant

        var label: String {
            switch self {
            case .refused: "被拒绝"
            case .missing: "请求不存在的记录或页面"
            case .tamperedGrant: "授权数据被改动"
            }
        }
    }

    struct Thresholds: Sendable {
        var refusals = 20
        var misses = 30
        var window: TimeInterval = 60
        var quiet: TimeInterval = 600

        func limit(_ signal: Signal) -> Int {
            switch signal {
            case .refused: refusals
            case .missing: misses
            case .tamperedGrant: 1
            }
        }
    }

    private struct Key: Hashable {
        let account: UUID
        let signal: Signal
    }

    let thresholds: Thresholds
    private let lock = NSLock()
    /// The latest times, at most one threshold's worth per key, so memory stays bounded by accounts.
    private var times: [Key: [Date]] = [:]
    private var quietUntil: [Key: Date] = [:]

    init(thresholds: Thresholds = Thresholds()) {
        self.thresholds = thresholds
    }

    /// Counts one signal; true when it makes the alert due.
    func observe(_ signal: Signal, account: UUID, at now: Date) -> Bool {
        let key = Key(account: account, signal: signal)
        let limit = thresholds.limit(signal)
        return lock.withLock {
            var recent = (times[key] ?? []).filter { now.timeIntervalSince($0) < thresholds.window }
            recent.append(now)
            if recent.count > limit { recent.removeFirst(recent.count - limit) }
            times[key] = recent
            guard recent.count >= limit, (quietUntil[key] ?? .distantPast) <= now else { return false }
            quietUntil[key] = now.addingTimeInterval(thresholds.quiet)
            return true
        }
    }
}

extension IntrusionWatch {
    /// Counts a refusal or a miss of the signed-in caller and raises the alert when it is due. Never throws: the
    /// answer to the request is already decided.
    static func note(_ status: HTTPResponseStatus, _ request: Request) async {
        guard let caller = request.caller else { return }
        let signal: Signal
        switch status {
        case .forbidden: signal = .refused
        case .notFound: signal = .missing
        default: return
        }
        let watch = request.application.intrusionWatch
        guard watch.observe(signal, account: caller.userID, at: request.now) else { return }
        let limit = watch.thresholds.limit(signal)
        let route = "\(request.method.rawValue) \(request.url.path)"
        try? await request.db.write { db in
            try await request.audit(
                .intrusionSuspected, object: ("user", caller.userID.uuidString),
                summary: "账户 \(caller.username) 在 1 分钟内\(signal.label)达 \(limit) 次，疑似越权尝试或遍历记录编号；最近一次：\(route)",
                on: db)
        }
        request.logger.critical("security alert: \(caller.username) \(signal) \(limit) times in a minute")
    }
}

extension Application {
    private struct IntrusionWatchKey: StorageKey {
        typealias Value = IntrusionWatch
    }

    /// Set by `configure`.
    var intrusionWatch: IntrusionWatch {
        get { storage[IntrusionWatchKey.self]! }
        set { storage[IntrusionWatchKey.self] = newValue }
    }
}
