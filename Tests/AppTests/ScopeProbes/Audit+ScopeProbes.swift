@testable import App

extension ScopeMatrixTests {
    /// `Feature.audit`'s routes, each tried by every caller.
    static let auditProbes: [Probe] = [
        .get("audit", "/audit", "LFFOFFFFFFF"),
        .get("admin/alerts", "/admin/alerts", "LFOFFFFFFFF"),
    ]
}
