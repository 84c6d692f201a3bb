import FuyuanCore

extension NoticeKind {
    /// An item handed to units (交办, the joint meeting's decisions among them): to the people (and the group robots)
    /// of its lead and responsible units, when it is handed.
    static let handed = NoticeKind(key: "handed", label: "新交办事项（交办时）", roles: Set(Role.business))
}
