import FuyuanCore

extension NoticeKind {
    /// 催办、提醒函、通报, when the office issues one: to the people (and the group robots) of the units it names.
    static let supervision = NoticeKind(key: "supervision", label: "督办（催办、提醒函、通报发出时）", roles: Set(Role.business))
}
