extension AuditAction {
    static let supervisionIssued = AuditAction("supervision.issued", "督办")
    static let supervisionAnswered = AuditAction("supervision.answered", "回复督办")

    /// What the audit log records of supervision, in the order its filter lists them.
    static let ofSupervision: [AuditAction] = [
        supervisionIssued, supervisionAnswered,
    ]
}
