/// The state of one unit's part of an item (each responsible unit answers for itself).
public enum UnitState: String, Codable, CaseIterable, Sendable {
    case assigned, inProgress, closureRequested, closed, notApplicableRequested, notApplicable, ongoing, suspended

    public var label: String {
        switch self {
        case .assigned: "待签收"
        case .inProgress: "办理中"
        case .closureRequested: "申请销号"
        case .closed: "已销号"
        case .notApplicableRequested: "申请无相关事项"
        case .notApplicable: "无相关问题事项"
        case .ongoing: "已完成·长期坚持"
        case .suspended: "中止"
        }
    }

    /// Nothing more is expected of the unit.
    public var isFinished: Bool { self == .closed || self == .notApplicable }

    /// The unit still owes work or reports, so lateness applies.
    public var owesWork: Bool { self == .assigned || self == .inProgress || self == .ongoing }

    /// The unit may report progress: once it has signed for the part, and until the part is finished or suspended.
    public var mayReport: Bool { self == .inProgress || self == .ongoing || self == .closureRequested }

    /// What the unit must do before it may report, in words; nil when it may.
    public var reportRefusal: String? {
        if mayReport { return nil }
        return self == .assigned ? "请先签收，再报送进展" : "当前状态为“\(label)”，不能报送进展"
    }
}

/// The state of an item, derived from its units' states (草稿 until it is issued).
public enum ItemState: String, Codable, CaseIterable, Sendable {
    case draft, issued, inProgress, awaitingReview, ongoing, closed, notApplicable, suspended

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .issued: "已交办"
        case .inProgress: "推进中"
        case .awaitingReview: "待审核"
        case .ongoing: "已完成·长期坚持"
        case .closed: "已销号"
        case .notApplicable: "无相关问题事项"
        case .suspended: "中止"
        }
    }

    /// The state of a lower region's copy as the upper level's roll-up names it: a draft there awaits deployment.
    public var rollUpLabel: String { self == .draft ? "待部署" : label }

    /// Closed or declared not applicable: nothing about the item changes any more.
    public var isFinished: Bool { self == .closed || self == .notApplicable }

    /// The unit states that put an item under this state in a filter: an item is 待审核 while any of its parts
    /// awaits review, whatever the other parts are doing.
    public var partStates: [UnitState] {
        switch self {
        case .draft: []
        case .issued: [.assigned]
        case .inProgress: [.inProgress]
        case .awaitingReview: [.closureRequested, .notApplicableRequested]
        case .ongoing: [.ongoing]
        case .closed: [.closed]
        case .notApplicable: [.notApplicable]
        case .suspended: [.suspended]
        }
    }
}

/// Who takes a step: the joint-meeting office, or the unit the part belongs to.
public enum WorkflowActor: String, Sendable {
    case office, unit
}

/// A step of the handling workflow.
public enum WorkflowAction: String, Codable, CaseIterable, Sendable {
    case signFor, requestClosure, approveClosure, sendBack, requestNotApplicable, confirmNotApplicable, suspend, resume

    public var label: String {
        switch self {
        case .signFor: "签收"
        case .requestClosure: "申请销号"
        case .approveClosure: "审核销号"
        case .sendBack: "退回"
        case .requestNotApplicable: "申请无相关事项"
        case .confirmNotApplicable: "确认无相关事项"
        case .suspend: "中止"
        case .resume: "恢复办理"
        }
    }

    public var actor: WorkflowActor {
        switch self {
        case .signFor, .requestClosure, .requestNotApplicable: .unit
        case .approveClosure, .sendBack, .confirmNotApplicable, .suspend, .resume: .office
        }
    }

    /// Steps that must say why.
    public var needsReason: Bool { self == .sendBack || self == .suspend }
}

public struct WorkflowError: Error, Equatable, CustomStringConvertible {
    public let description: String
}

public enum Workflow {
    /// The state after `action`, or an error that says why the step is not possible now.
    public static func next(_ state: UnitState, _ action: WorkflowAction, deadline: Deadline) throws(WorkflowError)
        -> UnitState
    {
        switch (action, state) {
        case (.signFor, .assigned): return .inProgress
        case (.requestClosure, .inProgress): return .closureRequested
        case (.approveClosure, .closureRequested): return deadline.closesAsOngoing ? .ongoing : .closed
        case (.approveClosure, .ongoing): return .closed
        case (.sendBack, .closureRequested), (.sendBack, .notApplicableRequested): return .inProgress
        case (.requestNotApplicable, .assigned), (.requestNotApplicable, .inProgress): return .notApplicableRequested
        case (.confirmNotApplicable, .notApplicableRequested): return .notApplicable
        case (.suspend, let from) where !from.isFinished && from != .suspended: return .suspended
        case (.resume, .suspended): return .inProgress
        default:
            throw WorkflowError(description: "当前状态为“\(state.label)”，不能\(action.label)")
        }
    }

    /// The steps `actor` can take from `state`.
    public static func actions(from state: UnitState, by actor: WorkflowActor, deadline: Deadline) -> [WorkflowAction] {
        WorkflowAction.allCases.filter { action in
            action.actor == actor && (try? next(state, action, deadline: deadline)) != nil
        }
    }

    /// The item's state from its units' states.
    public static func itemState(issued: Bool, units: [UnitState]) -> ItemState {
        guard issued else { return .draft }
        guard !units.isEmpty else { return .issued }
        let open = units.filter { !$0.isFinished }
        if open.isEmpty { return units.contains(.closed) ? .closed : .notApplicable }
        if open.allSatisfy({ $0 == .ongoing }) { return .ongoing }
        if open.allSatisfy({ $0 == .suspended }) { return .suspended }
        let active = open.filter { $0 != .ongoing && $0 != .suspended }
        if active.allSatisfy({ $0 == .closureRequested || $0 == .notApplicableRequested }) { return .awaitingReview }
        if active.allSatisfy({ $0 == .assigned }) { return .issued }
        return .inProgress
    }

    /// Counts by state, in the order of `ItemState.allCases`, leaving out zeros.
    public static func tally(_ states: [ItemState]) -> [(ItemState, Int)] {
        let counts = Dictionary(states.map { ($0, 1) }, uniquingKeysWith: +)
        return ItemState.allCases.compactMap { state in counts[state].map { (state, $0) } }
    }
}
