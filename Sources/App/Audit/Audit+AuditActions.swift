extension AuditAction {
    static let accessDenied = AuditAction("access.denied", "拒绝访问", severity: .notice)
    static let intrusionSuspected = AuditAction("security.intrusion_suspected", "疑似入侵告警", severity: .alert)
    static let auditViewed = AuditAction("audit.viewed", "查阅审计日志")
    static let auditChainBroken = AuditAction("audit.chain_broken", "审计日志完整性告警", severity: .alert)
    static let dataExported = AuditAction("data.exported", "导出数据")
    static let fileDownloaded = AuditAction("data.downloaded", "下载附件")
    static let alertAcknowledged = AuditAction("security.alert_acknowledged", "处置安全告警", severity: .notice)

    /// What the audit log records of the audit log itself and what is recorded for every feature (refusals, exports, downloads), in the order its filter lists them.
    static let ofAudit: [AuditAction] = [
        accessDenied, intrusionSuspected, auditViewed, auditChainBroken, dataExported, fileDownloaded,
        alertAcknowledged,
    ]
}
