import Fluent
import Foundation
import FuyuanCore
import Vapor

/// What was done, as the audit log names it. Each feature declares its own (`Auth/Auth+AuditActions.swift`) and
/// lists them in its `Feature`; the audit log's filter, its labels and the syslog severities come from those lists.
struct AuditAction: Hashable, Sendable {
    /// Syslog severities (RFC 5424) of what the audit log records.
    enum Severity: Int, Comparable, Sendable {
        case alert = 1, warning = 4, notice = 5, informational = 6

        static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The name stored in `audit_entries.action`, such as `auth.sign_in`.
    let rawValue: String
    let label: String
    let severity: Severity

    init(_ rawValue: String, _ label: String, severity: Severity = .informational) {
        (self.rawValue, self.label, self.severity) = (rawValue, label, severity)
    }

    static func == (lhs: AuditAction, rhs: AuditAction) -> Bool { lhs.rawValue == rhs.rawValue }
    func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Every feature's actions, feature by feature in the order of `Feature.all`.
    static let all = Feature.all.flatMap(\.auditActions)
    private static let named = Dictionary(all.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    /// The action stored under `rawValue`, if a feature declares it.
    init?(rawValue: String) {
        guard let action = Self.named[rawValue] else { return nil }
        self = action
    }

    /// What the security administrator is shown as alerts: the alerts themselves and the lockouts.
    static let securityAlerts = all.filter { $0.severity <= .warning }
}

/// Who an audit entry is attributed to.
struct AuditActor: Sendable {
    let id: UUID?
    let name: String
    let regionPath: String
    let ipAddress: String

    static func of(_ caller: Caller, address: String) -> AuditActor {
        AuditActor(id: caller.userID, name: caller.username, regionPath: caller.regionPath, ipAddress: address)
    }

    static let system = AuditActor(id: nil, name: "system", regionPath: "", ipAddress: "local")
}

enum Audit {
    /// Appends one entry. Call it on the same database handle (transaction) as the write it records.
    static func record(
        _ action: AuditAction, by actor: AuditActor, object: (type: String, id: String), summary: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil, at time: Date, on db: any Database
    ) async throws {
        let entry = AuditEntry()
        // Whole milliseconds, so that the time hashes the same after either database has stored it.
        entry.at = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        entry.actorID = actor.id
        entry.actorName = canonical(actor.name)
        entry.regionPath = canonical(actor.regionPath)
        entry.ipAddress = canonical(actor.ipAddress)
        entry.action = action.rawValue
        entry.objectType = canonical(object.type)
        entry.objectID = canonical(object.id)
        entry.summary = canonical(summary)
        entry.before = try before.map(json)
        entry.after = try after.map(json)
        guard db.inTransaction else {
            // Linking moves the chain's head: it and the entry are written together or not at all.
            return try await db.write { db in try await append(entry, action, on: db) }
        }
        try await append(entry, action, on: db)
    }

    /// Links and writes the entry; an alert or a lockout also goes to the security administrators at once, by the
    /// channels they chose (`NoticeKind.securityAlert`).
    private static func append(_ entry: AuditEntry, _ action: AuditAction, on db: any Database) async throws {
        try await AuditChain.link(entry, on: db)
        try await entry.create(on: db)
        guard action.severity <= .warning else { return }
        try await Outbox.post(
            .securityAlert, event: try entry.requireID().uuidString,
            .init(
                title: "【安全告警】\(action.label)",
                lines: [entry.summary, "账户 \(entry.actorName)，地址 \(entry.ipAddress)，\(ChineseTime.minute(entry.at))"],
                link: .securityAlerts),
            to: .securityAdministrators(over: entry.regionPath), at: entry.at, on: db)
    }

    /// Text as the log keeps and hashes it: a control character other than tab and line breaks is written as its
    /// escape (NUL as `\u0000`), so that what is hashed is exactly what either database stores and hands back —
    /// PostgreSQL refuses a NUL and SQLite reads text only up to one. The door refuses such text from people
    /// (`ControlCharacterMiddleware`); this holds for whatever else reaches the log.
    static func canonical(_ text: String) -> String {
        guard ControlCharacterMiddleware.holdsControl(text) else { return text }
        var kept = ""
        for scalar in text.unicodeScalars {
            if ControlCharacterMiddleware.isControl(scalar) {
                kept += String(format: "\\u%04X", scalar.value)
            } else {
                kept.unicodeScalars.append(scalar)
            }
        }
        return kept
    }

    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Request {
    /// Records a write by the signed-in caller.
    func audit(
        _ action: AuditAction, object: (type: String, id: String), summary: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil, on db: any Database
    ) async throws {
        let caller = try requireCaller()
        try await Audit.record(
            action, by: .of(caller, address: clientAddress), object: object, summary: summary, before: before,
            after: after, at: now, on: db)
    }
}
