@testable import App

extension ScopeMatrixTests {
    /// `Feature.supervision`'s routes, each tried by every caller.
    static let supervisionProbes: [Probe] = [
        .get("api/v1/regions/:code/supervision", "/api/v1/regions/410423/supervision", readLushanLedger),
        .json(.POST, "api/v1/regions/:code/supervision", "/api/v1/regions/410423/supervision", writeLushanRoster),
        .json(
            .POST, "api/v1/supervision-targets/:id/respond", "/api/v1/supervision-targets/{supervisionTarget}/respond",
            "LFFFFFFOFFF", ["text": "已报送"]),
        .get("regions/:code/supervision", "/regions/410423/supervision", readLushanLedger),
        .form(
            .POST, "regions/:code/supervision", "/regions/410423/supervision", writeLushanRoster,
            [("kind", "urge"), ("unit[]", "{unit}"), ("text", "请报送进展{who}"), ("respondBy", "2099-01-01")]),
        .form(
            .POST, "supervision-targets/:id/respond", "/supervision-targets/{supervisionTarget}/respond", "LFFFFFFOFFF",
            [("text", "已报送")]),
    ]
}
