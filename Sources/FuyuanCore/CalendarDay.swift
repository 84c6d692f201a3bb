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
        let components = DateComponents(year: year, month: month, day: day)
        guard (1900...2999).contains(year), components.isValidDate(in: Self.calendar) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Shanghai day that contains `date`.
    public init(containing date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Reads 2023-07-24, 2023/7/24 and 2023年7月24日 (with or without 日).
    public init?(parsing text: String) {
        let trimmed = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { "-/年月日".contains($0) }).map(String.init)
        guard parts.count == 3, parts[0].count == 4,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2023-07-24`: the stored form.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

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
        let parts = CalendarDay.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%d年%d月%d日 %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}
