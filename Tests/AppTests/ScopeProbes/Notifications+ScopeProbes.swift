@testable import App

extension ScopeMatrixTests {
    /// `Feature.notifications`'s routes, each tried by every caller.
    static let notificationsProbes: [Probe] = [
        .get("notices", "/notices", "LFFFOOOOOOO"),
        .form(.POST, "notices/read", "/notices/read", "LFFFOOOOOOO"),
        .form(.POST, "notices/run", "/notices/run", "LFFFOOOFFFO"),
    ]
}
