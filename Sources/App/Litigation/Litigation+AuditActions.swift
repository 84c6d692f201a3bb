extension AuditAction {
    static let casesImported = AuditAction("litigation.cases_imported", "导入行政诉讼案件")
    static let caseSaved = AuditAction("litigation.case_saved", "录入或修改行政诉讼案件")
    static let caseDeleted = AuditAction("litigation.case_deleted", "删除行政诉讼案件")

    /// What the audit log records of administrative litigation, in the order its filter lists them.
    static let ofLitigation: [AuditAction] = [
        casesImported, caseSaved, caseDeleted,
    ]
}
