import Foundation

/// One audit entry as the audit log and the security alerts show it.
struct AuditRow: Sendable, Equatable {
    let at: Date
    let actorName: String
    let ipAddress: String
    /// The `AuditAction`'s raw value.
    let action: String
    let objectType: String
    let objectID: String
    let summary: String
    var before: String? = nil
    var after: String? = nil
    /// The entry's id, where a page acts on it (an alert is acknowledged by it).
    var id: UUID? = nil

    var auditAction: AuditAction? { AuditAction(rawValue: action) }
    var actionLabel: String { auditAction?.label ?? action }
}

extension AuditRow {
    init(_ entry: AuditEntry) {
        self.init(
            at: entry.at, actorName: entry.actorName, ipAddress: entry.ipAddress, action: entry.action,
            objectType: entry.objectType, objectID: entry.objectID, summary: entry.summary, before: entry.before,
            after: entry.after, id: entry.id)
    }
}
