import Fluent
import FuyuanCore
import Vapor

/// Writes the deliveries of a notice in the transaction of the event that causes it, so that a notice is sent if and
/// only if its event committed (`Deliverer` sends them). Each delivery has a key that makes it once-only.
enum Outbox {
    /// What a delivery says: its title, its lines, and the page it is about.
    struct Message: Sendable, Equatable {
        let title: String
        let lines: [String]
        let link: String
    }

    /// What writing deliveries needs to know besides the event: the product's address for links, whether a mail
    /// server is set, and the time.
    struct Context: Sendable {
        let publicURL: String
        let mailReady: Bool
        let now: Date
    }

    /// A person who gets a kind of notice by mail: chose it (or its default holds) and gave an address.
    struct Reader {
        let userID: UUID
        let username: String
        let regionID: UUID
        /// The notices' recipients the person reads (`NoticePages.mine`): their unit's, and their office's when they
        /// are office staff.
        let recipients: [Digest.Key]
    }

    /// The active people with a mail address who take `kind` by mail.
    static func readers(of kind: NoticeKind, on db: any Database) async throws -> [Reader] {
        let rows = try await NoticeSetting.query(on: db).filter(\.$sealedEmail != "")
            .join(User.self, on: \NoticeSetting.$user.$id == \User.$id)
            .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
            .filter(User.self, \.$isActive == true).filter(User.self, \.$role ~~ kind.roles)
            .all()
        return try rows.compactMap { setting in
            let chosen = Set(setting.choices.split(separator: " ").map(String.init))
            guard chosen.contains(kind.byMail) else { return nil }
            let (user, unit) = (try setting.joined(User.self), try setting.joined(Unit.self))
            let regionID = unit.$region.id
            var recipients = [Digest.Key(regionID: regionID, recipient: Notice.unit(try unit.requireID()))]
            if user.role.may(.manageLedger) {
                recipients.append(Digest.Key(regionID: regionID, recipient: Notice.office))
            }
            return Reader(
                userID: try user.requireID(), username: user.username, regionID: regionID, recipients: recipients)
        }
    }

    /// Writes `deliveries` but those whose key is written already; answers how many were new.
    @discardableResult
    static func write(_ deliveries: [Delivery], on db: any Database) async throws -> Int {
        guard !deliveries.isEmpty else { return 0 }
        let written = Set(try await Delivery.query(on: db).filter(\.$key ~~ deliveries.map(\.key)).all(\.$key))
        let new = deliveries.filter { !written.contains($0.key) }
        if !new.isEmpty { try await new.create(on: db) }
        return new.count
    }
}

extension Application {
    /// What the outbox needs to know now: the links' base (`FUYUAN_PUBLIC_URL`) and whether mail can be sent.
    func outboxContext(on db: any Database) async throws -> Outbox.Context {
        Outbox.Context(
            publicURL: config.publicURL, mailReady: try await NoticeChannels.mailServer(self, on: db) != nil,
            now: clock.now())
    }
}
