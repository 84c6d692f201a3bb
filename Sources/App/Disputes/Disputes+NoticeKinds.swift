import FuyuanCore

extension NoticeKind {
    /// A dispute transferred or assigned to the unit, urged, and closed: to the people (and the group robots) of the
    /// handling unit.
    static let dispute = NoticeKind(
        key: "dispute", label: "行政争议化解（移送、交办、催办、办结）", roles: [.liaison, .court])
}
