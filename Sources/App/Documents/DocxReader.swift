import Foundation
import FuyuanCore
import ZIPFoundation

/// Reads a .docx as Word, WPS and LibreOffice save it into the lines the parsers take: each paragraph of the body a
/// line (a line break inside it starts another), each row of a table a line of cells, a merged cell's text in every
/// column and row it covers, and Word's automatic numbering (一、 （一） 1. ①) written out in front of its paragraph.
/// Running headers and footers live in parts of their own and are not read; deleted revisions and the fallback copy
/// of a text box are skipped.
enum DocxReader {
    static let documentPart = "word/document.xml"
    static let partLimit = 64 << 20

    static func lines(of archive: Archive, seconds: Double = 30) throws -> DocumentLines {
        let parts = OfficeArchive(archive: archive, kind: ".docx", seconds: seconds)
        var numbering = DocxNumbering()
        _ = try parts.scan("word/numbering.xml", limit: partLimit, what: "") { token, _ in numbering.take(token) }
        var body = DocxBody(numbering: numbering)
        let found = try parts.scan(documentPart, limit: partLimit, what: "正文") { token, scanner in
            body.take(token, &scanner)
        }
        guard found else { throw OfficeArchive.Problem(description: "不是有效的 .docx 文件（找不到正文 \(documentPart)）") }
        return DocumentLines(body.lines)
    }
}

/// The body's elements as they stream past.
private struct DocxBody {
    var numbering: DocxNumbering
    var lines: [DocumentLines.Line] = []

    /// Text of the paragraphs being read, innermost last (a text box's paragraph sits inside a run of another).
    private var paragraphs: [String] = []
    private var numberingOf: [(numID: String, level: Int)?] = []
    private var tableDepth = 0
    private var tables = 0
    /// The cells of the row being read, by grid column, and the row above (for cells merged downwards).
    private var row: [String] = []
    private var above: [String] = []
    private var cell: [String]?
    private var cellSpan = 1
    private var cellContinues = false
    /// Inside an element whose text is not shown (a deleted revision, a text box's fallback copy).
    private var hidden = 0

    init(numbering: DocxNumbering) {
        self.numbering = numbering
    }

    mutating func take(_ token: XMLScanner.Token, _ scanner: inout XMLScanner) {
        switch token {
        case .start(let element):
            start(element, &scanner)
        case .end(let name):
            end(name, &scanner)
        case .text(let text):
            if hidden == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += text }
            scanner.wantsText = false
        }
    }

    private mutating func start(_ element: XMLScanner.Element, _ scanner: inout XMLScanner) {
        switch element.name {
        case "del", "Fallback", "moveFrom": hidden += 1
        case "p":
            paragraphs.append("")
            numberingOf.append(nil)
        case "numId", "ilvl":
            guard let last = numberingOf.indices.last, let value = element["val"] else { break }
            var numbered = numberingOf[last] ?? (numID: "", level: 0)
            if element.name == "numId" {
                numbered.numID = value
            } else {
                numbered.level = min(max(Int(value) ?? 0, 0), DocxNumbering.deepest)
            }
            numberingOf[last] = numbered
        case "t": scanner.wantsText = hidden == 0
        case "tab": append(" ")
        case "br", "cr":
            if element["type"] == nil || element["type"] == "textWrapping" { breakLine() }
        case "tbl":
            tableDepth += 1
            if tableDepth == 1 { above = [] }
        case "tr" where tableDepth == 1: row = []
        case "tc" where tableDepth == 1:
            cell = []
            (cellSpan, cellContinues) = (1, false)
        case "gridSpan" where tableDepth == 1: cellSpan = Self.columns(element["val"], least: 1)
        case "vMerge" where tableDepth == 1: cellContinues = element["val"] == nil || element["val"] == "continue"
        case "gridBefore" where tableDepth == 1:
            row += Array(repeating: "", count: Self.columns(element["val"], least: 0))
        default: break
        }
    }

    private mutating func end(_ name: String, _ scanner: inout XMLScanner) {
        switch name {
        case "del", "Fallback", "moveFrom": hidden -= 1
        case "t": scanner.wantsText = false
        case "p":
            guard var text = paragraphs.popLast() else { return }
            if let numbered = numberingOf.popLast() ?? nil, !text.isEmpty {
                text = numbering.label(numID: numbered.numID, level: numbered.level) + text
            }
            if cell != nil && tableDepth >= 1 {
                cell?.append(text)
            } else {
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { .text(String($0)) }
            }
        case "tc" where tableDepth == 1:
            let column = row.count
            var text = (cell ?? []).map { $0.replacingOccurrences(of: "\n", with: " ") }.filter { !$0.isEmpty }
                .joined(separator: " ")
            if cellContinues, text.isEmpty, above.indices.contains(column) { text = above[column] }
            row += Array(repeating: text, count: cellSpan)
            cell = nil
        case "tr" where tableDepth == 1:
            lines.append(.row(row, table: tables))
            above = row
        case "tbl":
            tableDepth -= 1
            if tableDepth == 0 { tables += 1 }
        default: break
        }
    }

    /// A span or a skip of grid columns, held to Word's 63 columns (a hostile file may claim billions).
    private static func columns(_ value: String?, least: Int) -> Int {
        min(max(value.flatMap(Int.init) ?? least, least), 63)
    }

    private mutating func append(_ text: String) {
        if hidden == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1] += text }
    }

    private mutating func breakLine() {
        append("\n")
    }
}

/// Word's automatic numbering (`word/numbering.xml`): each list's levels with their format (chineseCounting 一,
/// decimal 1, decimalEnclosedCircle ①) and text (`（%1）`), counted as the paragraphs come.
struct DocxNumbering {
    /// Word's levels are 0…8.
    static let deepest = 8

    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    private var abstract: [String: [Int: Level]] = [:]
    /// Each list (`w:num`) and the abstract numbering it uses, with the levels it starts again.
    private var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var counters: [String: [Int: Int]] = [:]
    private var startedLists: Set<String> = []

    private var readingAbstract: String?
    private var readingList: String?
    private var readingLevel: Int?

    mutating func take(_ token: XMLScanner.Token) {
        switch token {
        case .start(let element):
            switch element.name {
            case "abstractNum": readingAbstract = element["abstractNumId"]
            case "num": readingList = element["numId"]
            case "lvl", "lvlOverride":
                readingLevel = element["ilvl"].flatMap(Int.init).flatMap { (0...Self.deepest).contains($0) ? $0 : nil }
            case "abstractNumId":
                if let list = readingList, let id = element["val"] { lists[list] = (id, lists[list]?.starts ?? [:]) }
            case "start", "numFmt", "lvlText":
                guard let id = readingAbstract, let level = readingLevel, let value = element["val"] else { break }
                var entry = abstract[id, default: [:]][level, default: Level()]
                switch element.name {
                case "start": entry.start = Self.start(value)
                case "numFmt": entry.format = value
                default: entry.text = value
                }
                abstract[id, default: [:]][level] = entry
            case "startOverride":
                if let list = readingList, let level = readingLevel, let value = element["val"] {
                    lists[list, default: ("", [:])].starts[level] = Self.start(value)
                }
            default: break
            }
        case .end(let name):
            switch name {
            case "abstractNum": readingAbstract = nil
            case "num": readingList = nil
            case "lvl", "lvlOverride": readingLevel = nil
            default: break
            }
        case .text: break
        }
    }

    /// The number in front of the next paragraph of list `numID` at `level`, counting it; empty for a bullet.
    mutating func label(numID: String, level: Int) -> String {
        guard let list = lists[numID], let levels = abstract[list.abstract], let format = levels[level] else {
            return ""
        }
        if !startedLists.contains(numID) {
            startedLists.insert(numID)
            for (overridden, start) in list.starts { counters[list.abstract, default: [:]][overridden] = start - 1 }
        }
        var count = counters[list.abstract, default: [:]]
        count[level] = (count[level] ?? ((levels[level]?.start ?? 1) - 1)) + 1
        for deeper in count.keys where deeper > level { count[deeper] = nil }
        counters[list.abstract] = count
        guard format.format != "bullet", format.format != "none" else { return "" }
        var text = format.text
        for (index, value) in count where text.contains("%\(index + 1)") {
            text = text.replacingOccurrences(
                of: "%\(index + 1)", with: Self.formatted(value, as: levels[index]?.format ?? "decimal"))
        }
        return text
    }

    /// A list's first number, held to what a document can count (a hostile file may claim Int.max).
    private static func start(_ value: String) -> Int {
        min(max(Int(value) ?? 1, 0), 9_999)
    }

    static func formatted(_ value: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
            "taiwaneseCounting", "taiwaneseCountingThousand":
            ChineseNumeral.written(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": ChineseNumeral.circled(value)
        case "decimalFullWidth", "decimalFullWidth2":
            String(
                String.UnicodeScalarView(String(value).unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xFEE0) }))
        default: String(value)
        }
    }
}
