import Foundation
import FuyuanCore

/// An audit entry as an RFC 5424 syslog message in RFC 6587 octet-counting framing, for a central collector. The
/// structured data carries every field the chain hashes (`AuditChain.hash(of:)`), so the collector can check the
/// copy on its own, and `seq` shows it any gap.
enum SyslogMessage {
    /// Facility 13, "log audit".
    static let facility = 13
    /// The private enterprise number reserved for examples (RFC 5612); the SD-ID names the product's own parameters.
    static let structuredDataID = "fuyuan@32473"

    static func framed(_ entry: AuditEntry, hostname: String, processID: Int32) -> [UInt8] {
        let message = Array(text(entry, hostname: hostname, processID: processID).utf8)
        return Array("\(message.count) ".utf8) + message
    }

    static func text(_ entry: AuditEntry, hostname: String, processID: Int32) -> String {
        let severity = AuditAction(rawValue: entry.action)?.severity ?? .informational
        var parameters: [(String, String)] = [
            ("seq", String(entry.seq)), ("previousHash", entry.previousHash), ("hash", entry.hash),
            ("actorID", entry.actorID?.uuidString ?? ""), ("actor", entry.actorName), ("region", entry.regionPath),
            ("ip", entry.ipAddress), ("objectType", entry.objectType), ("objectID", entry.objectID),
        ]
        if let before = entry.before { parameters.append(("before", before)) }
        if let after = entry.after { parameters.append(("after", after)) }
        let data = parameters.map { "\($0.0)=\"\(escaped($0.1))\"" }.joined(separator: " ")
        return
            "<\(facility * 8 + severity.rawValue)>1 \(timestamp(entry.at)) \(printable(hostname, limit: 255)) fuyuan "
            + "\(processID) \(printable(entry.action, limit: 32)) [\(structuredDataID) \(data)] \u{FEFF}\(entry.summary)"
    }

    /// RFC 3339 with milliseconds, in Asia/Shanghai: the milliseconds the chain hashes, rounded as `Audit.record`
    /// stored them (a format style would cut them short).
    static func timestamp(_ date: Date) -> String {
        let (seconds, milliseconds) = Int64((date.timeIntervalSince1970 * 1000).rounded())
            .quotientAndRemainder(dividingBy: 1000)
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(secondsStyle)
        let fraction = String(milliseconds + 1000).dropFirst()
        return "\(whole.dropLast(6)).\(fraction)\(whole.suffix(6))"
    }

    /// `2026-11-24T16:53:05+08:00`.
    private static let secondsStyle = Date.ISO8601FormatStyle(
        timeZoneSeparator: .colon, timeZone: CalendarDay.timeZone)

    /// A header field: printable US-ASCII without spaces, never empty (RFC 5424 §6).
    static func printable(_ text: String, limit: Int) -> String {
        let kept = String(text.unicodeScalars.prefix(limit).map { (33...126).contains($0.value) ? Character($0) : "_" })
        return kept.isEmpty ? "-" : kept
    }

    /// A parameter value: `"`, `\` and `]` escaped with a backslash (RFC 5424 §6.3.3).
    static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            if character == "\"" || character == "\\" || character == "]" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
