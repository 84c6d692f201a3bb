@testable import App

extension ScopeMatrixTests {
    /// `Feature.home`'s routes, each tried by every caller: a region's home, and the same cards in the API, the
    /// caller's own region by default. Every role has a home in its scope; the cards are each role's own.
    static let homeProbes: [Probe] = [
        .get("regions/:code", "/regions/410423", "LOOOOOOOOON"),
        .get("regions/:code", "/regions/410400", "LOOOOONNNNN"),
        .get("api/v1/home", "/api/v1/home", "LOOOOOOOOOO"),
        .get("api/v1/home", "/api/v1/home?region=410423", "LOOOOOOOOON"),
        .get("api/v1/home", "/api/v1/home?region=410400", "LOOOOONNNNN"),
    ]
}
