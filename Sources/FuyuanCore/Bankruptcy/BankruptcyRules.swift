/// 破产程序: liquidation, reorganisation or composition with the creditors.
public enum BankruptcyProcedure: String, Codable, CaseIterable, Sendable {
    case liquidation, reorganization, composition

    public var label: String {
        switch self {
        case .liquidation: "破产清算"
        case .reorganization: "破产重整"
        case .composition: "破产和解"
        }
    }
}

/// Where a bankruptcy case stands. The court moves it on as it goes; only concluding the case ends it.
public enum BankruptcyStage: String, Codable, CaseIterable, Sendable {
    case accepted, claims, meeting, plan, realisation, concluded

    public var label: String {
        switch self {
        case .accepted: "已受理"
        case .claims: "债权申报与审查"
        case .meeting: "债权人会议"
        case .plan: "重整计划或和解协议执行"
        case .realisation: "财产变价与分配"
        case .concluded: "程序终结"
        }
    }
}

/// What the court asks the government to do for a bankruptcy case (seed 004 items 11–13).
public enum BankruptcyMatterKind: String, Codable, CaseIterable, Sendable {
    case stability, staff, assets, deregistration, taxRelief, creditRepair, realEstate, costs, other

    public var label: String {
        switch self {
        case .stability: "信访维稳"
        case .staff: "职工安置"
        case .assets: "资产盘活"
        case .deregistration: "企业注销"
        case .taxRelief: "税费减免"
        case .creditRepair: "纳税信用修复"
        case .realEstate: "不动产处置"
        case .costs: "破产费用保障"
        case .other: "其他"
        }
    }
}

/// Why a step of a bankruptcy case is refused, in words for the person who tried it.
public struct BankruptcyRefusal: Error, Equatable, Sendable {
    public let message: String
    /// What was typed is wrong (a field named in `message`), rather than the step in the case's state.
    public let isInput: Bool
    public init(_ message: String, isInput: Bool = false) { (self.message, self.isInput) = (message, isInput) }
}

/// The rules of a bankruptcy case: how long it has run, and when a matter may be listed or the case concluded.
public struct BankruptcyCaseState: Equatable, Sendable {
    public let stage: BankruptcyStage
    public let acceptedOn: CalendarDay
    public let concludedOn: CalendarDay?

    public init(stage: BankruptcyStage, acceptedOn: CalendarDay, concludedOn: CalendarDay?) {
        (self.stage, self.acceptedOn, self.concludedOn) = (stage, acceptedOn, concludedOn)
    }

    /// The days the case has run: from its acceptance to its conclusion, or to `today` while it runs.
    public func daysRun(today: CalendarDay) -> Int { acceptedOn.days(until: concludedOn ?? today) }

    /// The stage the court moves the case to; concluding has its own step, which checks the matters.
    public func moving(to stage: BankruptcyStage) throws(BankruptcyRefusal) -> BankruptcyStage {
        guard self.stage != .concluded else { throw BankruptcyRefusal("破产案件已终结，不能再修改") }
        guard stage != .concluded else { throw BankruptcyRefusal("程序阶段：终结请用“终结程序”，须各协调事项办结", isInput: true) }
        return stage
    }

    /// A matter for the government, due by `deadline`: only while the case runs, and not due in the past.
    public func listing(deadline: CalendarDay, today: CalendarDay) throws(BankruptcyRefusal) {
        guard stage != .concluded else { throw BankruptcyRefusal("破产案件已终结，不能再列出协调事项") }
        guard deadline >= today else { throw BankruptcyRefusal("办理时限：不能早于今天", isInput: true) }
    }

    /// Concludes the case on `day`, once none of its matters is still open.
    public func concluding(on day: CalendarDay, openMatters: Int, today: CalendarDay) throws(BankruptcyRefusal)
        -> BankruptcyCaseState
    {
        guard stage != .concluded else { throw BankruptcyRefusal("破产案件已终结") }
        guard openMatters == 0 else {
            throw BankruptcyRefusal("尚有 \(openMatters) 项协调事项未办结，办结或确认不适用后才能终结程序")
        }
        guard day >= acceptedOn else { throw BankruptcyRefusal("终结日期：不能早于受理日期 \(acceptedOn)", isInput: true) }
        guard day <= today else { throw BankruptcyRefusal("终结日期：不能晚于今天", isInput: true) }
        return BankruptcyCaseState(stage: .concluded, acceptedOn: acceptedOn, concludedOn: day)
    }
}
