/// Whether a unit's part of an item is on time, due soon or overdue today: derived, never stored.
public enum Timeliness: String, Codable, Sendable, Comparable {
    case none, onTime, dueSoon, overdue

    /// The mark people see: green, yellow, red.
    public var colour: String {
        switch self {
        case .none: "grey"
        case .onTime: "green"
        case .dueSoon: "yellow"
        case .overdue: "red"
        }
    }

    public var label: String {
        switch self {
        case .none: "—"
        case .onTime: "正常"
        case .dueSoon: "临期"
        case .overdue: "逾期"
        }
    }

    var rank: Int {
        switch self {
        case .none: 0
        case .onTime: 1
        case .dueSoon: 2
        case .overdue: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// What is due next for one unit's part of an item, and why.
public struct Due: Equatable, Sendable {
    public let day: CalendarDay
    public let reason: String

    public init(day: CalendarDay, reason: String) {
        self.day = day
        self.reason = reason
    }
}

/// The rules that answer, for a deadline, what is due next and whether it is late.
public struct DueRules: Sendable {
    /// Items due within this many days are 临期.
    public var dueSoonDays: Int

    public init(dueSoonDays: Int = 7) {
        self.dueSoonDays = dueSoonDays
    }

    /// The next thing due: the completion day of a dated item (or its approved extension), or the report of the
    /// first unreported period since the item was issued. nil when nothing is ever due (长期坚持, 持续推进, 适时).
    public func nextDue(
        _ deadline: Deadline, issuedOn: CalendarDay, extendedTo: CalendarDay? = nil, reportedPeriods: Set<String>
    ) -> Due? {
        switch deadline {
        case .date, .month:
            // Dated deadlines, and only they, have a completion day.
            guard let day = extendedTo ?? deadline.completionDay else { return nil }
            return Due(day: day, reason: extendedTo == nil ? "完成时限" : "延期后的完成时限")
        case .periodic(let period, let grace):
            var span = period.span(containing: issuedOn)
            while reportedPeriods.contains(span.key) { span = span.next }
            return Due(day: span.end.adding(days: grace), reason: "\(span.label)进展报告")
        case .longTerm, .continuous, .asNeeded:
            return nil
        }
    }

    /// Green, yellow or red today, for a part that is still open. The one place that says so: the lights, the
    /// filters and exports (through `lastDueSoonDay`) and the daily reminders all ask here.
    public func timeliness(_ due: Due?, today: CalendarDay) -> Timeliness {
        guard let due else { return .none }
        if due.day < today { return .overdue }
        return due.day <= lastDueSoonDay(today: today) ? .dueSoon : .onTime
    }

    /// The latest due day that is 临期 today; a query finds 临期 and 逾期 parts as those due on or before it.
    public func lastDueSoonDay(today: CalendarDay) -> CalendarDay { today.adding(days: dueSoonDays) }
}
