import Foundation

/// A 完成时限 as a plan writes it, read the ledger's way (`Deadline`: 2021年10月31日前, 2025年6月底前, 2027年底前,
/// 适时召开, 每季度定期开展), with the spaces a page left in it taken out.
enum PlanDeadline {
    static func read(_ written: String) -> Deadline? {
        let text = DocumentText.closingGaps(written)
        return text.isEmpty ? nil : Deadline(parsing: text)
    }

    /// A deadline the item's words give when it has no 完成时限 field: the first day or month followed by 前 or 底前.
    static func find(in text: String) -> Deadline? {
        guard let match = text.firstMatch(of: /\d{4}年(\d{1,2}月(\d{1,2}日)?)?(底前|底|之前|前)/) else { return nil }
        return read(String(match.output.0))
    }
}

/// The particulars at the head of an official document: 文号, issuers, date and title.
enum DocumentHeader {
    /// The particulars from the paragraphs before the first numbered one; the date (and the issuers signing above
    /// it) may also stand at the document's end.
    static func read(_ paragraphs: [Paragraph]) -> PlanDraft.Header {
        let texts = paragraphs.filter { $0.cells == nil }.map(\.text)
        let headLength = texts.firstIndex { NumberMarker(reading: $0) != nil } ?? texts.count
        let head = texts[..<headLength].map(DocumentText.closingGaps)
        var header = PlanDraft.Header(number: "", date: nil, issuers: [], title: "")
        header.number = head.lazy.compactMap(documentNumber).first ?? ""
        header.title = head.lazy.compactMap(title).first ?? ""
        let isDate = { (text: String) in DocumentText.closingGaps(text).wholeMatch(of: /\d{4}年\d{1,2}月\d{1,2}日/) != nil
        }
        guard let dateIndex = texts[..<headLength].firstIndex(where: isDate) ?? texts.lastIndex(where: isDate) else {
            return header
        }
        header.date = CalendarDay(parsing: DocumentText.closingGaps(texts[dateIndex]))
        if dateIndex > 0 {
            let signature = texts[dateIndex - 1]
            if !signature.contains(where: { "，。：；".contains($0) }), signature.count <= 80 {
                header.issuers = signature.split(whereSeparator: \.isWhitespace).map(String.init)
            }
        }
        return header
    }

    /// 方政办〔2021〕29号 on a line of its own, its year in 〔〕 however it was typed ([2021], （2021）).
    static func documentNumber(_ line: String) -> String? {
        guard let match = line.wholeMatch(of: /(\p{Han}{1,16})[〔\[［(（【](\d{4})[〕\]］)）】]\s*(\d{1,4})\s*号/) else {
            return nil
        }
        return "\(match.output.1)〔\(match.output.2)〕\(match.output.3)号"
    }

    /// The title of what the document brings: the plan a notice 印发 (关于印发《X》的通知 gives X), or the notice's own
    /// words from 关于.
    static func title(_ line: String) -> String? {
        guard let about = line.range(of: "关于"),
            ["通知", "意见", "方案", "决定", "办法", "函", "规定"].contains(where: line.hasSuffix)
        else { return nil }
        let words = line[about.lowerBound...]
        if let open = words.firstIndex(of: "《"), let close = words.lastIndex(of: "》"), open < close {
            return String(words[words.index(after: open)..<close])
        }
        for verb in ["印发", "转发"] where words.hasPrefix("关于" + verb) && words.hasSuffix("的通知") {
            return String(words.dropFirst(2 + verb.count).dropLast(3))
        }
        return String(words)
    }
}
