import Foundation
import FuyuanCore
import Vapor

/// A list as a file people open in Excel or WPS: a header row and rows of text, as .xlsx or as UTF-8 .csv, each cell
/// neutralised so that a spreadsheet never reads one as a formula.
enum TableExport {
    /// A cell a spreadsheet would read as a formula (= + - @, or a leading tab or return) is prefixed with `'`.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// The header and the rows, each cell neutralised: what both the .csv and the .xlsx hold.
    static func table(header: [String], rows: [[String]]) -> [[String]] {
        [header] + rows.map { $0.map(neutralised) }
    }

    /// The table as a download named `name` (without its extension); `format` is xlsx or csv.
    static func response(_ table: [[String]], sheet: String, name: String, format: String) throws -> Response {
        let name = "\(name).\(format)"
        if format == "xlsx" {
            return Response.download(
                .init(data: try XLSX.workbook(sheet: sheet, rows: table)), contentType: XLSX.contentType, name: name,
                fallback: "export.xlsx")
        }
        return Response.download(
            .init(string: CSV.document(table)), contentType: "text/csv; charset=utf-8", name: name,
            fallback: "export.csv")
    }
}
