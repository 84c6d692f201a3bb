import Foundation

/// 裁判结果. Lost means the act was revoked, confirmed illegal or invalid, performance was ordered, the act was
/// changed or compensation awarded; dismissal is a win; withdrawal and mediation are neither.
public enum Outcome: String, Codable, CaseIterable, Sendable {
    case dismissed, revoked, confirmedIllegal, confirmedInvalid, orderedPerformance, changed, compensation, withdrawn,
        mediated, other

    public var label: String {
        switch self {
        case .dismissed: "驳回诉讼请求"
        case .revoked: "撤销"
        case .confirmedIllegal: "确认违法"
        case .confirmedInvalid: "确认无效"
        case .orderedPerformance: "责令履行"
        case .changed: "变更"
        case .compensation: "行政赔偿"
        case .withdrawn: "撤诉"
        case .mediated: "调解"
        case .other: "其他"
        }
    }

    public var isLoss: Bool {
        [.revoked, .confirmedIllegal, .confirmedInvalid, .orderedPerformance, .changed, .compensation].contains(self)
    }

    public var isMediatedOrWithdrawn: Bool { self == .withdrawn || self == .mediated }
}

/// A period of days, both ends included, in Asia/Shanghai.
public struct DayRange: Equatable, Sendable {
    public let from: CalendarDay
    public let to: CalendarDay

    public init(from: CalendarDay, to: CalendarDay) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: CalendarDay) -> Bool { from <= day && day <= to }

    /// The same days a year before (29 February becomes 28 February).
    public var yearBefore: DayRange {
        func back(_ day: CalendarDay) -> CalendarDay {
            CalendarDay(year: day.year - 1, month: day.month, clampingDay: day.day)
        }
        return DayRange(from: back(from), to: back(to))
    }
}

/// What the figures need of one case.
public struct CaseFacts: Sendable {
    public struct Hearing: Sendable {
        public let day: CalendarDay
        public let headAppeared: Bool
        public let principal: Bool
        public let spoke: Bool

        public init(day: CalendarDay, headAppeared: Bool, principal: Bool, spoke: Bool) {
            self.day = day
            self.headAppeared = headAppeared
            self.principal = principal
            self.spoke = spoke
        }
    }

    public let filed: CalendarDay
    public let concluded: CalendarDay?
    public let procedure: Procedure
    public let outcome: Outcome?
    public let hearings: [Hearing]

    public init(
        filed: CalendarDay, concluded: CalendarDay?, procedure: Procedure, outcome: Outcome?, hearings: [Hearing] = []
    ) {
        self.filed = filed
        self.concluded = concluded
        self.procedure = procedure
        self.outcome = outcome
        self.hearings = hearings
    }
}

/// A rate computed exactly; nil over zero cases (shown as "—").
public struct Rate: Equatable, Sendable, Codable {
    public let numerator: Int
    public let denominator: Int

    public static func of(_ numerator: Int, over denominator: Int) -> Rate? {
        denominator == 0 ? nil : Rate(numerator: numerator, denominator: denominator)
    }

    public var value: Double { Double(numerator) / Double(denominator) }

    /// `13.95…` → `14.0%`.
    public var percent: String { String(format: "%.1f%%", value * 100) }

    public static func text(_ rate: Rate?) -> String { rate?.percent ?? "—" }

    /// Compares exactly, without floating point.
    public static func < (lhs: Rate, rhs: Rate) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

}

/// The litigation figures of a period, by the courts' received–concluded–pending (收结存) accounting.
public struct LitigationFigures: Equatable, Sendable {
    public var carriedOver = 0
    public var new = 0
    /// New first-instance cases: the caseload of the 双下降.
    public var caseload = 0
    public var concluded = 0
    public var losses = 0
    public var mediatedOrWithdrawn = 0
    public var heard = 0
    public var appeared = 0
    public var principalAppeared = 0
    public var spoke = 0

    public init() {}

    /// Every count is a number of cases, so the figures of two disjoint sets of cases add up to the figures of both.
    public static func + (lhs: LitigationFigures, rhs: LitigationFigures) -> LitigationFigures {
        var sum = lhs
        sum.carriedOver += rhs.carriedOver
        sum.new += rhs.new
        sum.caseload += rhs.caseload
        sum.concluded += rhs.concluded
        sum.losses += rhs.losses
        sum.mediatedOrWithdrawn += rhs.mediatedOrWithdrawn
        sum.heard += rhs.heard
        sum.appeared += rhs.appeared
        sum.principalAppeared += rhs.principalAppeared
        sum.spoke += rhs.spoke
        return sum
    }

    public var received: Int { carriedOver + new }
    public var pending: Int { received - concluded }
    public var lossRate: Rate? { .of(losses, over: concluded) }
    public var appearanceRate: Rate? { .of(appeared, over: heard) }
    public var principalAppearanceRate: Rate? { .of(principalAppeared, over: heard) }
    public var spokeRate: Rate? { .of(spoke, over: appeared) }
    public var mediatedWithdrawalRate: Rate? { .of(mediatedOrWithdrawn, over: concluded) }

    /// The figures of `cases` for `period`.
    public static func of(_ cases: [CaseFacts], in period: DayRange) -> LitigationFigures {
        var figures = LitigationFigures()
        for item in cases {
            let concludedBefore = item.concluded.map { $0 < period.from } ?? false
            if item.filed < period.from && !concludedBefore { figures.carriedOver += 1 }
            if period.contains(item.filed) {
                figures.new += 1
                if item.procedure == .firstInstance { figures.caseload += 1 }
            }
            if let concluded = item.concluded, period.contains(concluded) {
                figures.concluded += 1
                if item.outcome?.isLoss == true { figures.losses += 1 }
                if item.outcome?.isMediatedOrWithdrawn == true { figures.mediatedOrWithdrawn += 1 }
            }
            let hearings = item.hearings.filter { period.contains($0.day) }
            if !hearings.isEmpty {
                figures.heard += 1
                if hearings.contains(where: \.headAppeared) {
                    figures.appeared += 1
                    if hearings.contains(where: { $0.headAppeared && $0.principal }) { figures.principalAppeared += 1 }
                    if hearings.contains(where: { $0.headAppeared && $0.spoke }) { figures.spoke += 1 }
                }
            }
        }
        return figures
    }

    /// 双下降: caseload and loss rate both lower than the same period a year before.
    public static func doubleDecline(current: LitigationFigures, previous: LitigationFigures) -> Bool {
        guard let now = current.lossRate, let before = previous.lossRate else { return false }
        return current.caseload < previous.caseload && now < before
    }
}
