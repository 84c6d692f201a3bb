import Foundation
import FuyuanCore

/// Judicial suggestions as a spreadsheet: one row each, with the reply's state and lateness.
enum SuggestionTable {
    static let header = [
        "文号", "案号", "被建议单位", "区划", "发现的问题", "发出日期", "回复期限", "状态", "回复日期", "采纳情况", "是否逾期",
    ]

    /// The most rows one export holds (a province's five years are about 5 000).
    static let maximumRows = 100_000

    static func cells(_ row: SuggestionQueries.Row, today: CalendarDay, rules: DueRules) -> [String] {
        let late = row.isLate || row.timeliness(today: today, rules: rules) == .overdue
        return [
            row.reference, row.caseNumber, row.agencyName, row.regionName, row.problem, row.issuedOn, row.replyDue,
            row.state.label, row.repliedOn ?? "", row.adoption?.label ?? "", late ? "是" : "否",
        ]
    }

    static func table(_ rows: [SuggestionQueries.Row], today: CalendarDay, rules: DueRules) -> [[String]] {
        TableExport.table(header: header, rows: rows.map { cells($0, today: today, rules: rules) })
    }
}
