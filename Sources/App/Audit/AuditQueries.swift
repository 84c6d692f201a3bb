import Fluent
import Foundation
import FuyuanCore
import SQLKit

/// Reading the audit log within the caller's scope: the audit administrator's pages of it and the security
/// administrator's alerts, newest first.
enum AuditQueries {
    struct Page: Sendable {
        let rows: [AuditRow]
        let hasNext: Bool
    }

    /// What the audit administrator looks for: an action, an actor, days (inclusive), a page.
    struct Filter: Sendable {
        var action: String? = nil
        var actor: String? = nil
        var from: CalendarDay? = nil
        var to: CalendarDay? = nil
    }

    static func page(_ filter: Filter, page: Int, size: Int, caller: Caller, on db: any Database) async throws -> Page {
        var query = caller.scope.auditEntries(on: db)
        if let action = filter.action { query = query.filter(\.$action == action) }
        if let actor = filter.actor { query = query.filter(\.$actorName == UserName.normalised(actor)) }
        if let from = filter.from { query = query.filter(\.$at >= from.start) }
        if let to = filter.to { query = query.filter(\.$at < to.start.addingTimeInterval(86_400)) }
        return try await Self.page(query, page: page, size: size)
    }

    /// The security alerts of the caller's scope.
    static func alerts(page: Int, size: Int, caller: Caller, on db: any Database) async throws -> Page {
        try await Self.page(alerts(caller, on: db), page: page, size: size)
    }

    /// The acknowledgements of the alerts `ids`, by the alert's id.
    static func acknowledgements(of ids: [UUID], on db: any Database) async throws -> [UUID: AuditRow] {
        guard !ids.isEmpty else { return [:] }
        let entries = try await AuditEntry.query(on: db).filter(\.$action == AuditAction.alertAcknowledged.rawValue)
            .filter(\.$objectID ~~ ids.map(\.uuidString)).all()
        return Dictionary(
            entries.compactMap { entry in UUID(uuidString: entry.objectID).map { ($0, AuditRow(entry)) } }
        ) { first, _ in first }
    }

    /// The security alert `id` of the caller's scope, or nil.
    static func alert(_ id: UUID, caller: Caller, on db: any Database) async throws -> AuditRow? {
        try await alerts(caller, on: db).filter(\.$id == id).first().map(AuditRow.init)
    }

    /// How many alerts of the caller's scope came after `since`.
    static func alertCount(since: Date, caller: Caller, on db: any Database) async throws -> Int {
        try await alerts(caller, on: db).filter(\.$at >= since).count()
    }

    private static func alerts(_ caller: Caller, on db: any Database) -> QueryBuilder<AuditEntry> {
        caller.scope.auditEntries(on: db).filter(\.$action ~~ AuditAction.securityAlerts.map(\.rawValue))
    }

    private static func page(_ query: QueryBuilder<AuditEntry>, page: Int, size: Int) async throws -> Page {
        let entries = try await query.sort(\.$at, .descending).sort(\.$id, .descending)
            .range(((page - 1) * size)..<(page * size + 1)).all()
        return Page(rows: entries.prefix(size).map(AuditRow.init), hasNext: entries.count > size)
    }
}

extension AuditQueries {
    /// The caller's alerts since `since`, newest first, that nobody has acknowledged: the alerts, then their
    /// acknowledgements (which point at them by id).
    static func unacknowledgedAlerts(since: Date, caller: Caller, on db: any Database) async throws -> [AuditRow] {
        let entries = try await alerts(caller, on: db).filter(\.$at >= since).sort(\.$at, .descending)
            .sort(\.$id, .descending).all()
        let acknowledged = try await acknowledgements(of: entries.compactMap(\.id), on: db)
        return entries.filter { entry in entry.id.map { acknowledged[$0] == nil } ?? false }.map(AuditRow.init)
    }

    /// The audit chain's last daily check (the day's job lease) and the breaks found since `since`, in one query.
    static func chainCheck(since: Date, on db: any Database) async throws -> (lastDaily: Date?, breaks: Int) {
        struct Check: Decodable {
            let last: Date?
            let breaks: Int
        }
        let check = try await db.sql().raw(
            """
            SELECT (SELECT MAX(taken_at) FROM job_leases WHERE \(SQLDoor.contains("name", DailyJob.auditChain.name + ":"))) \
            AS last, (SELECT COUNT(*) FROM audit_entries WHERE action = \(bind: AuditAction.auditChainBroken.rawValue) \
            AND at >= \(bind: since)) AS breaks
            """
        ).first(decoding: Check.self)
        return (check?.last, check?.breaks ?? 0)
    }
}
