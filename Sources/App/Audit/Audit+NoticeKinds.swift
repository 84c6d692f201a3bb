import FuyuanCore

extension NoticeKind {
    /// A security alert or a lockout, at once, to the security administrators.
    static let securityAlert = NoticeKind(key: "alert", label: "安全告警（即时）", roles: [.securityAdmin])
}
