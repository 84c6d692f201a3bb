import Fluent
import Foundation
import FuyuanCore

/// The security administrator's handling of an alert: acknowledged once, with a note of what was done, kept in the
/// audit log (the acknowledgement is itself an entry, pointing at the alert's).
enum SecurityAlerts {
    static let noteLimit = 500

    static func acknowledge(_ id: UUID, note rawNote: String, as acting: Acting) async throws {
        let caller = try acting.caller(for: .readSecurityAlerts)
        guard let alert = try await AuditQueries.alert(id, caller: caller, on: acting.db) else {
            throw AppError.notFound("告警")
        }
        let note = rawNote.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw AppError.invalid("处置情况：请写明核实与处置的情况") }
        guard note.count <= noteLimit else { throw AppError.invalid("处置情况：不能超过 \(noteLimit) 字") }
        guard try await AuditQueries.acknowledgements(of: [id], on: acting.db).isEmpty else {
            throw AppError.conflict("该告警已处置")
        }
        try await acting.db.write { db in
            try await acting.audit(
                .alertAcknowledged, object: ("audit_entry", id.uuidString),
                summary: "处置\(alert.actionLabel)（\(alert.actorName)）：\(note)", on: db)
        }
    }
}
