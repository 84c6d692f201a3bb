extension AuditAction {
    static let enforcementCaseSaved = AuditAction("enforcement.saved", "录入或修改执行案件")
    static let enforcementPaid = AuditAction("enforcement.paid", "登记执行履行")
    static let enforcementEnded = AuditAction("enforcement.ended", "执行案件终结或和解")
    static let enforcementCampaignCreated = AuditAction("enforcement.campaign", "开展专项清理")
    static let enforcementImported = AuditAction("enforcement.imported", "导入执行案件")

    /// What the audit log records of enforcement cases, in the order its filter lists them.
    static let ofEnforcement: [AuditAction] = [
        enforcementCaseSaved, enforcementPaid, enforcementEnded, enforcementCampaignCreated, enforcementImported,
    ]
}
