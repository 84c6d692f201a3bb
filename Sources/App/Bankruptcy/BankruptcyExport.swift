import Foundation
import FuyuanCore

/// Bankruptcy cases as a spreadsheet, with how many of their matters are closed.
enum BankruptcyTable {
    static let header = [
        "案号", "债务人", "程序", "程序阶段", "受理法院", "区划", "承办法官", "管理人", "受理日期", "终结日期", "历时（日）", "协调事项", "未办结事项",
    ]
    static let maximumRows = 100_000
    static let sheetName = "破产案件"

    static func cells(_ row: BankruptcyQueries.Row, today: CalendarDay) -> [String] {
        [
            row.caseNumber, row.debtor, row.procedure.label, row.stage.label, row.courtName, row.regionName, row.judge,
            row.administrator, row.acceptedOn, row.concludedOn ?? "", String(row.state.daysRun(today: today)),
            String(row.matters), String(row.openMatters),
        ]
    }

    static func table(_ rows: [BankruptcyQueries.Row], today: CalendarDay) -> [[String]] {
        TableExport.table(header: header, rows: rows.map { cells($0, today: today) })
    }
}
