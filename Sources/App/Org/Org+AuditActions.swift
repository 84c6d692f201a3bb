extension AuditAction {
    static let userCreated = AuditAction("user.created", "新建用户")
    static let roleChanged = AuditAction("user.role_changed", "变更角色")
    static let passwordReset = AuditAction("user.password_reset", "重置密码")
    static let userUnlocked = AuditAction("user.unlocked", "解除锁定")
    static let userActivation = AuditAction("user.activation", "启用/停用用户")
    static let secondFactorReset = AuditAction("user.second_factor_reset", "清除动态口令")
    static let grantTampered = AuditAction("security.grant_tampered", "授权数据篡改告警", severity: .alert)
    static let regionCreated = AuditAction("region.created", "新建区划")
    static let unitCreated = AuditAction("unit.created", "新建单位")
    static let unitUpdated = AuditAction("unit.updated", "修改单位")
    static let rosterChanged = AuditAction("roster.changed", "调整联席会议组成")
    static let personalDataViewed = AuditAction("data.personal_viewed", "查看个人信息")

    /// What the audit log records of the organisation: users, regions, units and the roster, in the order its filter lists them.
    static let ofOrg: [AuditAction] = [
        userCreated, roleChanged, passwordReset, userUnlocked, userActivation, secondFactorReset, grantTampered,
        regionCreated, unitCreated, unitUpdated, rosterChanged, personalDataViewed,
    ]
}
