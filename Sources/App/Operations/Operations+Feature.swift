extension Feature {
    /// The operator's work: the daily jobs (retention, dormant accounts, the chain check, the digest), backups and
    /// key rotation, run as commands and by the scheduler rather than from pages.
    static let operations = Feature(
        name: "运维",
        migrations: { _ in [AddLastSignIn()] },
        auditActions: AuditAction.ofOperations,
        dailyJobs: [.retention, .dormancy])
}
