import Foundation
import FuyuanCore

/// Enforcement cases as a spreadsheet: money in 元 with two decimals, exactly as entered.
enum EnforcementTable {
    static let header = [
        "案号", "执行法院", "被执行单位", "区划", "执行依据", "履行内容", "标的金额（元）", "已履行金额（元）", "未履行金额（元）", "执行状态", "专项清理",
        "立案日期",
    ]
    static let maximumRows = 100_000
    /// The sheet of the export, read first by the import where a workbook has several.
    static let sheetName = "涉党政机关执行案件"

    static func cells(_ row: EnforcementQueries.Row) -> [String] {
        [
            row.caseNumber, row.court, row.organName, row.regionName, row.basis,
            row.obligation == .money ? Obligation.money.label : row.act,
            row.obligation == .money ? Money.yuan(row.owedFen) : "",
            row.obligation == .money ? Money.yuan(row.paidFen) : "",
            row.obligation == .money ? Money.yuan(row.outstandingFen) : "", row.state.label, row.campaignName ?? "",
            row.filedOn,
        ]
    }

    static func table(_ rows: [EnforcementQueries.Row]) -> [[String]] {
        TableExport.table(header: header, rows: rows.map(cells))
    }
}
