import Fluent
import Foundation
import FuyuanCore

extension HomeCard {
    /// For the security administrator, the alerts of the last 30 days not yet acknowledged (处置); for the audit
    /// administrator, the audit chain's last daily check and the breaks it found.
    static let audit: Source = { context in
        let caller = context.caller
        var cards: [HomeCard] = []
        if caller.role.may(.readSecurityAlerts) {
            let open = try await AuditQueries.unacknowledgedAlerts(
                since: context.now.addingTimeInterval(-Double(auditWindowDays) * 86_400), caller: caller, on: context.db
            )
            cards.append(
                HomeCard(
                    key: "audit.alerts", title: "待处置的安全告警（近 \(auditWindowDays) 日）", count: open.count,
                    href: .securityAlerts,
                    rows: open.prefix(rowLimit).map {
                        Row(
                            title: "\($0.actionLabel) · \($0.actorName)", href: .securityAlerts,
                            note: ChineseTime.minute($0.at))
                    }, empty: "近 \(auditWindowDays) 日的安全告警均已处置", urgency: .now))
        }
        if caller.role.may(.readAudit) {
            let check = try await AuditQueries.chainCheck(
                since: context.now.addingTimeInterval(-Double(auditWindowDays) * 86_400), on: context.db)
            cards.append(
                HomeCard(
                    key: "audit.chain", title: "审计日志完整性", count: check.breaks, href: .audit,
                    rows: [
                        Row(
                            title: "最近一次每日校验", href: .audit,
                            note: check.lastDaily.map { CalendarDay(containing: $0).chinese } ?? "尚未运行"),
                        Row(title: "近 \(auditWindowDays) 日完整性告警", href: .audit, note: "\(check.breaks) 次"),
                    ], empty: "", urgency: check.breaks > 0 ? .now : .overview))
        }
        return cards
    }

    /// How many days the security and audit administrators' cards look back over.
    static let auditWindowDays = 30
}
