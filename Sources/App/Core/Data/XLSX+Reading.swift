import Foundation
import FuyuanCore
import ZIPFoundation

/// Reading a workbook as Excel, WPS and LibreOffice write it and as a person sees it: the first visible sheet (or
/// the one the template names), dates known by their number format, numbers written plainly, shared and inline
/// strings with their rich-text runs but without phonetic guides, formulas by their cached values, hidden rows and
/// columns left out, and trailing rows that carry only formatting ignored.
///
/// Every part is unpacked and scanned as it streams out of the archive, never written to disk; a budget of bytes,
/// rows and time bounds what one file can take, so no file can hold the server.
extension XLSX {
    /// What one reading may take.
    struct Budget: Sendable {
        /// Rows with content, beyond which the file is refused.
        var rows = maximumRow
        /// What the worksheet may unpack to.
        var sheetBytes = 1 << 30
        /// What any other part (shared strings, styles, workbook) may unpack to: these are kept in memory.
        var partBytes = 64 << 20
        var seconds: Double = 900
        /// A run of this many empty rows ends the sheet: what follows is formatting, not data.
        var emptyRun = 1_000
    }

    /// One row with content, as a person sees it.
    struct Row {
        let number: Int
        var cells: [String]
        /// The sheet's name, where the workbook has more than one.
        var sheet: String?
        /// Cells whose stored value is not what was typed, by column index: a rounded long number, a date that is no
        /// day. Shown as the stored text in `cells`.
        var flagged: [Int: String] = [:]
    }

    static let maximumRow = 1_048_576
    /// Columns A to XFD.
    static let maximumColumns = 16_384

    /// Hands over each row with content of the sheet to read, in order. `width` is asked before each row: cells
    /// from that column on are left out (an import needs no more columns than its header has).
    static func eachRow(
        of opening: @autoclosure () throws -> Archive, budget: Budget = Budget(), sheetNamed preferred: String? = nil,
        width: () -> Int = { maximumColumns }, _ body: (Row) throws -> Void
    ) throws {
        let archive: Archive
        do {
            archive = try opening()
        } catch {
            throw Problem(description: "不是有效的 .xlsx 文件（无法作为压缩包打开）")
        }
        let reader = WorkbookReader(archive: archive, budget: budget)
        let workbook = try reader.workbook()
        let sheet = try workbook.sheet(named: preferred)
        let styles = try reader.styles(workbook.stylesPath)
        let strings = try reader.sharedStrings(workbook.sharedStringsPath)
        let named = workbook.sheets.count > 1 ? sheet.name : nil
        var rows = SheetRows(
            strings: strings, styles: styles, date1904: workbook.date1904, budget: budget, sheet: named)
        do {
            let found = try reader.scan(sheet.path, limit: budget.sheetBytes, what: "工作表") { token, scanner in
                guard let row = try rows.take(token, &scanner, width: width) else { return }
                do { try body(row) } catch { throw Forwarded(error: error) }
            }
            guard found else { throw Problem(description: "不是有效的 .xlsx 文件（找不到工作表 \(sheet.path)）") }
        } catch let problem as Problem where named != nil {
            throw Problem(description: "工作表“\(named ?? "")”：" + problem.description)
        }
    }

    /// `C7` → (2, 7); nil when it is not a cell reference within XFD1048576.
    static func cellReference(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
        }
        guard (1...maximumColumns).contains(column), digits == 0 || (1...maximumRow).contains(row) else { return nil }
        return (column - 1, row)
    }
}

/// The parts of one archive, each scanned as it is unpacked.
private struct WorkbookReader {
    struct Sheet {
        let name: String?
        let path: String
    }

    struct Workbook {
        var sheets: [(name: String, path: String, visible: Bool)] = []
        var date1904 = false
        var stylesPath = "xl/styles.xml"
        var sharedStringsPath = "xl/sharedStrings.xml"
        var visibleSheets: Int { sheets.filter(\.visible).count }

        func sheet(named preferred: String?) throws -> Sheet {
            if sheets.isEmpty { return Sheet(name: nil, path: "xl/worksheets/sheet1.xml") }
            let visible = sheets.filter(\.visible)
            guard let first = visible.first(where: { $0.name == preferred }) ?? visible.first else {
                throw XLSX.Problem(description: "工作簿中没有可见的工作表")
            }
            return Sheet(name: first.name, path: first.path)
        }
    }

    let parts: OfficeArchive
    let budget: XLSX.Budget

    init(archive: Archive, budget: XLSX.Budget) {
        parts = OfficeArchive(archive: archive, kind: ".xlsx", seconds: budget.seconds, advice: "，请分批导入")
        self.budget = budget
    }

    func scan(
        _ path: String, limit: Int, what: String, handle: (XMLScanner.Token, inout XMLScanner) throws -> Void
    ) throws -> Bool {
        try parts.scan(path, limit: limit, what: what, handle: handle)
    }

    func workbook() throws -> Workbook {
        var workbook = Workbook()
        var bookPath = "xl/workbook.xml"
        _ = try scan("_rels/.rels", limit: budget.partBytes, what: "") { token, _ in
            if case .start(let element) = token, element.name == "Relationship",
                element["Type"]?.hasSuffix("/officeDocument") == true, let target = element["Target"]
            {
                bookPath = Self.resolve(target, from: "")
            }
        }
        var declared: [(name: String, id: String, visible: Bool)] = []
        let found = try scan(bookPath, limit: budget.partBytes, what: "") { token, _ in
            guard case .start(let element) = token else { return }
            switch element.name {
            case "workbookPr": workbook.date1904 = ["1", "true"].contains(element["date1904"] ?? "")
            case "sheet":
                let hidden = element["state"] == "hidden" || element["state"] == "veryHidden"
                declared.append((element["name"] ?? "", element["id"] ?? "", !hidden))
            default: break
            }
        }
        guard found else { return workbook }
        let folder = bookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath =
            (folder.isEmpty ? "" : folder + "/") + "_rels/" + (bookPath.split(separator: "/").last ?? "")
            + ".rels"
        var targets: [String: String] = [:]
        _ = try scan(relsPath, limit: budget.partBytes, what: "") { token, _ in
            guard case .start(let element) = token, element.name == "Relationship", let id = element["Id"],
                let target = element["Target"]
            else { return }
            let path = Self.resolve(target, from: folder)
            targets[id] = path
            if element["Type"]?.hasSuffix("/styles") == true { workbook.stylesPath = path }
            if element["Type"]?.hasSuffix("/sharedStrings") == true { workbook.sharedStringsPath = path }
        }
        workbook.sheets = declared.compactMap { sheet in targets[sheet.id].map { (sheet.name, $0, sheet.visible) } }
        if workbook.sheets.isEmpty { throw XLSX.Problem(description: "不是有效的 .xlsx 文件（找不到工作表）") }
        return workbook
    }

    /// A relationship's target as a path in the archive.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The shape of the number format of each cell style (`cellXfs`), by the style's index.
    func styles(_ path: String) throws -> [CellValue.Shape] {
        var codes: [Int: String] = [:]
        var shapes: [CellValue.Shape] = []
        var inCellFormats = false
        _ = try scan(path, limit: budget.partBytes, what: "") { token, _ in
            switch token {
            case .start(let element) where element.name == "numFmt":
                if let id = element["numFmtId"].flatMap(Int.init) { codes[id] = element["formatCode"] }
            case .start(let element) where element.name == "cellXfs": inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start(let element) where element.name == "xf" && inCellFormats:
                let id = element["numFmtId"].flatMap(Int.init) ?? 0
                shapes.append(CellValue.shape(formatID: id, code: codes[id]))
            default: break
            }
        }
        return shapes
    }

    /// The shared strings: each the text of its runs, without phonetic guides.
    func sharedStrings(_ path: String) throws -> [String] {
        var strings: [String] = []
        var text = RunText()
        _ = try scan(path, limit: budget.partBytes, what: "") { token, scanner in
            switch token {
            case .start(let element) where element.name == "si": text = RunText()
            case .end("si"): strings.append(text.value)
            default: try text.take(token, &scanner, row: nil)
            }
        }
        return strings
    }
}

/// The text of a string item (`<si>`, `<is>`): its `<t>` elements, plain or within rich-text runs, except those of a
/// phonetic guide (`<rPh>`), with Excel's `_x000D_` escapes resolved and line ends as `\n`.
private struct RunText {
    private var raw = ""
    private var length = 0
    private var phonetic = 0

    var value: String {
        var text = raw
        if text.contains("_x") { text = Self.unescaped(text) }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    mutating func take(_ token: XMLScanner.Token, _ scanner: inout XMLScanner, row: Int?) throws {
        switch token {
        case .start(let element) where element.name == "rPh": phonetic += 1
        case .end("rPh"): phonetic -= 1
        case .start(let element) where element.name == "t": scanner.wantsText = phonetic == 0
        case .end("t"): scanner.wantsText = false
        case .text(let piece):
            length += piece.utf16.count
            if length > SheetRows.maximumCellLength {
                throw XLSX.Problem(
                    description: (row.map { "第 \($0) 行" } ?? "共享字符串中")
                        + "有单元格内容超过 \(SheetRows.maximumCellLength) 个字符")
            }
            raw += piece
        default: break
        }
    }

    /// `_x000D_` → CR, `_x005F_x000D_` → the text `_x000D_`.
    static func unescaped(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let hex = rest[range.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.unicodeScalars.append(scalar)
                rest = rest[hex.endIndex...]
            } else {
                out += "_x"
                rest = rest[range.upperBound...]
            }
        }
        return out + rest
    }
}

/// The worksheet's rows, token by token.
private struct SheetRows {
    /// Excel's own limit for a cell.
    static let maximumCellLength = 32_767

    let strings: [String]
    let styles: [CellValue.Shape]
    let date1904: Bool
    let budget: XLSX.Budget
    let sheet: String?

    private var hiddenColumns: [ClosedRange<Int>] = []
    private var rowNumber = 0
    private var rowHidden = false
    private var cells: [(column: Int, text: String)] = []
    private var flagged: [Int: String] = [:]
    private var delivered = 0
    private var emptyRun = 0

    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var inValue = false
    private var inline: RunText?

    init(strings: [String], styles: [CellValue.Shape], date1904: Bool, budget: XLSX.Budget, sheet: String?) {
        (self.strings, self.styles, self.date1904, self.budget, self.sheet) = (strings, styles, date1904, budget, sheet)
    }

    /// Reads one token; a row with content once its end is read, with the cells before column `width()`.
    mutating func take(_ token: XMLScanner.Token, _ scanner: inout XMLScanner, width: () -> Int) throws -> XLSX.Row? {
        if var text = inline, token.isInlineText {
            try text.take(token, &scanner, row: rowNumber)
            inline = text
            return nil
        }
        switch token {
        case .start(let element):
            try start(element, &scanner)
        case .end("row"):
            return try endRow(width: width())
        case .end(let name):
            try end(name, &scanner)
        case .text(let piece) where inValue:
            value += piece
            if value.utf16.count > Self.maximumCellLength {
                throw XLSX.Problem(description: "第 \(rowNumber) 行有单元格内容超过 \(Self.maximumCellLength) 个字符")
            }
        case .text:
            break
        }
        return nil
    }

    private mutating func start(_ element: XMLScanner.Element, _ scanner: inout XMLScanner) throws {
        switch element.name {
        case "col" where ["1", "true"].contains(element["hidden"] ?? ""):
            if let low = element["min"].flatMap(Int.init), let high = element["max"].flatMap(Int.init), low <= high {
                hiddenColumns.append(max(low, 1) - 1...min(high, XLSX.maximumColumns) - 1)
            }
        case "row":
            let number: Int
            if let written = element["r"] {
                guard let parsed = Int(written), parsed > rowNumber, parsed <= XLSX.maximumRow else {
                    throw XLSX.Problem(description: "不是有效的 .xlsx 文件（第 \(rowNumber + 1) 个行号“\(written)”有误）")
                }
                number = parsed
            } else {
                number = rowNumber + 1
            }
            guard number <= XLSX.maximumRow else { throw XLSX.Problem(description: "工作表超过 1048576 行") }
            (rowNumber, rowHidden, cells, flagged) = (number, ["1", "true"].contains(element["hidden"] ?? ""), [], [:])
        case "c":
            if let reference = element["r"] {
                guard let parsed = XLSX.cellReference(reference), parsed.row == 0 || parsed.row == rowNumber else {
                    throw XLSX.Problem(description: "第 \(rowNumber) 行的单元格引用“\(reference.prefix(20))”无效或超出 XFD 列")
                }
                column = parsed.column
            } else {
                column = (cells.last?.column ?? -1) + 1
                guard column < XLSX.maximumColumns else { throw XLSX.Problem(description: "第 \(rowNumber) 行超出 XFD 列") }
            }
            type = element["t"] ?? ""
            style = element["s"].flatMap(Int.init) ?? 0
            value = ""
            inline = nil
        case "v":
            inValue = true
            scanner.wantsText = true
        case "is":
            inline = RunText()
        default:
            break
        }
    }

    private mutating func end(_ name: String, _ scanner: inout XMLScanner) throws {
        switch name {
        case "v":
            inValue = false
            scanner.wantsText = false
        case "c":
            let text = try cellText()
            inline = nil
            if !text.isEmpty && !hiddenColumns.contains(where: { $0.contains(column) }) {
                cells.append((column, text))
            }
        case "sheetData":
            throw EndOfPart()
        default:
            break
        }
    }

    private mutating func cellText() throws -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                throw XLSX.Problem(
                    description: "不是有效的 .xlsx 文件（第 \(rowNumber) 行 \(XLSX.column(column)) 列引用了不存在的共享字符串）")
            }
            return strings[index]
        case "inlineStr": return inline?.value ?? ""
        case "str", "e": return value
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "d": return CalendarDay(parsing: String(value.prefix(10)))?.description ?? value
        default:
            let raw = value.trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { return "" }
            let shape = styles.indices.contains(style) ? styles[style] : .number
            switch CellValue.reading(raw, shape: shape, date1904: date1904) {
            case .text(let text): return text
            case .rounded(let stored):
                flagged[column] =
                    "数字超过 15 位，已被表格软件舍入（存为 \(stored)）：请把此列设为“文本”格式后重新录入，或在数字前加英文单引号"
                return stored
            case .notADay(let stored):
                flagged[column] = "日期单元格的值 \(stored) 不是有效的日期"
                return stored
            }
        }
    }

    private mutating func endRow(width limit: Int) throws -> XLSX.Row? {
        guard !rowHidden else { return nil }
        guard cells.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else {
            emptyRun += 1
            if emptyRun >= budget.emptyRun { throw EndOfPart() }
            return nil
        }
        emptyRun = 0
        delivered += 1
        guard delivered <= budget.rows else {
            throw XLSX.Problem(description: "行数过多：工作表超过 \(budget.rows) 行，请分批导入")
        }
        let count = min((cells.map(\.column).max() ?? -1) + 1, limit)
        var row = [String](repeating: "", count: count)
        for cell in cells where cell.column < count { row[cell.column] = cell.text }
        let kept = flagged.filter { $0.key < count }
        return XLSX.Row(number: rowNumber, cells: row, sheet: sheet, flagged: kept)
    }
}

extension XMLScanner.Token {
    /// Tokens inside an inline string (`<is>`), which `RunText` reads.
    fileprivate var isInlineText: Bool {
        switch self {
        case .start(let element): element.name != "c"
        case .end(let name): name != "is" && name != "c"
        case .text: true
        }
    }
}
