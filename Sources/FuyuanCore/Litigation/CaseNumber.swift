import Foundation

/// Procedure of an administrative case (审级).
public enum Procedure: String, Codable, CaseIterable, Sendable {
    case firstInstance, secondInstance, retrial, nonLitigationReview

    public var label: String {
        switch self {
        case .firstInstance: "一审"
        case .secondInstance: "二审"
        case .retrial: "再审"
        case .nonLitigationReview: "非诉执行审查"
        }
    }
}

/// A court case number under the Supreme People's Court rules: （year）+ court code + case-type code + sequence + 号,
/// such as （2022）豫04民终729号 or (2023)豫0423行初15号.
public struct CaseNumber: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    /// The province's one-character abbreviation, such as 豫.
    public let province: Character
    /// The court's digits after the province: "" high court, 2 digits intermediate court, 4 digits basic court.
    public let courtDigits: String
    /// 行初, 行终, 民终, 执 …
    public let typeCode: String
    public let sequence: Int

    /// The GB/T 2260 code of the court's region: 410000, 410400, 410423.
    public let regionCode: String

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Province abbreviations and their two-digit GB/T 2260 prefixes.
    static let provinces: [Character: String] = [
        "京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22", "黑": "23", "沪": "31",
        "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41", "鄂": "42", "湘": "43",
        "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "贵": "52", "云": "53", "藏": "54", "陕": "61",
        "甘": "62", "青": "63", "宁": "64", "新": "65",
    ]

    /// Administrative case-type codes and the procedure each stands for.
    static let administrativeTypes: [String: Procedure] = [
        "行初": .firstInstance, "行终": .secondInstance, "行申": .retrial, "行再": .retrial, "行审": .nonLitigationReview,
        "行赔初": .firstInstance, "行赔终": .secondInstance,
    ]

    /// The procedure of an administrative case; nil for civil, enforcement and other types.
    public var procedure: Procedure? { Self.administrativeTypes[typeCode] }

    /// 中级 or 基层 or 高级.
    public var courtLevel: String {
        switch courtDigits.count {
        case 0: "高级人民法院"
        case 2: "中级人民法院"
        default: "基层人民法院"
        }
    }

    public var description: String { "（\(year)）\(province)\(courtDigits)\(typeCode)\(sequence)号" }

    /// Reads full-width or half-width brackets and digits, with or without spaces; says exactly what is wrong.
    public init(parsing raw: String) throws(Problem) {
        let text = raw.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
        guard let open = text.first, open == "(" || open == "[" || open == "〔" else {
            throw Problem(description: "案号须以括号中的年份开头，如（2023）")
        }
        guard let close = text.firstIndex(where: { $0 == ")" || $0 == "]" || $0 == "〕" }) else {
            throw Problem(description: "案号的年份缺少右括号")
        }
        let yearText = text[text.index(after: text.startIndex)..<close]
        guard yearText.count == 4, let year = Int(yearText), (1990...2100).contains(year) else {
            throw Problem(description: "案号的年份须为四位数字，现为“\(yearText)”")
        }
        var rest = text[text.index(after: close)...]
        guard let province = rest.first, let prefix = Self.provinces[province] else {
            throw Problem(description: "案号的省份简称“\(rest.first.map(String.init) ?? "")”无法识别")
        }
        rest = rest.dropFirst()
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard [0, 2, 4].contains(digits.count) else {
            throw Problem(description: "法院代码须为 2 位（中级法院）或 4 位（基层法院）数字，现为“\(digits)”")
        }
        rest = rest.dropFirst(digits.count)
        let type = rest.prefix { !($0.isASCII && $0.isNumber) && $0 != "号" }
        guard !type.isEmpty else { throw Problem(description: "案号缺少类型代字，如 行初、行终") }
        rest = rest.dropFirst(type.count)
        let sequenceText = rest.prefix { $0.isASCII && $0.isNumber }
        guard let sequence = Int(sequenceText), sequence > 0 else { throw Problem(description: "案号缺少序号") }
        rest = rest.dropFirst(sequenceText.count)
        guard rest == "号" else { throw Problem(description: "案号须以“号”结尾") }
        self.year = year
        self.province = province
        self.courtDigits = String(digits)
        self.typeCode = String(type)
        self.sequence = sequence
        switch digits.count {
        case 0: regionCode = prefix + "0000"
        case 2: regionCode = prefix + digits + "00"
        default: regionCode = prefix + digits
        }
    }
}
