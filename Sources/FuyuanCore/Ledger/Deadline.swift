import Foundation

/// How often a periodic item reports (每月, 每季度, 每半年, 每年).
public enum ReportingPeriod: String, Codable, CaseIterable, Sendable {
    case month, quarter, halfYear, year

    public var label: String {
        switch self {
        case .month: "每月"
        case .quarter: "每季度"
        case .halfYear: "每半年"
        case .year: "每年"
        }
    }

    var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        }
    }

    /// The period that contains `day`.
    public func span(containing day: CalendarDay) -> PeriodSpan {
        let firstMonth = (day.month - 1) / months * months + 1
        return PeriodSpan(period: self, year: day.year, firstMonth: firstMonth)
    }
}

/// One reporting period, such as 2024年第1季度.
public struct PeriodSpan: Hashable, Comparable, Sendable {
    public let period: ReportingPeriod
    public let year: Int
    public let firstMonth: Int

    public var start: CalendarDay { CalendarDay(year: year, month: firstMonth, clampingDay: 1) }

    public var end: CalendarDay {
        let lastMonth = firstMonth + period.months - 1
        return CalendarDay.lastDay(year: year, month: lastMonth)
    }

    /// Stable key stored with a progress report: `2024-M03`, `2024-Q1`, `2024-H2`, `2024`.
    public var key: String {
        switch period {
        case .month: String(format: "%04d-M%02d", year, firstMonth)
        case .quarter: "\(year)-Q\((firstMonth - 1) / 3 + 1)"
        case .halfYear: "\(year)-H\((firstMonth - 1) / 6 + 1)"
        case .year: "\(year)"
        }
    }

    public var label: String {
        switch period {
        case .month: "\(year)年\(firstMonth)月"
        case .quarter: "\(year)年第\((firstMonth - 1) / 3 + 1)季度"
        case .halfYear: firstMonth == 1 ? "\(year)年上半年" : "\(year)年下半年"
        case .year: "\(year)年度"
        }
    }

    public var next: PeriodSpan {
        let month = firstMonth + period.months
        return month > 12
            ? PeriodSpan(period: period, year: year + 1, firstMonth: month - 12)
            : PeriodSpan(period: period, year: year, firstMonth: month)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.firstMonth) < (rhs.year, rhs.firstMonth) }
}

/// A 完成时限 as the seeds write them: a date (2021年10月31日, 2021年10月31日前), a month (2023年12月, 2025年6月底前,
/// 2027年底前), 长期坚持, 持续推进, a reporting period (每季度定期开展) or 适时.
public enum Deadline: Equatable, Hashable, Codable, Sendable {
    case date(CalendarDay)
    /// By the end of the month.
    case month(year: Int, month: Int)
    case longTerm
    case continuous
    /// A report is due `graceDays` days after each period ends.
    case periodic(ReportingPeriod, graceDays: Int)
    case asNeeded

    public static let defaultGraceDays = 10

    /// The kinds the ledger filters by.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case date, longTerm, continuous, periodic, asNeeded

        public var label: String {
            switch self {
            case .date: "限期完成"
            case .longTerm: "长期坚持"
            case .continuous: "持续推进"
            case .periodic: "定期报送"
            case .asNeeded: "适时"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .date, .month: .date
        case .longTerm: .longTerm
        case .continuous: .continuous
        case .periodic: .periodic
        case .asNeeded: .asNeeded
        }
    }

    /// Reads the forms the seeds use; nil when the text is none of them.
    public init?(parsing raw: String) {
        var text = raw.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        // 2021年10月31日前, 2025年6月底之前: a day or a month followed by "before" is that day or month.
        for suffix in ["之前", "以前", "前"] where text.hasSuffix(suffix) && text.first?.isNumber == true {
            text = String(text.dropLast(suffix.count))
            break
        }
        if let day = CalendarDay(parsing: text) {
            self = .date(day)
            return
        }
        // 2027年底: the year's last month.
        if let match = text.wholeMatch(of: /(\d{4})\s*年\s*底/), let year = Int(match.1) {
            self = .month(year: year, month: 12)
            return
        }
        if let match = text.wholeMatch(of: /(\d{4})\s*[年\-\/.]\s*(\d{1,2})\s*月?\s*(底前|底|前)?/),
            let year = Int(match.1), let month = Int(match.2), (1...12).contains(month)
        {
            self = .month(year: year, month: month)
            return
        }
        if text.hasPrefix("长期") {
            self = .longTerm
        } else if text.hasPrefix("持续") {
            self = .continuous
        } else if text.hasPrefix("适时") || text == "按需" {
            self = .asNeeded
        } else if let period = Self.period(in: text) {
            self = .periodic(period, graceDays: Self.defaultGraceDays)
        } else {
            return nil
        }
    }

    private static func period(in text: String) -> ReportingPeriod? {
        let table: [(String, ReportingPeriod)] = [
            ("每月", .month), ("每季度", .quarter), ("每季", .quarter), ("每半年", .halfYear), ("每年", .year),
        ]
        return table.first { text.hasPrefix($0.0) }?.1
    }

    /// How people read it.
    public var label: String {
        switch self {
        case .date(let day): day.chinese
        case .month(let year, let month): "\(year)年\(month)月底前"
        case .longTerm: "长期坚持"
        case .continuous: "持续推进"
        case .periodic(let period, let grace): "\(period.label)（期满后 \(grace) 日内报送进展）"
        case .asNeeded: "适时"
        }
    }

    /// What closing the item means for this kind of deadline.
    public var closing: String {
        switch self {
        case .date, .month: "按时限完成，经联席办审核销号"
        case .longTerm, .continuous: "阶段任务完成后标记为“已完成·长期坚持”，继续落实"
        case .periodic: "每期按时报送进展，任务完成后经联席办审核销号"
        case .asNeeded: "按需办理，办结后经联席办审核销号"
        }
    }

    /// Long-term and continuous work is never "closed" by completing it: it becomes 已完成·长期坚持.
    public var closesAsOngoing: Bool { self == .longTerm || self == .continuous }

    /// The completion day of a dated deadline.
    public var completionDay: CalendarDay? {
        switch self {
        case .date(let day): day
        case .month(let year, let month): CalendarDay.lastDay(year: year, month: month)
        default: nil
        }
    }
}

extension CalendarDay {
    public static func lastDay(year: Int, month: Int) -> CalendarDay {
        // Day 31 is clamped to the month's last day.
        CalendarDay(year: year + (month - 1) / 12, month: (month - 1) % 12 + 1, clampingDay: 31)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int {
        Int((other.start.timeIntervalSince(start) / 86_400).rounded())
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(containing: start.addingTimeInterval(TimeInterval(days) * 86_400 + 3600))
    }
}
