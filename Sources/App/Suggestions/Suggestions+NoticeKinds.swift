import FuyuanCore

extension NoticeKind {
    /// A judicial suggestion received, its reply falling due (a week before and on the day), and the reply reaching
    /// the court: to the people (and the group robots) of the agency, or of the court.
    static let suggestion = NoticeKind(
        key: "suggestion", label: "司法建议（收到建议、回复期限提醒、收到回复）", roles: [.liaison, .court])
}
