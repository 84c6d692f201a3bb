import Foundation

@testable import App

extension ScopeMatrixTests {
    /// `Feature.audit`'s routes, each tried by every caller.
    static let auditProbes: [Probe] = [
        .get("audit", "/audit", "LFFOFFFFFFF"),
        .get("admin/alerts", "/admin/alerts", "LFOFFFFFFFF"),
        // No alert has this id: the security administrator finds none, everyone else is refused by role.
        .form(
            .POST, "admin/alerts/:id/acknowledge", "/admin/alerts/\(UUID())/acknowledge", "LFNFFFFFFFF",
            [("note", "已核实")]),
    ]
}
