extension AuditAction {
    static let listCreated = AuditAction("ledger.list_created", "新建清单")
    static let itemCreated = AuditAction("ledger.item_created", "新建事项")
    static let itemIssued = AuditAction("ledger.item_issued", "交办事项")
    static let itemEdited = AuditAction("ledger.item_edited", "修改事项")
    static let itemStep = AuditAction("ledger.item_step", "办理流转")
    static let itemHandedDown = AuditAction("ledger.item_handed_down", "下达事项")
    static let progressReported = AuditAction("ledger.progress_reported", "报送进展")
    static let extensionRequested = AuditAction("ledger.extension_requested", "申请延期")
    static let extensionDecided = AuditAction("ledger.extension_decided", "审批延期")
    static let itemLinked = AuditAction("ledger.item_linked", "问题与责任对应")
    static let attachmentAdded = AuditAction("ledger.attachment_added", "上传附件")
    static let attachmentDamaged = AuditAction("security.attachment_damaged", "附件完整性告警", severity: .alert)

    /// What the audit log records of the ledger, in the order its filter lists them.
    static let ofLedger: [AuditAction] = [
        listCreated, itemCreated, itemIssued, itemEdited, itemStep, itemHandedDown, progressReported,
        extensionRequested, extensionDecided, itemLinked, attachmentAdded, attachmentDamaged,
    ]
}
