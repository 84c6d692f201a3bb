import Vapor

extension Feature {
    /// The audit log with its hash chain and its copy on the collector, and the security alerts.
    static let audit = Feature(
        name: "审计",
        migrations: { _ in [CreateAuditEntry(), ChainAuditEntries(), CreateAuditForwarding()] },
        routes: { routes in
            routes.pages.get(AuditPath.audit, use: AuditPages().list)
            routes.pages.get(AuditPath.securityAlerts, use: SecurityAlertPages().list)
            routes.pages.post(AuditPath.acknowledgeAlert, use: SecurityAlertPages().acknowledge)
        },
        menu: [
            .init(label: "安全告警", place: 90, roles: [.securityAdmin]) { _ in .securityAlerts },
            .init(label: "审计日志", place: 90, roles: [.auditAdmin]) { _ in .audit },
        ],
        auditActions: AuditAction.ofAudit,
        noticeKinds: [.securityAlert],
        homeCards: HomeCard.audit,
        dailyJobs: [.auditChain])
}
