extension AuditAction {
    static let signIn = AuditAction("auth.sign_in", "登录")
    static let signInFailed = AuditAction("auth.sign_in_failed", "登录失败", severity: .notice)
    static let accountLocked = AuditAction("auth.locked", "账户锁定", severity: .warning)
    static let addressThrottled = AuditAction("auth.address_throttled", "暂停地址登录", severity: .warning)
    static let reauthenticationFailed = AuditAction("auth.reauthentication_failed", "确认身份失败", severity: .notice)
    static let signOut = AuditAction("auth.sign_out", "退出")
    static let passwordChanged = AuditAction("user.password_changed", "修改密码")
    static let secondFactorEnabled = AuditAction("user.second_factor_enabled", "启用动态口令")
    static let secondFactorDisabled = AuditAction("user.second_factor_disabled", "停用动态口令")
    static let tokenIssued = AuditAction("token.issued", "签发接口令牌")
    static let tokenRevoked = AuditAction("token.revoked", "吊销接口令牌")

    /// What the audit log records of signing in and out and one's own account, in the order its filter lists them.
    static let ofAuth: [AuditAction] = [
        signIn, signInFailed, accountLocked, addressThrottled, reauthenticationFailed, signOut, passwordChanged,
        secondFactorEnabled, secondFactorDisabled, tokenIssued, tokenRevoked,
    ]
}
