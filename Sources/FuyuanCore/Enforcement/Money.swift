import Foundation

/// Money is integer fen (分) everywhere: read from what people type in 元 or 万元, written back in 元 exactly.
public enum Money {
    /// Why an amount was not read, in words for the person who typed it.
    public struct Problem: Error, Equatable, Sendable {
        public let message: String
        public init(_ message: String) { self.message = message }
    }

    /// The largest amount accepted: a trillion 元.
    public static let maximumFen: Int64 = 100_000_000_000_000

    /// Reads `125072.39`, `125,072.39`, `125072.39元`, `￥125072.39` or `9915.02万元` as fen; at most two decimals of
    /// 元 (six of 万元), never negative.
    public static func fen(parsing raw: String) throws(Problem) -> Int64 {
        var text = raw.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace && $0 != "," && $0 != "¥" }
        if text.hasSuffix("元") { text.removeLast() }
        var decimals = 2
        var scale: Int64 = 100
        if text.hasSuffix("万") {
            text.removeLast()
            (decimals, scale) = (6, 1_000_000)
        }
        guard !text.isEmpty else { throw Problem("请填写金额，如 125072.39") }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }),
            parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw Problem("“\(raw)”不是金额：请写数字，如 125072.39 或 9915.02万元") }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= decimals else {
            throw Problem("“\(raw)”的小数位过多：金额精确到分")
        }
        guard whole.count <= 15, let yuan = Int64(whole),
            let cents = Int64(fraction.padding(toLength: decimals, withPad: "0", startingAt: 0))
        else { throw Problem("“\(raw)”超出可登记的金额") }
        // 1 万元 is 1 000 000 fen and its sixth decimal one fen, as 1 元 is 100 fen and its second decimal one.
        let (base, overflow) = yuan.multipliedReportingOverflow(by: scale)
        let fen = base + cents
        guard !overflow, fen <= maximumFen else { throw Problem("“\(raw)”超出可登记的金额") }
        return fen
    }

    /// 12507239 → `125072.39`: what the pages, exports and forms show, and read back the same.
    public static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// 991502000000 → `9915.02万`, rounded to the 元 hundred; for figures of a city or a province.
    public static func wan(_ fen: Int64) -> String {
        let hundredths = (fen.magnitude + 5_000) / 10_000
        return "\(fen < 0 ? "-" : "")\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)万"
    }
}
