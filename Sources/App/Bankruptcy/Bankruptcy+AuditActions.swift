extension AuditAction {
    static let bankruptcyCaseSaved = AuditAction("bankruptcy.saved", "登记或修改破产案件")
    static let bankruptcyMatterListed = AuditAction("bankruptcy.matter", "列出破产协调事项")
    static let bankruptcyConcluded = AuditAction("bankruptcy.concluded", "破产程序终结")

    /// What the audit log records of bankruptcy coordination, in the order its filter lists them.
    static let ofBankruptcy: [AuditAction] = [bankruptcyCaseSaved, bankruptcyMatterListed, bankruptcyConcluded]
}
