/// The addresses of the audit log and the security alerts.
enum AuditPath {
    static let audit: PathPattern = "/audit"
    static let securityAlerts: PathPattern = "/admin/alerts"
}

extension SitePath {
    static let audit = AuditPath.audit.path()
    static let securityAlerts = AuditPath.securityAlerts.path()
}
