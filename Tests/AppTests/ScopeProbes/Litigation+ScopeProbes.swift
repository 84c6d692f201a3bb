@testable import App

extension ScopeMatrixTests {
    /// `Feature.litigation`'s routes, each tried by every caller.
    static let litigationProbes: [Probe] = [
        .form(
            .POST, "regions/:code/litigation/warnings", "/regions/410423/litigation/warnings", writeLushanRoster,
            [("unitID", "{zrzy}"), ("from", "2023-01-01"), ("to", "2023-07-24")]),
        .get("regions/:code/litigation", "/regions/410423/litigation?from=2023-01-01&to=2023-07-24", readLushanLedger),
        .get(
            "regions/:code/litigation/bulletin", "/regions/410423/litigation/bulletin?year=2023&quarter=2",
            readLushanLedger),
        .json(.POST, "api/v1/litigation/cases/import", "/api/v1/litigation/cases/import", "LFFFFFFVFFF"),
        .get("api/v1/litigation/cases", "/api/v1/litigation/cases?region=410423", readLushanLedger),
        .get("api/v1/litigation/cases/:id", "/api/v1/litigation/cases/{case}", readLushanLedger),
        .get("regions/:code/litigation/cases", "/regions/410423/litigation/cases", readLushanLedger),
        .form(.POST, "regions/:code/litigation/cases", "/regions/410423/litigation/cases", courtOfLushan("V")),
        .get("regions/:code/litigation/cases/new", "/regions/410423/litigation/cases/new", courtOfLushan("O")),
        .get(
            "regions/:code/litigation/cases/template.xlsx", "/regions/410423/litigation/cases/template.xlsx",
            courtOfLushan("O")),
        .get(
            "regions/:code/litigation/cases/template.csv", "/regions/410423/litigation/cases/template.csv",
            courtOfLushan("O")),
        // The page's import answers 200 and streams the refusal of a body that is not a case file.
        .json(
            .POST, "regions/:code/litigation/cases/import", "/regions/410423/litigation/cases/import",
            courtOfLushan("O")),
        .get("litigation/cases/:id", "/litigation/cases/{case}", readLushanLedger),
        .form(.POST, "litigation/cases/:id", "/litigation/cases/{case}", courtOfLushan("V")),
        .form(.POST, "litigation/cases/:id/delete", "/litigation/cases/{case}/delete", courtOfLushan("O")),
        .get(
            "api/v1/litigation/figures", "/api/v1/litigation/figures?region=410423&from=2023-01-01&to=2023-07-24",
            readLushanLedger),
    ]
}
