import FuyuanCore

/// A kind of notice that reaches people outside the product (`Feature.noticeKinds`): each person chooses, per kind,
/// the channels that bring it to them (`NoticeSetting`); without a choice, the kind's default for their role.
struct NoticeKind: Sendable, Hashable {
    let key: String
    let label: String
    /// Who it is for; only they see it among their choices.
    let roles: Set<Role>
    /// On by mail until the person chooses otherwise.
    var onByDefault = true

    /// `digest:mail`: the choice of this kind by `channel`.
    func choice(_ channel: Delivery.Channel) -> String { key + ":" + channel.rawValue }
}

extension NoticeKind {
    /// The daily digest: one message a person a day with everything their unit (and their office) must act on.
    static let digest = NoticeKind(key: "digest", label: "每日提醒（逾期、临期、待签收、待审核、待回复督办）", roles: Set(Role.business))
}
