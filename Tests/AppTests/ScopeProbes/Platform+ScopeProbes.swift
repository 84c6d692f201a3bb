@testable import App

extension ScopeMatrixTests {
    /// `Feature.platform`'s routes, each tried by every caller.
    static let platformProbes: [Probe] = [
        .get("assets/:name", "/assets/\(Assets.stylesheetName)", "OOOOOOOOOOO"),
        .get("health/live", "/health/live", "OOOOOOOOOOO"),
        .get("health/ready", "/health/ready", "OOOOOOOOOOO"),
        .get("api/v1/openapi.json", "/api/v1/openapi.json", "OOOOOOOOOOO"),
    ]
}
