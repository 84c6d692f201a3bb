import Foundation
import FuyuanCore

/// The ledger as an office's spreadsheet has it: 序号, 事项, 牵头单位, 责任单位, 完成时限, 办理状态, 最新进展, 是否逾期.
enum LedgerTable {
    static let header = ["序号", "事项", "牵头单位", "责任单位", "完成时限", "办理状态", "最新进展", "是否逾期"]

    static func cells(_ row: LedgerQueries.Row) -> [String] {
        [
            "\(row.item.number)", row.item.title, row.units(.lead).joined(separator: "、"),
            row.units(.responsible).joined(separator: "、"), row.item.deadline.label, row.item.state.label,
            row.item.latestReport, row.timeliness == .overdue ? "是" : "否",
        ]
    }

    /// The header and the rows, each cell neutralised: what both the .csv and the .xlsx hold.
    static func table(_ rows: [LedgerQueries.Row]) -> [[String]] {
        TableExport.table(header: header, rows: rows.map(cells))
    }
}
