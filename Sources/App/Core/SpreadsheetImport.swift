import FuyuanCore
import Vapor
import ZIPFoundation

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

    /// Where an import reads from: a small upload in memory, or a large one spooled to a file.
    enum Source {
        case data(Data)
        case file(URL)

        /// .xlsx is recognised by its content (a zip), never by its name.
        var isWorkbook: Bool {
            let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
            switch self {
            case .data(let data): return data.starts(with: zip)
            case .file(let url):
                guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
                defer { try? handle.close() }
                return (try? handle.read(upToCount: 4)).map { Array($0) == zip } ?? false
            }
        }
    }

    /// A checked header row: where each column is.
    struct Header {
        let columns: [String: Int]

        func cell(_ cells: [String], _ name: String) -> String {
            guard let index = columns[name], index < cells.count else { return "" }
            let cell = cells[index]
            let blank = CharacterSet.whitespacesAndNewlines
            // Most cells have nothing to trim; trimming every cell was a quarter of the case import's reading time.
            guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last,
                blank.contains(first) || blank.contains(last)
            else { return cell }
            return cell.trimmingCharacters(in: blank)
        }
    }

    /// A whole sheet in memory, for the small imports (ledger items, progress batches).
    struct Sheet {
        let header: Header
        let rows: [(number: Int, cells: [String])]

        func cell(_ cells: [String], _ name: String) -> String { header.cell(cells, name) }
    }

    /// The most data rows an in-memory sheet takes: a list has tens or hundreds of items, so a file with more is
    /// a wrong file, refused before it can fill memory.
    static let maximumSheetRows = 5_000

    static func sheet(_ data: Data, required: [String], oneOf: [String] = []) throws -> Sheet {
        var header: Header?
        var rows: [(number: Int, cells: [String])] = []
        try read(.data(data), required: required, oneOf: oneOf) { checked, number, cells in
            header = checked
            guard rows.count < maximumSheetRows else {
                throw Refused(problems: [
                    RowProblem(row: number, column: "", reason: "行数过多：一次最多导入 \(maximumSheetRows) 行，请分批导入")
                ])
            }
            rows.append((number, cells))
        }
        return Sheet(header: header ?? Header(columns: [:]), rows: rows)
    }

    /// Reads the first sheet of an .xlsx, or a CSV (UTF-8, UTF-8 with BOM or GBK), one row at a time: checks the
    /// header row, then hands over each data row that is not blank with its sheet row number.
    static func read(
        _ source: Source, required: [String], oneOf: [String] = [],
        _ body: (Header, Int, [String]) throws -> Void
    ) throws {
        var header: Header?
        func take(_ number: Int, _ cells: [String]) throws {
            guard let header else {
                header = try checkedHeader(cells, row: number, required: required, oneOf: oneOf)
                return
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { return }
            try body(header, number, cells)
        }
        do {
            switch (source, source.isWorkbook) {
            case (.data(let data), true): try XLSX.eachRow(of: Archive(data: data, accessMode: .read), take)
            case (.file(let url), true): try XLSX.eachRow(of: Archive(url: url, accessMode: .read), take)
            case (.data(let data), false): try readCSV(pieces: [data], take)
            case (.file(let url), false):
                guard let handle = try? FileHandle(forReadingFrom: url) else {
                    throw CSV.Problem(description: "无法读取上传的文件")
                }
                defer { try? handle.close() }
                let pieces = AnyIterator { (try? handle.read(upToCount: 1 << 18)).flatMap { $0.isEmpty ? nil : $0 } }
                try readCSV(pieces: pieces, take)
            }
        } catch let problem as XLSX.Problem {
            throw Refused(problems: [RowProblem(row: 0, column: "", reason: problem.description)])
        } catch let problem as CSV.Problem {
            throw Refused(problems: [RowProblem(row: 0, column: "", reason: problem.description)])
        }
        if header == nil { throw Refused(problems: [RowProblem(row: 1, column: "", reason: "文件是空的")]) }
    }

    private static func readCSV(pieces: some Sequence<Data>, _ take: (Int, [String]) throws -> Void) throws {
        var decoder = CSV.Decoder()
        var parser = CSV.Parser()
        var number = 0
        let row: ([String]) throws -> Void = { cells in
            number += 1
            try take(number, cells)
        }
        for piece in pieces { try parser.feed(decoder.decode(piece, final: false), emit: row) }
        try parser.feed(decoder.decode(Data(), final: true), emit: row)
        try parser.finish(emit: row)
    }

    private static func checkedHeader(_ cells: [String], row: Int, required: [String], oneOf: [String]) throws -> Header
    {
        var columns: [String: Int] = [:]
        for (index, name) in cells.enumerated() {
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty && columns[name] == nil { columns[name] = index }
        }
        var problems = required.filter { columns[$0] == nil }.map { RowProblem(row: row, column: $0, reason: "缺少此列") }
        if !oneOf.isEmpty && oneOf.allSatisfy({ columns[$0] == nil }) {
            problems.append(RowProblem(row: row, column: oneOf.joined(separator: "/"), reason: "至少需要其中一列"))
        }
        if !problems.isEmpty { throw Refused(problems: problems) }
        return Header(columns: columns)
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
