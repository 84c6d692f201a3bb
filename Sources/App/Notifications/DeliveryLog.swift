import Fluent
import FuyuanCore
import Vapor

/// The system administrator's delivery log: the deliveries of the caller's scope, newest first, by state and page,
/// and a failed one sent again.
enum DeliveryLog {
    static let pageSize = 50

    struct Row {
        let id: UUID
        let createdAt: Date?
        let kind: String
        let channel: Delivery.Channel
        let recipient: String
        let title: String
        let state: Delivery.State
        let attempts: Int
        let answer: String
        let sentAt: Date?
    }

    /// Page `page` (from 1) of the deliveries in `state` (any, when nil), and whether another follows.
    static func page(
        _ caller: Caller, state: Delivery.State?, page: Int, kinds: [NoticeKind], on db: any Database
    ) async throws -> (rows: [Row], hasNext: Bool) {
        try caller.require(.manageAccounts)
        var query = scoped(caller, on: db)
        if let state { query = query.filter(\.$state == state) }
        let labels = Dictionary(kinds.map { ($0.key, $0.label) }) { first, _ in first }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(((page - 1) * pageSize)..<(page * pageSize + 1)).all().map {
                Row(
                    id: try $0.requireID(), createdAt: $0.createdAt, kind: labels[$0.kind] ?? $0.kind,
                    channel: $0.channel, recipient: $0.recipient, title: $0.title, state: $0.state,
                    attempts: $0.attempts,
                    answer: $0.answer, sentAt: $0.sentAt)
            }
        return (Array(rows.prefix(pageSize)), rows.count > pageSize)
    }

    /// Puts a failed delivery back in the outbox, due now; the sender tries it once more.
    static func resend(_ id: UUID, as acting: Acting) async throws {
        let caller = try acting.caller(for: .manageAccounts)
        guard let delivery = try await scoped(caller, on: acting.db).filter(\.$id == id).first() else {
            throw AppError.notFound("投递记录")
        }
        guard delivery.state == .failed else { throw AppError.conflict("只有发送失败的通知可以重发") }
        delivery.state = .pending
        delivery.nextAt = acting.now.milliseconds
        delivery.leaseUntil = 0
        try await acting.db.write { db in
            try await delivery.update(on: db)
            try await acting.audit(
                .deliveryResent, object: ("delivery", id.uuidString),
                summary: "重发“\(delivery.title)”给 \(delivery.recipient)（\(delivery.channel.label)）", on: db)
        }
    }

    private static func scoped(_ caller: Caller, on db: any Database) -> QueryBuilder<Delivery> {
        caller.scope.restrict(Delivery.query(on: db).join(Region.self, on: \Delivery.$region.$id == \Region.$id))
    }
}
