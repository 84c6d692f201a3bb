extension AuditAction {
    static let digestRun = AuditAction("notices.digest_run", "生成提醒")

    /// What the audit log records of the notification centre, in the order its filter lists them.
    static let ofNotifications: [AuditAction] = [
        digestRun
    ]
}
