extension AuditAction {
    static let backupCreated = AuditAction("system.backup_created", "备份数据库")
    static let backupRestored = AuditAction("system.backup_restored", "恢复备份")
    static let dataKeyRotated = AuditAction("system.data_key_rotated", "更换数据密钥")
    static let retentionSwept = AuditAction("system.retention_swept", "清理过期数据")
    static let dormantDisabled = AuditAction("user.dormant_disabled", "停用长期未登录账户")
    static let demoLoaded = AuditAction("system.demo_loaded", "载入演示数据")
    static let dataGenerated = AuditAction("system.data_generated", "生成规模测试数据")

    /// What the audit log records of the operator's commands and the daily jobs, in the order its filter lists them.
    static let ofOperations: [AuditAction] = [
        backupCreated, backupRestored, dataKeyRotated, retentionSwept, dormantDisabled, demoLoaded, dataGenerated,
    ]
}
