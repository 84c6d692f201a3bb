import Fluent
import Vapor

/// 存储时间最小化 (GB/T 35273 §6.1): what the platform keeps only while it serves its purpose is deleted once a day —
/// sessions past their idle or absolute limit (they hold the caller's address), `Idempotency-Key` records past the
/// replay window (they hold the answers given, which can name people), the daily jobs' old leases, and the delivery
/// log's sent and failed notices after `deliveryWindow` (they hold what was told to whom). The audit log
/// is never swept: 网络安全法 §21 asks for six months at least, and its hash chain is what proves it whole.
enum Retention {
    /// How long a used `Idempotency-Key` replays its answer; a retry later than this does the work again.
    static let replayWindow: TimeInterval = 24 * 3600
    /// Leases of the daily jobs are only needed on their day.
    static let leaseWindow: TimeInterval = 30 * 24 * 3600
    /// The delivery log keeps a notice sent or failed this long: enough to answer "was I told?" for a quarter.
    static let deliveryWindow: TimeInterval = 90 * 24 * 3600

    struct Swept: Encodable, Equatable {
        var sessions = 0
        var idempotencyKeys = 0
        var leases = 0
        var deliveries = 0

        var total: Int { sessions + idempotencyKeys + leases + deliveries }
    }

    /// Deletes what has outlived its purpose as of `now`, in one audited transaction; returns what went.
    @discardableResult
    static func sweep(on db: any Database, now: Date, config: AppConfig) async throws -> Swept {
        try await db.write { db in
            var swept = Swept()
            let idle = now.addingTimeInterval(-config.idleTimeout)
            let born = now.addingTimeInterval(-config.absoluteLifetime)
            let sessions = UserSession.query(on: db).group(.or) {
                $0.filter(\.$lastSeenAt < idle).filter(\.$createdAt < born)
            }
            swept.sessions = try await sessions.count()
            try await sessions.delete()
            let keys = IdempotencyKey.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-replayWindow))
            swept.idempotencyKeys = try await keys.count()
            try await keys.delete()
            let leases = JobLease.query(on: db).filter(\.$takenAt < now.addingTimeInterval(-leaseWindow))
            swept.leases = try await leases.count()
            try await leases.delete()
            let deliveries = Delivery.query(on: db).filter(\.$state != .pending)
                .filter(\.$createdAt < now.addingTimeInterval(-deliveryWindow))
            swept.deliveries = try await deliveries.count()
            try await deliveries.delete()
            if swept.total > 0 {
                try await Audit.record(
                    .retentionSwept, by: .system, object: ("system", "retention"),
                    summary:
                        "清理过期数据：会话 \(swept.sessions) 个，幂等记录 \(swept.idempotencyKeys) 条，任务租约 \(swept.leases) 条，投递记录 \(swept.deliveries) 条",
                    after: swept, at: now, on: db)
            }
            return swept
        }
    }
}
