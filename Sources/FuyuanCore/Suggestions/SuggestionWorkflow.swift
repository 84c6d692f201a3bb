/// Where a judicial suggestion (司法建议) stands: the court issues it, the agency signs for it, then replies.
public enum SuggestionState: String, Codable, CaseIterable, Sendable {
    case issued, signed, replied

    public var label: String {
        switch self {
        case .issued: "待签收"
        case .signed: "待回复"
        case .replied: "已回复"
        }
    }

    /// The state after the agency signs for it, or why it may not.
    public func signing() throws(SuggestionRefusal) -> SuggestionState {
        guard self == .issued else { throw SuggestionRefusal("该司法建议已签收，不能重复签收") }
        return .signed
    }

    /// The state after the agency replies, or why it may not.
    public func replying() throws(SuggestionRefusal) -> SuggestionState {
        switch self {
        case .issued: throw SuggestionRefusal("请先签收该司法建议，再回复")
        case .signed: return .replied
        case .replied: throw SuggestionRefusal("该司法建议已回复，不能重复回复")
        }
    }

    /// The court may still correct what it wrote until the agency has replied.
    public var mayEdit: Bool { self != .replied }
}

/// Why a step of a judicial suggestion is refused, in words for the person who tried it.
public struct SuggestionRefusal: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// How far the agency adopted the suggestion (采纳情况), as its reply says.
public enum Adoption: String, Codable, CaseIterable, Sendable {
    case full, partial, none

    public var label: String {
        switch self {
        case .full: "全部采纳"
        case .partial: "部分采纳"
        case .none: "未采纳"
        }
    }

    /// Adopted in whole or in part: what the figures count as 采纳.
    public var isAdopted: Bool { self != .none }

    /// Not adopting, or adopting only in part, needs the reasons.
    public var needsReasons: Bool { self != .full }
}

/// The rules of the reply's deadline: its default, its lights and the automatic urges before it.
public struct SuggestionRules: Sendable {
    /// The reply is due this many days after the suggestion is issued, unless the court sets another day.
    public static let replyDays = 60
    /// The first automatic urge goes this many days before the reply is due; the second on the day.
    public static let reminderDays = 7

    /// A reminder the agency is sent while its reply is missing: a week before the day, and on it.
    public enum Reminder: Int, Codable, Comparable, Sendable {
        case weekBefore = 1, dueDay = 2

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        public var label: String {
            switch self {
            case .weekBefore: "距回复期限 \(SuggestionRules.reminderDays) 日"
            case .dueDay: "回复期限当日"
            }
        }
    }

    public init() {}

    /// The reminder due `today` for a reply due on `due`, when `sent` (the last one sent, nil for none) has not
    /// covered it: the later stage when both are due (a day missed does not send two).
    public func reminder(due: CalendarDay, today: CalendarDay, sent: Reminder?) -> Reminder? {
        let stage: Reminder? =
            today >= due ? .dueDay : today >= due.adding(days: -Self.reminderDays) ? .weekBefore : nil
        guard let stage, sent.map({ $0 < stage }) ?? true else { return nil }
        return stage
    }

    /// Green, yellow or red today for a reply not yet given (`DueRules` answers for every deadline alike: yellow
    /// within its due-soon days).
    public func timeliness(due: CalendarDay, repliedOn: CalendarDay?, today: CalendarDay, rules: DueRules)
        -> Timeliness
    {
        guard repliedOn == nil else { return .none }
        return rules.timeliness(Due(day: due, reason: "回复期限"), today: today)
    }

    /// A reply given after its day (逾期回复).
    public func isLate(repliedOn: CalendarDay, due: CalendarDay) -> Bool { repliedOn > due }
}

/// The judicial suggestions of a period (by the day each was issued) and their replies, counted as of a day.
public struct SuggestionFigures: Equatable, Sendable, Codable {
    /// Issued in the period (发出).
    public var issued = 0
    /// Of those, the ones whose reply is due by the day, or already given (应回复).
    public var due = 0
    /// Replied (已回复), on time or late.
    public var replied = 0
    /// Replied on or before the day it was due (按期回复).
    public var repliedOnTime = 0
    /// Replies that adopt it in whole or in part (采纳).
    public var adopted = 0
    /// Not replied and past the day (逾期未回复).
    public var overdue = 0

    public init(
        issued: Int = 0, due: Int = 0, replied: Int = 0, repliedOnTime: Int = 0, adopted: Int = 0, overdue: Int = 0
    ) {
        (self.issued, self.due, self.replied) = (issued, due, replied)
        (self.repliedOnTime, self.adopted, self.overdue) = (repliedOnTime, adopted, overdue)
    }

    /// 回复率: replied ÷ due (a suggestion whose day has not come is not yet owed).
    public var replyRate: Rate? { Rate.of(replied, over: due) }
    /// 按期回复率: replied on time ÷ due.
    public var onTimeRate: Rate? { Rate.of(repliedOnTime, over: due) }
    /// 采纳率: adopted ÷ replied.
    public var adoptionRate: Rate? { Rate.of(adopted, over: replied) }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(
            issued: lhs.issued + rhs.issued, due: lhs.due + rhs.due, replied: lhs.replied + rhs.replied,
            repliedOnTime: lhs.repliedOnTime + rhs.repliedOnTime, adopted: lhs.adopted + rhs.adopted,
            overdue: lhs.overdue + rhs.overdue)
    }
}
