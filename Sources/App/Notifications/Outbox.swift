import Fluent
import FuyuanCore
import Vapor

/// Writes the deliveries of a notice in the transaction of the event that causes it, so that a notice is sent if and
/// only if its event committed (`Deliverer` sends them). Each delivery has a key that makes it once-only.
enum Outbox {
    /// What a delivery says: its title, its lines, and the page it is about (a path).
    struct Message: Sendable, Equatable {
        let title: String
        let lines: [String]
        let link: SitePath
    }

    /// Who a notice of an event is for.
    enum Audience: Sendable {
        /// The people of these units, and the units' group robots.
        case units([UUID])
        /// The security administrators whose scope holds an audit entry made in the region `path` (`""`: by the
        /// system, seen from the top of the region tree), as the alerts page shows it to them.
        case securityAdministrators(over: String)
    }

    /// A person who takes a kind of notice outside the product, and by which channels: those they chose (or the
    /// kind's default) for which they gave an address or a number.
    struct Reader {
        let userID: UUID
        let username: String
        let role: Role
        let unitID: UUID
        let regionID: UUID
        let regionPath: String
        let channels: [Delivery.Channel]
    }

    /// The active people of `audience` (everyone, when nil) who take `kind` by some channel.
    static func readers(of kind: NoticeKind, among audience: Audience? = nil, on db: any Database) async throws
        -> [Reader]
    {
        var query = NoticeSetting.query(on: db)
            .join(User.self, on: \NoticeSetting.$user.$id == \User.$id)
            .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
            .join(Region.self, on: \Unit.$region.$id == \Region.$id)
            .filter(User.self, \.$isActive == true).filter(User.self, \.$role ~~ kind.roles)
        var within: (String) -> Bool = { _ in true }
        switch audience {
        case .units(let ids): query = query.filter(User.self, \.$unit.$id ~~ ids)
        case .securityAdministrators(let path):
            query = query.filter(User.self, \.$role == .securityAdmin)
            within = { scope in path.isEmpty ? !scope.contains("/") : path == scope || path.hasPrefix(scope + "/") }
        case nil: break
        }
        return try await query.all().compactMap { setting in
            let chosen = setting.chosen
            let given: [Delivery.Channel: Bool] = [
                .mail: !setting.sealedEmail.isEmpty, .sms: !setting.sealedPhone.isEmpty,
            ]
            let channels = Delivery.Channel.personal.filter { chosen.contains(kind.choice($0)) && given[$0] == true }
            guard !channels.isEmpty else { return nil }
            let (user, unit, region) = (
                try setting.joined(User.self), try setting.joined(Unit.self), try setting.joined(Region.self)
            )
            guard within(region.path) else { return nil }
            return Reader(
                userID: try user.requireID(), username: user.username, role: user.role, unitID: try unit.requireID(),
                regionID: unit.$region.id, regionPath: region.path, channels: channels)
        }
    }

    /// The deliveries of `message` to `reader`, one a channel, under `key` (`digest:2026-12-07`) and the person.
    static func deliveries(
        _ kind: NoticeKind, key: String, _ message: Message, to reader: Reader, at now: Date
    ) -> [Delivery] {
        reader.channels.map { channel in
            Delivery(
                key: "\(key):user:\(reader.userID):\(channel.rawValue)", kind: kind, channel: channel,
                regionID: reader.regionID, userID: reader.userID, robotID: nil, recipient: reader.username,
                message: message, at: now)
        }
    }

    /// The delivery of `message` to `robot`, under `key` and the robot.
    static func delivery(_ kind: NoticeKind, key: String, _ message: Message, to robot: Robot, at now: Date) throws
        -> Delivery
    {
        Delivery(
            key: "\(key):robot:\(try robot.requireID())", kind: kind, channel: .robot, regionID: robot.$region.id,
            userID: nil, robotID: try robot.requireID(), recipient: robot.name, message: message, at: now)
    }

    /// Writes the notice of one event (`event`, unique within the kind: a supervision's id) to its audience: each
    /// person by the channels they take `kind` by, and the group robots of the units. Call it on the event's
    /// transaction.
    static func post(
        _ kind: NoticeKind, event: String, _ message: Message, to audience: Audience, at now: Date, on db: any Database
    ) async throws {
        let key = kind.key + ":" + event
        var deliveries = try await readers(of: kind, among: audience, on: db).flatMap {
            Self.deliveries(kind, key: key, message, to: $0, at: now)
        }
        if case .units(let ids) = audience, !ids.isEmpty {
            for robot in try await Robot.query(on: db).filter(\.$recipient ~~ ids.map(Notice.unit)).all() {
                deliveries.append(try delivery(kind, key: key, message, to: robot, at: now))
            }
        }
        try await write(deliveries, at: now, on: db)
    }

    /// Writes `deliveries` but those whose key is written already (by an earlier run, or by another instance at
    /// the same moment: the unique key keeps one).
    static func write(_ deliveries: [Delivery], at now: Date, on db: any Database) async throws {
        try await db.insert(deliveries, now: now, ignoringConflicts: true)
    }
}
