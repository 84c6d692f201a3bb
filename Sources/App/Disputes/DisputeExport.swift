import Foundation
import FuyuanCore

/// Disputes as a spreadsheet, one row each; the import reads the same columns, so an export imports back unchanged.
enum DisputeTable {
    static let header = [
        "登记编号", "来源", "申请人", "被申请行政机关", "行政行为类别", "争议事项", "登记日期", "区划", "状态", "承办单位", "承办人", "办理期限",
        "化解结果", "办结日期", "案号", "是否逾期",
    ]
    /// The most rows one export holds (a province's five years are about 200 000: export a county or a year).
    static let maximumRows = 100_000
    /// The sheet of the export, read first by the import where a workbook has several.
    static let sheetName = "行政争议"

    static func cells(_ row: DisputeQueries.Row, today: CalendarDay, rules: DueRules) -> [String] {
        [
            row.number, row.source.label, row.applicant, row.agencyName, row.actionType.label, row.claim,
            row.registeredOn, row.regionName, row.state.label, row.handlingName ?? "", row.handler ?? "",
            row.deadline ?? "", row.outcome?.label ?? "", row.closedOn ?? "", row.caseNumber,
            row.timeliness(today: today, rules: rules) == .overdue ? "是" : "否",
        ]
    }

    static func table(_ rows: [DisputeQueries.Row], today: CalendarDay, rules: DueRules) -> [[String]] {
        TableExport.table(header: header, rows: rows.map { cells($0, today: today, rules: rules) })
    }
}
