/// A GB/T 2260 region code (six digits: 410000 province, 410400 city, 410423 county), or a nine-digit
/// township code that extends its county's code.
public struct RegionCode: Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public let level: RegionLevel

    public init?(_ text: String) {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch text.count {
        case 6:
            guard !text.hasPrefix("00") else { return nil }
            if text.hasSuffix("0000") {
                level = .province
            } else if text.hasSuffix("00") {
                level = .city
            } else {
                level = .county
            }
        case 9:
            guard !text.hasSuffix("000") else { return nil }
            level = .township
        default:
            return nil
        }
        description = text
    }

    /// Why `text` is not a region code, in Chinese, or nil.
    public static func problem(_ text: String) -> String? {
        RegionCode(text) == nil ? "区划代码须为 6 位（省、市、县）或 9 位（乡镇、街道）数字：\(text)" : nil
    }
}
