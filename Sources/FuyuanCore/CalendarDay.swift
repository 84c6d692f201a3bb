import Foundation

/// A calendar date in Asia/Shanghai, stored as `YYYY-MM-DD`. Deadlines and approvals are days, not instants.
public struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
            (1...Self.length(ofMonth: month, in: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day that always exists: `day` of the month, or the month's last day when the month is shorter (29 February
    /// of a common year is 28 February), with the month held to 1...12. Unlike `init?(year:month:day:)` it takes any
    /// year: a day computed from valid days (a year before, the next period) may fall outside the years input may name.
    public init(year: Int, month: Int, clampingDay day: Int) {
        self.year = year
        self.month = min(max(month, 1), 12)
        self.day = min(max(day, 1), Self.length(ofMonth: self.month, in: year))
    }

    /// The Shanghai day that contains `date`.
    public init(containing date: Date) {
        self.year = Self.calendar.component(.year, from: date)
        self.month = Self.calendar.component(.month, from: date)
        self.day = Self.calendar.component(.day, from: date)
    }

    /// Days in a month of the Gregorian calendar.
    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Reads 2023-07-24, 2023/7/24 and 2023年7月24日 (with or without 日).
    public init?(parsing text: String) {
        // The stored form, read on every row of the busy pages, skips the Unicode normalisation below.
        let bytes = Array(text.utf8)
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            if let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) {
                self.init(year: year, month: month, day: day)
                return
            }
        }
        let trimmed = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { "-/年月日".contains($0) }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2023-07-24`: the stored form.
    public var description: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `2023年7月24日`: the form people read.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// The first instant of the day in Shanghai.
    public var start: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: day))! }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "不是有效日期：\(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Instants shown to people, always in Asia/Shanghai.
public enum ChineseTime {
    /// `2026年11月23日 12:04`
    public static func minute(_ date: Date) -> String {
        let calendar = CalendarDay.calendar
        let day = CalendarDay(containing: date)
        let (hour, minute) = (calendar.component(.hour, from: date), calendar.component(.minute, from: date))
        return String(format: "%d年%d月%d日 %02d:%02d", day.year, day.month, day.day, hour, minute)
    }
}
