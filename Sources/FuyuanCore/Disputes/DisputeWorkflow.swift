/// Where an administrative dispute came from (来源).
public enum DisputeSource: String, Codable, CaseIterable, Sendable {
    case prefiling, litigation, review, petition, hotline

    public var label: String {
        switch self {
        case .prefiling: "诉前"
        case .litigation: "诉中"
        case .review: "行政复议"
        case .petition: "信访"
        case .hotline: "12345"
        }
    }
}

/// Where a dispute (行政争议) stands at the resolution centre: registered, transferred to the agency or a mediation
/// body, assigned to a handler with a deadline, answered, closed with an outcome.
public enum DisputeState: String, Codable, CaseIterable, Sendable {
    case registered, transferred, assigned, answered, closed

    public var label: String {
        switch self {
        case .registered: "已登记"
        case .transferred: "已移送"
        case .assigned: "已交办"
        case .answered: "已反馈"
        case .closed: "已办结"
        }
    }

    /// The step that is due next, as people name it.
    public var nextStep: String? {
        switch self {
        case .registered: "移送"
        case .transferred: "交办"
        case .assigned: "反馈"
        case .answered: "办结"
        case .closed: nil
        }
    }

    public func transferring() throws(DisputeRefusal) -> DisputeState {
        guard self == .registered else { throw DisputeRefusal("该争议已移送，不能重复移送") }
        return .transferred
    }

    public func assigning() throws(DisputeRefusal) -> DisputeState {
        switch self {
        case .registered: throw DisputeRefusal("请先移送，再交办承办人")
        case .transferred: return .assigned
        default: throw DisputeRefusal("该争议已交办，不能重复交办")
        }
    }

    /// Urging leaves the state as it is: only a dispute waiting for its handler's answer is urged.
    public func urging() throws(DisputeRefusal) -> DisputeState {
        guard self == .assigned else {
            throw DisputeRefusal(self == .closed || self == .answered ? "该争议已反馈，无需催办" : "该争议尚未交办，不能催办")
        }
        return self
    }

    public func answering() throws(DisputeRefusal) -> DisputeState {
        switch self {
        case .registered, .transferred: throw DisputeRefusal("该争议尚未交办，不能反馈")
        case .assigned: return .answered
        case .answered, .closed: throw DisputeRefusal("该争议已反馈，不能重复反馈")
        }
    }

    public func closing() throws(DisputeRefusal) -> DisputeState {
        switch self {
        case .answered: return .closed
        case .closed: throw DisputeRefusal("该争议已办结")
        default: throw DisputeRefusal("承办单位反馈后才能办结")
        }
    }

    /// The centre corrects the registration until the dispute is closed; participants are added until then too.
    public var isOpen: Bool { self != .closed }
}

/// Why a step of a dispute is refused, in words for the person who tried it.
public struct DisputeRefusal: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// How a dispute ended (化解结果).
public enum DisputeOutcome: String, Codable, CaseIterable, Sendable {
    case mediatedWithdrawal, settled, corrected, unresolved

    public var label: String {
        switch self {
        case .mediatedWithdrawal: "调解后撤诉"
        case .settled: "达成和解"
        case .corrected: "行政机关自行纠正"
        case .unresolved: "未化解，进入诉讼"
        }
    }

    /// Resolved (实质性化解): every outcome but the one that goes to court.
    public var isResolved: Bool { self != .unresolved }

    /// The outcomes that name a litigation case: the one withdrawn, or the one filed.
    public var concernsCase: Bool { self == .mediatedWithdrawal || self == .unresolved }
}

/// Who else sits at a "2+N" mediation, besides the applicant and the agency (the two).
public enum ParticipantRole: String, Codable, CaseIterable, Sendable {
    case unit, deputy, member, mediator, lawyer, other

    public var label: String {
        switch self {
        case .unit: "相关单位"
        case .deputy: "人大代表"
        case .member: "政协委员"
        case .mediator: "调解员"
        case .lawyer: "律师"
        case .other: "其他"
        }
    }
}

/// The deadlines of each step, counted in working days (Monday to Friday): the centre transfers and assigns within
/// `handOverDays` of the step before, the handler answers by the deadline set on assignment, and the centre closes
/// within `closeDays` of the answer.
public struct DisputeRules: Sendable {
    public static let handOverDays = 2
    public static let closeDays = 5

    public init() {}

    /// The day the step after `state`, entered on `day`, is due; nil once closed. `handlerDeadline` is the day set on
    /// assignment.
    public func stepDue(after state: DisputeState, on day: CalendarDay, handlerDeadline: CalendarDay?) -> CalendarDay? {
        switch state {
        case .registered, .transferred: day.adding(workingDays: Self.handOverDays)
        case .assigned: handlerDeadline ?? day
        case .answered: day.adding(workingDays: Self.closeDays)
        case .closed: nil
        }
    }

    /// Green, yellow or red today for the step due next (`DueRules` answers for every deadline alike); none once
    /// closed.
    public func timeliness(_ state: DisputeState, stepDue: CalendarDay?, today: CalendarDay, rules: DueRules)
        -> Timeliness
    {
        guard state.isOpen, let stepDue else { return .none }
        return rules.timeliness(Due(day: stepDue, reason: state.nextStep ?? ""), today: today)
    }
}

/// What a region aims at (seed 004: new cases −20 % year on year, mediated withdrawals ≥ 20 %), and the handler's
/// default time. An office edits them; a region without its own takes its nearest region above, else these.
public struct DisputeTargets: Equatable, Sendable, Codable {
    /// The change of new administrative cases against the same period a year before, in percent (−20 is a fall of a
    /// fifth): met when the change is at or below it.
    public var newCasesChange: Int
    /// The mediated-withdrawal rate of concluded cases, in percent: met at or above it.
    public var mediatedWithdrawalRate: Int
    /// The resolution rate of closed disputes, in percent: met at or above it.
    public var resolutionRate: Int
    /// The handler's default time, in working days.
    public var handlingDays: Int

    public static let standard = DisputeTargets(
        newCasesChange: -20, mediatedWithdrawalRate: 20, resolutionRate: 60, handlingDays: 10)

    public init(newCasesChange: Int, mediatedWithdrawalRate: Int, resolutionRate: Int, handlingDays: Int) {
        (self.newCasesChange, self.mediatedWithdrawalRate) = (newCasesChange, mediatedWithdrawalRate)
        (self.resolutionRate, self.handlingDays) = (resolutionRate, handlingDays)
    }

    /// Whether `change` (a fraction, −0.25 for a fall of a quarter) meets the new-cases target; nil when there is no
    /// year before to compare with.
    public func meetsNewCases(_ change: Double?) -> Bool? {
        change.map { $0 * 100 <= Double(newCasesChange) + 1e-9 }
    }

    public func meetsWithdrawals(_ rate: Rate?) -> Bool? {
        rate.map { $0.value * 100 >= Double(mediatedWithdrawalRate) - 1e-9 }
    }

    public func meetsResolution(_ rate: Rate?) -> Bool? {
        rate.map { $0.value * 100 >= Double(resolutionRate) - 1e-9 }
    }

    /// Why the values cannot be targets, by field; empty when they can.
    public var problems: [(field: String, reason: String)] {
        var problems: [(String, String)] = []
        if !(-100...100).contains(newCasesChange) { problems.append(("新收案件同比目标", "须在 -100 至 100 之间")) }
        if !(0...100).contains(mediatedWithdrawalRate) { problems.append(("调解撤诉率目标", "须在 0 至 100 之间")) }
        if !(0...100).contains(resolutionRate) { problems.append(("化解率目标", "须在 0 至 100 之间")) }
        if !(1...60).contains(handlingDays) { problems.append(("承办期限", "须为 1 至 60 个工作日")) }
        return problems
    }
}

/// The disputes registered in a period, counted as of a day.
public struct DisputeFigures: Equatable, Sendable, Codable {
    /// Registered in the period (登记).
    public var registered = 0
    /// Of those, closed (办结).
    public var closed = 0
    /// Closed as resolved (化解): withdrawn after mediation, settled, or corrected.
    public var resolved = 0
    /// Closed as withdrawn after mediation (调解撤诉).
    public var mediatedWithdrawals = 0
    /// Working on a step past its day (逾期).
    public var overdue = 0
    /// The days from registration to close, summed over the closed ones (for the average).
    public var closeDays = 0
    /// Registered in the same period a year before.
    public var registeredYearBefore = 0

    public init(
        registered: Int = 0, closed: Int = 0, resolved: Int = 0, mediatedWithdrawals: Int = 0, overdue: Int = 0,
        closeDays: Int = 0, registeredYearBefore: Int = 0
    ) {
        (self.registered, self.closed, self.resolved) = (registered, closed, resolved)
        (self.mediatedWithdrawals, self.overdue, self.closeDays) = (mediatedWithdrawals, overdue, closeDays)
        self.registeredYearBefore = registeredYearBefore
    }

    /// 化解率: resolved ÷ closed.
    public var resolutionRate: Rate? { Rate.of(resolved, over: closed) }
    /// 平均办结天数, to a tenth of a day; nil when none is closed.
    public var averageDays: Double? {
        closed == 0 ? nil : (Double(closeDays) / Double(closed) * 10).rounded() / 10
    }
    /// 同比: the change of registrations against the year before, as a fraction; nil when there were none then.
    public var registeredChange: Double? { yearOnYearChange(registered, registeredYearBefore) }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(
            registered: lhs.registered + rhs.registered, closed: lhs.closed + rhs.closed,
            resolved: lhs.resolved + rhs.resolved,
            mediatedWithdrawals: lhs.mediatedWithdrawals + rhs.mediatedWithdrawals,
            overdue: lhs.overdue + rhs.overdue, closeDays: lhs.closeDays + rhs.closeDays,
            registeredYearBefore: lhs.registeredYearBefore + rhs.registeredYearBefore)
    }
}

extension CalendarDay {
    /// Monday to Friday: the days a deadline in working days counts (public holidays and their make-up days are not
    /// known to the product).
    public var isWorkingDay: Bool {
        let weekday = Self.calendar.component(.weekday, from: start)
        return weekday != 1 && weekday != 7
    }

    /// The `workingDays`-th working day after this one.
    public func adding(workingDays: Int) -> CalendarDay {
        var day = self
        var left = workingDays
        while left > 0 {
            day = day.adding(days: 1)
            if day.isWorkingDay { left -= 1 }
        }
        return day
    }
}

/// The change of `now` against `before` as a fraction (−0.2 for a fall of a fifth); nil when `before` is zero.
public func yearOnYearChange(_ now: Int, _ before: Int) -> Double? {
    before == 0 ? nil : Double(now - before) / Double(before)
}
