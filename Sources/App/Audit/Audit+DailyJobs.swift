extension DailyJob {
    /// Checks the audit log's hash chain; a broken chain raises a security alert.
    static let auditChain = DailyJob(name: "audit-chain") { app, _ in
        let verdict = try await verifyAuditChain(app)
        if !verdict.intact { app.logger.critical("audit chain broken: \(verdict.summary)") }
    }
}
