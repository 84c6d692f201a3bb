import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Sends what the outbox holds: every few seconds it takes a lease on the deliveries due (so that of several
/// instances one sends each), sends them, and records sent or failed with the server's answer; a failure it can
/// retry waits longer each time (`FUYUAN_DELIVERY_RETRY_SECONDS` × 1, 5, 15, 60, 180), and after the sixth attempt
/// the delivery is failed. An instance killed mid-send leaves its lease to run out; another one then sends it.
public final class Deliverer: LifecycleHandler, @unchecked Sendable {
    static let batch = 10
    static let attemptsAllowed = 6
    private static let backoff: [Double] = [1, 5, 15, 60, 180]

    private let lock = NSLock()
    private var task: Task<Void, Never>?

    public init() {}

    public func didBootAsync(_ application: Application) async throws {
        let app = application
        let holder = UUID().uuidString
        let task = Task {
            while !Task.isCancelled {
                var claimed = 0
                do {
                    claimed = try await app.inFlight.hold("deliveries") { try await Self.pass(app, holder: holder) }
                } catch {
                    app.logger.report(error: error)
                }
                if claimed < Self.batch { try? await Task.sleep(for: .seconds(2)) }
            }
        }
        lock.withLock { self.task = task }
    }

    public func shutdownAsync(_ application: Application) async {
        lock.withLock { task }?.cancel()
    }

    /// What one drain did with the deliveries it tried: sent, failed for good, or left to retry.
    public struct Tally: Sendable, CustomStringConvertible {
        public let sent: Int
        public let failed: Int
        public let retrying: Int

        public var description: String { "已发送 \(sent) 条，失败 \(failed) 条，待重试 \(retrying) 条" }
    }

    /// Sends until nothing is due now. For `fuyuan digest --send`.
    static func drain(_ app: Application) async throws -> Tally {
        let holder = UUID().uuidString
        while try await pass(app, holder: holder) > 0 {}
        let states = try await Delivery.query(on: app.db).filter(\.$leaseHolder == holder).all(\.$state)
        return Tally(
            sent: states.filter { $0 == .sent }.count, failed: states.filter { $0 == .failed }.count,
            retrying: states.filter { $0 == .pending }.count)
    }

    /// Claims deliveries due now one at a time, each under its own lease, and sends each at once, up to `batch` of
    /// them; answers how many it claimed. Mail and SMS wait while their channel is not set (so that setting it later
    /// in the day still sends the day's digest), and fail when a day has passed.
    @discardableResult
    static func pass(_ app: Application, holder: String) async throws -> Int {
        let ready = try await readyChannels(app)
        try await expire(
            now: app.clock.now().milliseconds, notReady: Delivery.Channel.allCases.filter { !ready.contains($0) }, app)
        var claimed = 0
        while claimed < batch, let delivery = try await claim(ready, holder: holder, app) {
            claimed += 1
            let outcome: Outcome
            do {
                outcome = .sent(try await send(delivery, app))
            } catch let failure as DeliveryFailure {
                outcome = .failed(failure.description, permanent: failure.permanent)
            } catch {
                outcome = .failed(String(describing: error), permanent: false)
            }
            try await record(outcome, of: delivery, holder: holder, app: app)
        }
        return claimed
    }

    /// Takes the lease on the delivery due longest, on a channel that can send; nil when none is due. Looks first
    /// without writing (the sender asks every two seconds), then takes it in a write: the lease's condition, checked
    /// again by the UPDATE, lets only one instance have it. A send gives up at half the lease, so that nobody else
    /// takes it while it is under way.
    private static func claim(_ ready: [Delivery.Channel], holder: String, _ app: Application) async throws -> Delivery?
    {
        let now = app.clock.now().milliseconds
        guard
            let due = try await Delivery.query(on: app.db).filter(\.$state == .pending).filter(\.$channel ~~ ready)
                .filter(\.$nextAt <= now).filter(\.$leaseUntil < now).sort(\.$nextAt).first(),
            let id = due.id
        else { return nil }
        let until = now + Int64(app.config.deliveryLease * 1000)
        return try await app.db.write { db in
            try await db.sql().raw(
                """
                UPDATE deliveries SET lease_holder = \(bind: holder), lease_until = \(bind: until), attempts = attempts + 1
                WHERE id = \(bind: id) AND state = 'pending' AND lease_until < \(bind: now)
                """
            ).run()
            return try await Delivery.query(on: db).filter(\.$id == id).filter(\.$leaseHolder == holder)
                .filter(\.$leaseUntil == until).first()
        }
    }

    /// The channels that can send now: the robots always, mail with a mail server, SMS with a gateway.
    private static func readyChannels(_ app: Application) async throws -> [Delivery.Channel] {
        var ready: [Delivery.Channel] = [.robot]
        if try await NoticeChannels.mailServer(app, on: app.db) != nil { ready.append(.mail) }
        if try await NoticeChannels.smsGateway(app, on: app.db) != nil { ready.append(.sms) }
        return ready
    }

    /// Fails the deliveries that waited a whole day for a channel nobody set; writes only when there are some.
    private static func expire(now: Int64, notReady: [Delivery.Channel], _ app: Application) async throws {
        for channel in notReady {
            @Sendable func stale(_ db: any Database) -> QueryBuilder<Delivery> {
                Delivery.query(on: db).filter(\.$state == .pending).filter(\.$channel == channel)
                    .filter(\.$nextAt < now - 86_400_000)
            }
            guard try await stale(app.db).first() != nil else { continue }
            let answer = "一日内未能发出：系统管理员尚未在“通知渠道”中设置\(channel == .mail ? "邮件服务器" : "短信平台")"
            try await app.db.write { db in
                try await stale(db).set(\.$state, to: .failed).set(\.$answer, to: answer).update()
            }
        }
    }

    enum Outcome {
        case sent(String)
        case failed(String, permanent: Bool)
    }

    private static func record(_ outcome: Outcome, of delivery: Delivery, holder: String, app: Application)
        async throws
    {
        let now = app.clock.now()
        let id = try delivery.requireID()
        let (state, answer, nextAt, sentAt): (Delivery.State, String, Int64, Date?)
        switch outcome {
        case .sent(let text):
            (state, answer, nextAt, sentAt) = (.sent, text, delivery.nextAt, now)
        case .failed(let text, let permanent):
            let again = !permanent && delivery.attempts < attemptsAllowed
            let wait = app.config.deliveryRetry * backoff[min(delivery.attempts, backoff.count) - 1]
            (state, answer, nextAt, sentAt) = (
                again ? .pending : .failed, text, now.milliseconds + Int64(wait * 1000), nil
            )
            // The answer, which can name the recipient, is in the delivery log only.
            app.logger.warning("delivery \(delivery.key) failed (attempt \(delivery.attempts)), see the delivery log")
        }
        // A write like every other: on SQLite it takes its turn with the app's other writers (`Database.write`).
        try await app.db.write { db in
            try await Delivery.query(on: db).filter(\.$id == id).filter(\.$leaseHolder == holder)
                .set(\.$leaseUntil, to: 0).set(\.$state, to: state).set(\.$answer, to: String(answer.prefix(500)))
                .set(\.$nextAt, to: nextAt).set(\.$sentAt, to: sentAt).update()
        }
    }

    /// Sends one delivery; answers the server's answer.
    private static func send(_ delivery: Delivery, _ app: Application) async throws -> String {
        switch delivery.channel {
        case .robot:
            guard let robotID = delivery.$robot.id, let robot = try await Robot.find(robotID, on: app.db) else {
                throw DeliveryFailure(description: "群机器人已删除", permanent: true)
            }
            return try await RobotSender.post(
                robot, title: delivery.title, lines: delivery.lineList, link: delivery.link, app: app)
        case .mail:
            guard let server = try await NoticeChannels.mailServer(app, on: app.db) else {
                throw DeliveryFailure(description: "未设置邮件服务器：请系统管理员在“通知渠道”中设置", permanent: true)
            }
            let (user, address) = try await person(of: delivery, channel: .mail, app) { $0.sealedEmail }
            let message = NoticeMail.compose(
                delivery, to: address, name: user.displayName, from: server.sender, publicURL: app.config.publicURL,
                at: app.clock.now())
            return try await SMTPClient.send(
                message, via: server, on: app.eventLoopGroup, timeout: .seconds(Int64(app.config.deliveryLease / 2)))
        case .sms:
            guard let gateway = try await NoticeChannels.smsGateway(app, on: app.db) else {
                throw DeliveryFailure(description: "未设置短信平台：请系统管理员在“通知渠道”中设置", permanent: true)
            }
            let (_, phone) = try await person(of: delivery, channel: .sms, app) { $0.sealedPhone }
            return try await gateway.send(gateway.text(delivery.title, lines: delivery.lineList), to: phone, app: app)
        }
    }

    /// The person a delivery is for and their address on `channel`, as they have it now; a person who has since
    /// switched the channel off or taken the address away gets nothing.
    private static func person(
        of delivery: Delivery, channel: Delivery.Channel, _ app: Application, _ sealed: (NoticeSetting) -> String
    ) async throws -> (User, String) {
        guard let userID = delivery.$user.id, let user = try await User.find(userID, on: app.db), user.isActive,
            let setting = try await NoticeSetting.query(on: app.db).filter(\.$user.$id == userID).first(),
            !sealed(setting).isEmpty, setting.chosen.contains(delivery.kind + ":" + channel.rawValue)
        else { throw DeliveryFailure(description: "收件人已关闭该通知或未留\(channel == .mail ? "邮箱" : "手机号")", permanent: true) }
        return (user, try app.fieldSeal.open(sealed(setting)))
    }
}
