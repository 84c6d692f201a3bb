import Foundation

/// The number that opens an item of an official document, at each of the levels Chinese documents use:
/// 一、 （一） 1. （1） ①.
struct NumberMarker: Equatable {
    enum Kind: Int, Comparable {
        case chineseComma = 1, chineseParenthesized, arabic, arabicParenthesized, circled

        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let kind: Kind
    let ordinal: Int
    /// The text after the number.
    let rest: String

    /// The number as the draft shows it, parentheses full-width: 一、 （三） 1. （2） ④.
    var written: String {
        switch kind {
        case .chineseComma: "\(ChineseNumeral.written(ordinal))、"
        case .chineseParenthesized: "（\(ChineseNumeral.written(ordinal))）"
        case .arabic: "\(ordinal)."
        case .arabicParenthesized: "（\(ordinal)）"
        case .circled: ChineseNumeral.circled(ordinal)
        }
    }

    /// The number at the start of `text`, if it has one.
    init?(reading text: String) {
        // A number is at most （九十九） or 100. long: only the head of the text is looked at.
        let characters = Array(text.prefix(8))
        guard let first = characters.first else { return nil }
        func rest(from index: Int) -> String {
            DocumentText.trimmed(text.dropFirst(index))
        }
        if let value = first.unicodeScalars.first?.value, (0x2460...0x2473).contains(value) {
            self.init(kind: .circled, ordinal: Int(value - 0x2460) + 1, rest: rest(from: 1))
            return
        }
        let opens = first == "（" || first == "("
        var index = opens ? 1 : 0
        while index < characters.count, characters[index] == " " { index += 1 }
        let start = index
        while index < characters.count, index - start < 4,
            Self.chineseDigits[characters[index]] != nil || characters[index] == "十"
        {
            index += 1
        }
        if index > start, let ordinal = Self.chineseValue(characters[start..<index]) {
            if opens, index < characters.count, characters[index] == "）" || characters[index] == ")" {
                self.init(kind: .chineseParenthesized, ordinal: ordinal, rest: rest(from: index + 1))
                return
            }
            if !opens, index < characters.count, characters[index] == "、" {
                self.init(kind: .chineseComma, ordinal: ordinal, rest: rest(from: index + 1))
                return
            }
            return nil
        }
        var ordinal = 0
        while index < characters.count, index - start < 3, let digit = Self.arabicDigit(characters[index]) {
            ordinal = ordinal * 10 + digit
            index += 1
        }
        guard index > start, ordinal > 0, index < characters.count else { return nil }
        let after = characters[index]
        if opens {
            guard after == "）" || after == ")" else { return nil }
            self.init(kind: .arabicParenthesized, ordinal: ordinal, rest: rest(from: index + 1))
            return
        }
        guard after == "." || after == "．" || after == "、" else { return nil }
        if index + 1 < characters.count, characters[index + 1].isNumber { return nil }
        self.init(kind: .arabic, ordinal: ordinal, rest: rest(from: index + 1))
    }

    private init(kind: Kind, ordinal: Int, rest: String) {
        self.kind = kind
        self.ordinal = ordinal
        self.rest = rest
    }

    /// 0-9, half- or full-width.
    private static func arabicDigit(_ character: Character) -> Int? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    private static let chineseDigits: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 一 … 九十九.
    private static func chineseValue(_ characters: ArraySlice<Character>) -> Int? {
        let digits = Array(characters)
        switch digits.count {
        case 1: return digits[0] == "十" ? 10 : chineseDigits[digits[0]]
        case 2:
            if digits[0] == "十" { return chineseDigits[digits[1]].map { 10 + $0 } }
            if digits[1] == "十" { return chineseDigits[digits[0]].map { $0 * 10 } }
            return nil
        case 3:
            guard digits[1] == "十", let tens = chineseDigits[digits[0]], let ones = chineseDigits[digits[2]] else {
                return nil
            }
            return tens * 10 + ones
        default: return nil
        }
    }
}

/// 1 → 一, 12 → 十二, 35 → 三十五: how documents number their parts.
public enum ChineseNumeral {
    /// ① for 1 … ⑳ for 20; a larger number as digits.
    public static func circled(_ value: Int) -> String {
        guard (1...20).contains(value), let scalar = Unicode.Scalar(0x2460 + UInt32(value - 1)) else {
            return String(value)
        }
        return String(Character(scalar))
    }

    public static func written(_ value: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1...9: return names[value]
        case 10...19: return "十" + names[value - 10]
        case 20...99: return names[value / 10] + "十" + names[value % 10]
        default: return String(value)
        }
    }
}

/// The labels of an item's fields as documents write them, each followed by a colon.
enum FieldLabel: CaseIterable {
    case lead, responsible, cooperating, deadline

    var words: [String] {
        switch self {
        case .lead: ["牵头单位", "牵头部门", "牵头"]
        case .responsible: ["责任单位", "责任部门", "主办单位"]
        case .cooperating: ["配合单位", "配合部门", "协办单位", "参与单位"]
        case .deadline: ["完成时限", "完成时间", "时间节点", "时限要求", "办结时限"]
        }
    }

    var role: PartRole? {
        switch self {
        case .lead: .lead
        case .responsible: .responsible
        case .cooperating: .cooperating
        case .deadline: nil
        }
    }

    /// Whether `text` begins with a label and its colon, in parentheses or not (（完成时限：2025年6月底前）).
    static func starts(_ text: String) -> Bool {
        let opening = text.first == "（" || text.first == "(" ? text.index(after: text.startIndex) : text.startIndex
        return fields(in: Substring(text)).first?.range.lowerBound == opening
    }

    /// Every label with its colon in `text` and the value that runs to the next label, in order.
    static func fields(in text: Substring) -> [(label: FieldLabel, value: String, range: Range<String.Index>)] {
        // Each field ends in a colon: look back from every colon for a label (a long text has few colons).
        var found: [(label: FieldLabel, range: Range<String.Index>)] = []
        var index = text.startIndex
        while let colon = text[index...].firstIndex(where: { $0 == "：" || $0 == ":" }) {
            // The characters before the colon, spaces left out (责 任 单 位：), nearest last, with where each stands.
            var head: [(Character, String.Index)] = []
            var position = colon
            while position > index, head.count < 4 {
                position = text.index(before: position)
                if !text[position].isWhitespace { head.insert((text[position], position), at: 0) }
            }
            let written = String(head.map(\.0))
            let word = allCases.lazy.flatMap { label in label.words.map { (label, $0) } }.first {
                written.hasSuffix($0.1)
            }
            if let (label, word) = word {
                found.append((label, head[head.count - word.count].1..<text.index(after: colon)))
            }
            index = text.index(after: colon)
        }
        return found.enumerated().map { offset, field in
            let end = offset + 1 < found.count ? found[offset + 1].range.lowerBound : text.endIndex
            let value = balanced(
                String(text[field.range.upperBound..<end]).trimmingCharacters(
                    in: .whitespaces.union(CharacterSet(charactersIn: "；;，,。"))))
            return (field.label, value, field.range.lowerBound..<end)
        }
    }

    /// `value` without an unmatched parenthesis at either end (the one that closed （牵头单位：…）).
    private static func balanced(_ value: String) -> String {
        var text = value
        func count(_ set: Set<Character>) -> Int { text.filter { set.contains($0) }.count }
        let opening: Set<Character> = ["（", "("]
        let closing: Set<Character> = ["）", ")"]
        while let last = text.last, closing.contains(last), count(closing) > count(opening) {
            text.removeLast()
            text = text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "；;，,。")))
        }
        while let first = text.first, opening.contains(first), count(opening) > count(closing) { text.removeFirst() }
        return text
    }
}
