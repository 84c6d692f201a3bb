/// Where an enforcement case against an organ stands (执行状态).
public enum EnforcementState: String, Codable, CaseIterable, Sendable {
    case unperformed, partial, performed, terminated, settled

    public var label: String {
        switch self {
        case .unperformed: "未履行"
        case .partial: "部分履行"
        case .performed: "已履行到位"
        case .terminated: "终结本次执行"
        case .settled: "和解"
        }
    }

    /// Off the clean-up's list (清零): performed, ended for now, or settled.
    public var isCleared: Bool { self != .unperformed && self != .partial }
}

/// What the judgment obliges the organ to: pay money, or do an act.
public enum Obligation: String, Codable, CaseIterable, Sendable {
    case money, act

    public var label: String {
        switch self {
        case .money: "给付金钱"
        case .act: "履行行为"
        }
    }
}

/// How a payment reached the court (履行方式).
public enum PaymentMethod: String, Codable, CaseIterable, Sendable {
    case budgeted, transferred, inKind, reconciled, act

    public var label: String {
        switch self {
        case .budgeted: "列入财政预算支付"
        case .transferred: "转入法院执行款专户"
        case .inKind: "以物抵债"
        case .reconciled: "对账核销"
        case .act: "已履行行为"
        }
    }
}

/// Why a step of an enforcement case is refused, in words for the person who tried it.
public struct EnforcementRefusal: Error, Equatable, Sendable {
    public let message: String
    /// What was typed is wrong (a field named in `message`), rather than the step in the case's state.
    public let isInput: Bool
    public init(_ message: String, isInput: Bool = false) { (self.message, self.isInput) = (message, isInput) }
}

/// The rules of an enforcement case: what it still owes, and what a payment or an ending makes of it.
public struct EnforcementCaseState: Equatable, Sendable {
    public let obligation: Obligation
    /// What the judgment awards, in fen (0 for an act).
    public let owedFen: Int64
    public let paidFen: Int64
    public let state: EnforcementState

    public init(obligation: Obligation, owedFen: Int64, paidFen: Int64, state: EnforcementState) {
        (self.obligation, self.owedFen, self.paidFen, self.state) = (obligation, owedFen, paidFen, state)
    }

    /// Still to be paid (未履行金额): nothing once the case is off the list.
    public var outstandingFen: Int64 { state.isCleared || obligation == .act ? 0 : max(0, owedFen - paidFen) }

    /// The state of a money case with `paid` of `owed` paid and not ended otherwise.
    public static func state(owedFen: Int64, paidFen: Int64) -> EnforcementState {
        paidFen <= 0 ? .unperformed : paidFen >= owedFen ? .performed : .partial
    }

    /// The state after `amount` fen is paid (or, for an act, the act is done), or why it may not be.
    public func paying(_ amountFen: Int64, method: PaymentMethod) throws(EnforcementRefusal) -> EnforcementState {
        guard !state.isCleared else { throw EnforcementRefusal("该案件已“\(state.label)”，不能再登记履行") }
        switch obligation {
        case .act:
            guard method == .act, amountFen == 0 else {
                throw EnforcementRefusal("履行方式：该案件须履行行为，请选“已履行行为”，金额留空", isInput: true)
            }
            return .performed
        case .money:
            guard method != .act else { throw EnforcementRefusal("履行方式：该案件须给付金钱，请选择付款方式", isInput: true) }
            guard amountFen > 0 else { throw EnforcementRefusal("金额：须大于零", isInput: true) }
            let outstanding = owedFen - paidFen
            guard amountFen <= outstanding else {
                throw EnforcementRefusal("金额：超过未履行金额 \(Money.yuan(outstanding)) 元", isInput: true)
            }
            return Self.state(owedFen: owedFen, paidFen: paidFen + amountFen)
        }
    }

    /// The state after the court ends it (终结本次执行) or records a settlement (和解).
    public func ending(as end: EnforcementState) throws(EnforcementRefusal) -> EnforcementState {
        guard end == .terminated || end == .settled else { throw EnforcementRefusal("结案方式：须为终结本次执行或和解", isInput: true) }
        guard !state.isCleared else { throw EnforcementRefusal("该案件已“\(state.label)”，不能再结案") }
        return end
    }
}
