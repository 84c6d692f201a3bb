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

        /// The refusal as a list page shows it: the file not imported, then each problem by row and column.
        func lines(file: String) -> [String] {
            ["\(file) 未导入："]
                + problems.map {
                    $0.row == 0
                        ? $0.reason : "第 \($0.row) 行" + ($0.column.isEmpty ? "" : "“\($0.column)”") + "：\($0.reason)"
                }
        }
    }

    /// The file of a register's import form (`file`), spooled to disk for the import to read; its name for the page.
    static func spooledUpload(_ request: Request) async throws -> (spool: Spool, name: String) {
        struct Upload: Decodable, Sendable { var file: File }
        let upload = try await request.decodeUpload(Upload.self)
        let data = Data(buffer: upload.file.data)
        let config = request.application.config
        let spool = try await request.application.threadPool.runIfActive { try Spool.write(data, config) }
        return (spool, upload.file.filename)
    }

    /// How the API answers a refused import (422): the count of problems, then each by row and column.
    struct Refusal: Content {
        let error: ErrorResponder.Body.Detail
        let rows: [SpreadsheetImport.RowProblem]

        init(_ refused: SpreadsheetImport.Refused) {
            error = .init(code: "invalid", message: "文件中有 \(refused.problems.count) 处问题，未写入任何数据")
            rows = refused.problems
        }
    }

    /// What an upload is, by its first bytes (never by its name).
    enum Kind: Equatable {
        case workbook, text

        init(of file: URL) throws {
            guard let handle = try? FileHandle(forReadingFrom: file) else {
                throw CSV.Problem(description: "无法读取上传的文件")
            }
            defer { try? handle.close() }
            try self.init(head: (try? handle.read(upToCount: 8)).map(Array.init) ?? [])
        }

        init(head: [UInt8]) throws {
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                self = .workbook
            } else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw CSV.Problem(
                    description: "这是旧版 Excel（.xls）或 WPS（.et）格式的文件：请在 Excel 或 WPS 中“另存为” .xlsx 工作簿后再导入")
            } else if head.starts(with: Array("%PDF".utf8)) {
                throw CSV.Problem(description: "这是 PDF 文件，不是表格：请上传 .xlsx 工作簿或 CSV 文件")
            } else {
                self = .text
            }
        }
    }

    /// A checked header row: where each column is.
    struct Header {
        let columns: [String: Int]
        /// The row the header was found in.
        let row: Int

        /// How many columns an import reads: cells to the right of the header are never needed.
        var width: Int { (columns.values.max() ?? -1) + 1 }

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

        /// The column's name in the header, or its letter where the header names none.
        func name(ofColumn index: Int) -> String {
            columns.first { $0.value == index }?.key ?? XLSX.column(index) + " 列"
        }
    }

    /// One data row: its sheet row number, its cells, and the problems of cells that are not what was typed.
    struct Line {
        let number: Int
        let cells: [String]
        let problems: [RowProblem]
    }

    /// A whole sheet in memory, for the small imports (ledger items, progress batches).
    struct Sheet {
        let header: Header
        let lines: [Line]

        func cell(_ cells: [String], _ name: String) -> String { header.cell(cells, name) }
    }

    /// The most data rows an in-memory sheet takes: a list has tens or hundreds of items, so a file with more is
    /// a wrong file, refused before it can fill memory.
    static let maximumSheetRows = 5_000
    /// What reading an in-memory sheet may take: a list fits in a few megabytes and is read in well under a second.
    static let sheetBudget = XLSX.Budget(rows: maximumSheetRows + 1, sheetBytes: 64 << 20, seconds: 30)
    /// How many rows with content are searched for the header (a title or a note may stand above it).
    static let headerSearchRows = 10

    static func sheet(_ file: URL, required: [String], oneOf: [String] = [], sheetNamed: String? = nil) throws
        -> Sheet
    {
        var header: Header?
        var lines: [Line] = []
        try read(file, required: required, oneOf: oneOf, budget: sheetBudget, sheetNamed: sheetNamed) {
            checked, line in
            header = checked
            guard lines.count < maximumSheetRows else {
                throw Refused(problems: [
                    RowProblem(row: line.number, column: "", reason: "行数过多：一次最多导入 \(maximumSheetRows) 行，请分批导入")
                ])
            }
            lines.append(line)
        }
        return Sheet(header: header ?? Header(columns: [:], row: 1), lines: lines)
    }

    /// Reads the sheet of an .xlsx (the one named `sheetNamed`, else the first visible one), or a CSV (UTF-8, UTF-8
    /// with BOM or GBK), one row at a time: finds the header row among the first rows, then hands over each data row
    /// that is not blank. An upload is always read from a file: ZIPFoundation's in-memory archive traps on an offset
    /// past its end, which a damaged workbook can hold.
    static func read(
        _ file: URL, required: [String], oneOf: [String] = [], budget: XLSX.Budget = XLSX.Budget(),
        sheetNamed: String? = nil, _ body: (Header, Line) throws -> Void
    ) throws {
        var search = HeaderSearch(required: required, oneOf: oneOf)
        var header: Header?
        func take(_ number: Int, _ cells: [String], _ flagged: [Int: String], sheet: String?) throws {
            guard let header else {
                header = try search.take(number, cells, sheet: sheet)
                return
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { return }
            let problems = flagged.sorted { $0.key < $1.key }.map {
                RowProblem(row: number, column: header.name(ofColumn: $0.key), reason: $0.value)
            }
            try body(header, Line(number: number, cells: cells, problems: problems))
        }
        let width = { header?.width ?? XLSX.maximumColumns }
        do {
            switch try Kind(of: file) {
            case .workbook:
                try XLSX.eachRow(
                    of: Archive(url: file, accessMode: .read), budget: budget, sheetNamed: sheetNamed,
                    width: width
                ) { try take($0.number, $0.cells, $0.flagged, sheet: $0.sheet) }
            case .text:
                guard let handle = try? FileHandle(forReadingFrom: file) else {
                    throw CSV.Problem(description: "无法读取上传的文件")
                }
                defer { try? handle.close() }
                let pieces = AnyIterator { (try? handle.read(upToCount: 1 << 18)).flatMap { $0.isEmpty ? nil : $0 } }
                try readCSV(pieces: pieces, budget: budget) { try take($0, $1, [:], sheet: nil) }
            }
        } catch let problem as XLSX.Problem {
            throw Refused(problems: [RowProblem(row: 0, column: "", reason: problem.description)])
        } catch let problem as CSV.Problem {
            throw Refused(problems: [RowProblem(row: 0, column: "", reason: problem.description)])
        }
        if header == nil { throw Refused(problems: search.missing()) }
    }

    private static func readCSV(
        pieces: some Sequence<Data>, budget: XLSX.Budget, _ take: (Int, [String]) throws -> Void
    ) throws {
        var decoder = CSV.Decoder()
        var parser = CSV.Parser()
        var number = 0
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(budget.seconds * 1e9)
        let row: ([String]) throws -> Void = { cells in
            number += 1
            if number & 1023 == 0 && DispatchTime.now().uptimeNanoseconds > deadline {
                throw CSV.Problem(description: "文件过大：读取超过 \(Int(budget.seconds)) 秒仍未读完，请分批导入")
            }
            try take(number, cells)
        }
        for piece in pieces { try parser.feed(decoder.decode(piece, final: false), emit: row) }
        try parser.feed(decoder.decode(Data(), final: true), emit: row)
        try parser.finish(emit: row)
    }

    /// Finds the header among the first rows with content: a row that names every required column, or two rows
    /// together where the header's cells are merged across them (the lower row's cell, else the upper's).
    struct HeaderSearch {
        let required: [String]
        let oneOf: [String]
        private var seen: [(number: Int, cells: [String])] = []
        private var best: (number: Int, found: Int)?
        private var sheet: String?

        init(required: [String], oneOf: [String]) {
            (self.required, self.oneOf) = (required, oneOf)
        }

        /// The header when `cells` completes it; nil while it is still being looked for.
        mutating func take(_ number: Int, _ cells: [String], sheet: String?) throws -> Header? {
            self.sheet = sheet
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { return nil }
            var candidates = [cells]
            if let above = seen.last?.cells {
                candidates.append(
                    (0..<max(cells.count, above.count)).map {
                        $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : ($0 < above.count ? above[$0] : "")
                    })
            }
            seen.append((number, cells))
            for candidate in candidates {
                let columns = Self.columns(candidate)
                let found = required.filter { columns[$0] != nil }.count
                if found == required.count && (oneOf.isEmpty || oneOf.contains { columns[$0] != nil }) {
                    return Header(columns: columns, row: number)
                }
                if found > best?.found ?? -1 { best = (number, found) }
            }
            if seen.count >= SpreadsheetImport.headerSearchRows { throw Refused(problems: missing()) }
            return nil
        }

        /// The problems of a file whose header was not found: what the closest row lacks.
        func missing() -> [RowProblem] {
            guard let best, let cells = seen.first(where: { $0.number == best.number })?.cells else {
                return [RowProblem(row: 1, column: "", reason: "文件是空的")]
            }
            let columns = Self.columns(cells)
            let last = seen.last?.number ?? best.number
            var place = sheet.map { "工作表“\($0)”" } ?? ""
            if seen.count > 1 { place += "第 \(seen[0].number)–\(last) 行中找不到表头，最接近的是第 \(best.number) 行" }
            let note = place.isEmpty ? "" : "（\(place)）"
            var problems = required.filter { columns[$0] == nil }.map {
                RowProblem(row: best.number, column: $0, reason: "缺少此列" + note)
            }
            if !oneOf.isEmpty && oneOf.allSatisfy({ columns[$0] == nil }) {
                problems.append(
                    RowProblem(row: best.number, column: oneOf.joined(separator: "/"), reason: "至少需要其中一列" + note))
            }
            return problems
        }

        private static func columns(_ cells: [String]) -> [String: Int] {
            var columns: [String: Int] = [:]
            for (index, name) in cells.enumerated() {
                let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty && columns[name] == nil { columns[name] = index }
            }
            return columns
        }
    }

    /// A day as written: 2023-07-24, 2023/7/24, 2023年7月24日, or one of these with a time after it. A date cell of a
    /// workbook arrives written out already (`XLSX`); a bare number is not a day.
    static func day(_ text: String) -> CalendarDay? {
        if let day = CalendarDay(parsing: text) { return day }
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "T" }) else { return nil }
        let rest = text[text.index(after: space)...]
        guard rest.allSatisfy({ $0.isASCII && ($0.isNumber || ":.".contains($0)) }) else { return nil }
        return CalendarDay(parsing: String(text[..<space]))
    }

    /// Why `written` names no single unit of `regionName`, with the closest candidates; nil when it matched.
    static func problem(with match: UnitNameMatcher.Match, written: String, regionName: String) -> String? {
        if written.trimmingCharacters(in: .whitespaces).isEmpty { return "不能为空" }
        switch match {
        case .unit: return nil
        case .ambiguous(let candidates): return "“\(written)”可能是：" + candidates.joined(separator: "、")
        case .none(let closest):
            return "\(regionName)没有“\(written)”"
                + (closest.isEmpty ? "" : "，最接近的是：" + closest.joined(separator: "、"))
        }
    }
}
