import FuyuanCore
import Vapor

/// What every import shares: reading an uploaded .xlsx or CSV into a sheet with a checked header, dates as people
/// and Excel write them, unit names matched with the closest candidates, and problems named by row and column.
enum SpreadsheetImport {
    struct RowProblem: Content, Equatable {
        let row: Int
        let column: String
        let reason: String
    }

    /// Nothing was written; every problem is listed.
    struct Refused: Error {
        let problems: [RowProblem]
    }

    /// A sheet: its header's columns and its data rows with their sheet row numbers, blank rows left out.
    struct Sheet {
        let columns: [String: Int]
        let rows: [(number: Int, cells: [String])]

        func cell(_ cells: [String], _ name: String) -> String {
            guard let index = columns[name], index < cells.count else { return "" }
            return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Reads the file (.xlsx by its content, a zip; otherwise UTF-8 CSV) and checks its header row.
    static func sheet(_ data: Data, required: [String], oneOf: [String] = []) throws -> Sheet {
        let rows: [[String]]
        do {
            rows =
                data.starts(with: [0x50, 0x4B, 0x03, 0x04])
                ? try XLSX.rows(of: data) : try CSV.rows(CSV.text(from: data))
        } catch let problem as XLSX.Problem {
            throw Refused(problems: [RowProblem(row: 0, column: "", reason: problem.description)])
        } catch let problem as CSV.Problem {
            throw Refused(problems: [RowProblem(row: 0, column: "", reason: problem.description)])
        }
        guard let first = rows.first else { throw Refused(problems: [RowProblem(row: 1, column: "", reason: "文件是空的")]) }
        var columns: [String: Int] = [:]
        for (index, name) in first.enumerated() {
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty && columns[name] == nil { columns[name] = index }
        }
        var problems = required.filter { columns[$0] == nil }.map { RowProblem(row: 1, column: $0, reason: "缺少此列") }
        if !oneOf.isEmpty && oneOf.allSatisfy({ columns[$0] == nil }) {
            problems.append(RowProblem(row: 1, column: oneOf.joined(separator: "/"), reason: "至少需要其中一列"))
        }
        if !problems.isEmpty { throw Refused(problems: problems) }
        let body = rows.enumerated().dropFirst().compactMap { index, cells -> (number: Int, cells: [String])? in
            cells.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ? nil : (index + 1, cells)
        }
        return Sheet(columns: columns, rows: body)
    }

    /// A day as written (2023-07-24, 2023/7/24, 2023年7月24日) or an Excel date cell (days since 1899-12-30).
    static func day(_ text: String) -> CalendarDay? {
        if let serial = Double(text), (20_000...80_000).contains(serial) {
            return CalendarDay(parsing: "1899-12-30")!.adding(days: Int(serial))
        }
        return CalendarDay(parsing: text)
    }

    /// Why `written` names no single unit of `regionName`, with the closest candidates; nil when it matched.
    static func problem(with match: UnitNameMatcher.Match, written: String, regionName: String) -> String? {
        switch match {
        case .unit: nil
        case .ambiguous(let candidates): "“\(written)”可能是：" + candidates.joined(separator: "、")
        case .none(let closest):
            "\(regionName)没有“\(written)”" + (closest.isEmpty ? "" : "，最接近的是：" + closest.joined(separator: "、"))
        }
    }
}
