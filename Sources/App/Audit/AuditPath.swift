import Foundation

/// The addresses of the audit log and the security alerts.
enum AuditPath {
    static let audit: PathPattern = "/audit"
    static let securityAlerts: PathPattern = "/admin/alerts"
    static let acknowledgeAlert: PathPattern = "/admin/alerts/:id/acknowledge"
}

extension SitePath {
    static let audit = AuditPath.audit.path()
    static let securityAlerts = AuditPath.securityAlerts.path()
    static func acknowledgeAlert(_ id: UUID) -> SitePath { AuditPath.acknowledgeAlert.path(id) }
}
