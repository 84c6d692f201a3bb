import Foundation

/// An official document as the parsers read it: its lines in order, each a paragraph of text or a row of a table.
/// Line numbers count from 1; they are what a draft points back to (its provenance).
public struct DocumentLines: Equatable, Sendable {
    public enum Line: Equatable, Sendable {
        case text(String)
        /// A row of a table, its cells' text; `table` counts the document's tables from 0.
        case row([String], table: Int)
    }

    public var lines: [Line]

    public init(_ lines: [Line]) {
        self.lines = lines
    }

    /// Plain text, one paragraph per line (LF, CR LF or CR).
    public init(text: String) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { .text(String($0)) }
    }

    /// The text of line `number` as a reader sees it (a row's cells separated by tabs).
    public func text(ofLine number: Int) -> String {
        guard lines.indices.contains(number - 1) else { return "" }
        switch lines[number - 1] {
        case .text(let text): return text
        case .row(let cells, _): return cells.joined(separator: "\t")
        }
    }
}

/// One paragraph of the document after page-break artefacts are taken out and lines broken mid-sentence are joined
/// again, with the lines it came from.
struct Paragraph: Equatable {
    var text: String
    var first: Int
    var last: Int
    /// A table row's cells; nil for text.
    var cells: [String]?
    var table: Int?
}

extension DocumentLines {
    /// The document's paragraphs: running headers (a short line met three times or more, kept where it first
    /// appears if that is above the first item) and page numbers (`- 3 -`, `第 3 页`, `3/10`) are dropped, and a line
    /// broken mid-sentence is joined with the next (`continues`).
    func paragraphs() -> [Paragraph] {
        let repeated = runningHeaders()
        var seen: Set<String> = []
        var numbered = false
        var result: [Paragraph] = []
        // The last line joined into the last paragraph: whether the next carries on is told by it alone.
        var lastLine = ""
        for (index, line) in lines.enumerated() {
            let number = index + 1
            switch line {
            case .row(let cells, let table):
                let trimmed = cells.map(DocumentText.trimmed)
                guard trimmed.contains(where: { !$0.isEmpty }) else { continue }
                result.append(Paragraph(text: "", first: number, last: number, cells: trimmed, table: table))
            case .text(let raw):
                let text = DocumentText.trimmed(raw)
                if text.isEmpty || Self.isPageNumber(text) { continue }
                if repeated.contains(text) {
                    // A running header is kept where it first stands only when that is above the first item (the
                    // title); met among the items it is a page's header.
                    if numbered || seen.contains(text) { continue }
                    seen.insert(text)
                }
                if !numbered && NumberMarker(reading: text) != nil { numbered = true }
                if let previous = result.last, previous.cells == nil, Self.continues(lastLine, with: text) {
                    result[result.count - 1].text = DocumentText.join(previous.text, text)
                    result[result.count - 1].last = number
                } else {
                    result.append(Paragraph(text: text, first: number, last: number))
                }
                lastLine = text
            }
        }
        return result
    }

    private func runningHeaders() -> Set<String> {
        var counts: [String: Int] = [:]
        for case .text(let raw) in lines {
            let text = DocumentText.trimmed(raw)
            guard !text.isEmpty, text.count <= 40, !text.contains("。"), !text.contains("："), !text.contains(":"),
                NumberMarker(reading: text) == nil
            else { continue }
            counts[text, default: 0] += 1
        }
        return Set(counts.filter { $0.value >= 3 }.keys)
    }

    static func isPageNumber(_ text: String) -> Bool {
        guard text.count <= 16 else { return false }
        func isNumber(_ part: some StringProtocol) -> Bool {
            (1...4).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
        let compact = text.filter { !$0.isWhitespace && $0 != "，" && $0 != "," }
        let dashes: Set<Character> = ["-", "—", "–", "－"]
        if isNumber(compact.filter { !dashes.contains($0) })
            && compact.allSatisfy({ $0.isNumber || dashes.contains($0) })
        {
            return true
        }
        let fraction = compact.split(separator: "/", omittingEmptySubsequences: false)
        if fraction.count == 2 && fraction.allSatisfy(isNumber) { return true }
        // 第3页, 第 3 页 共 10 页
        guard compact.hasPrefix("第"), compact.hasSuffix("页") else { return false }
        let parts = compact.dropFirst().dropLast().components(separatedBy: "页共")
        return (1...2).contains(parts.count) && parts.allSatisfy(isNumber)
    }

    /// Whether `next` carries on the paragraph whose last line is `previous` (a line broken at a page's or a line's
    /// end). A line without punctuation (a heading, a 文号, a signature, a date), a title (…的通知, …实施方案) and a
    /// line holding a deadline stand on their own.
    static func continues(_ previous: String, with next: String) -> Bool {
        let fields = FieldLabel.fields(in: Substring(previous))
        let words = NumberMarker(reading: previous)?.rest ?? previous
        guard let end = previous.last, !"。；！？：:;!?）)”」》".contains(end),
            words.contains(where: { "，、；。《（：,;(:".contains($0) }),
            !["通知", "方案", "意见", "办法", "决定"].contains(where: previous.hasSuffix),
            !fields.contains(where: { $0.label == .deadline })
        else { return false }
        return NumberMarker(reading: next) == nil && !FieldLabel.starts(next)
    }
}

/// Text as people read it in these documents.
enum DocumentText {
    /// `text` without white space (full-width spaces too) at either end.
    static func trimmed(_ text: some StringProtocol) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// Whether `character` is Chinese script or full-width punctuation: no space belongs beside it.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return scalar.value >= 0x2E80 || (0x2000...0x206F).contains(scalar.value)
    }

    /// `a` and `b` as one text: no space between Chinese, one between other words.
    static func join(_ a: String, _ b: String) -> String {
        guard let last = a.last, let first = b.first else { return a + b }
        return isWide(last) || isWide(first) ? a + b : a + " " + b
    }

    /// Takes out the spaces a page break or a justified line leaves between Chinese characters (行政争议 实质化解).
    static func closingGaps(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, let last = result.last, !isWide(last) && !isWide(character) { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}

extension DocumentLines {
    /// A .txt file as offices save it: UTF-8 with or without a byte-order mark, or GBK / GB18030.
    public init(textFile data: Data) throws {
        var decoder = CSV.Decoder()
        do {
            self.init(text: try decoder.decode(data, final: true))
        } catch {
            throw CSV.Problem(description: "文本文件既不是 UTF-8 也不是 GBK 编码，请在 Word 或 WPS 中另存为 .docx 后再上传")
        }
    }
}
