@testable import App

extension ScopeMatrixTests {
    /// `Feature.enforcement`'s routes, each tried by every caller. The province's and the city's offices may ask to
    /// supervise, but 鲁山县's late organs are not theirs to urge (422).
    static let enforcementProbes: [Probe] = [
        .get("regions/:code/enforcement", "/regions/410423/enforcement", readLushanLedger),
        .form(
            .POST, "regions/:code/enforcement", "/regions/410423/enforcement", courtOfLushan("O"),
            [
                ("caseNumber", "(2026)豫0423执900号"), ("organID", "{housing}"), ("obligation", "money"),
                ("owed", "1000.00"), ("filedOn", "2026-01-05"),
            ]),
        .get("regions/:code/enforcement.xlsx", "/regions/410423/enforcement.xlsx", readLushanLedger),
        .get("regions/:code/enforcement.csv", "/regions/410423/enforcement.csv", readLushanLedger),
        .get("regions/:code/enforcement/new", "/regions/410423/enforcement/new", courtOfLushan("O")),
        // A form without a file: the court's is refused as malformed, everyone else's by role or scope first.
        .form(.POST, "regions/:code/enforcement/import", "/regions/410423/enforcement/import", courtOfLushan("B")),
        .json(
            .POST, "api/v1/regions/:code/enforcement/cases/import", "/api/v1/regions/410423/enforcement/cases/import",
            courtOfLushan("V")),
        .get("regions/:code/enforcement/figures", "/regions/410423/enforcement/figures", readLushanLedger),
        .form(
            .POST, "regions/:code/enforcement/campaigns", "/regions/410423/enforcement/campaigns", writeLushanRoster,
            [("name", "2027年专项清理"), ("targetOn", "2027-06-30")]),
        .form(
            .POST, "regions/:code/enforcement/supervise", "/regions/410423/enforcement/supervise", "LFFFVVOFFFN",
            [("organID", "{housing}")]),
        .get("enforcement/cases/:id", "/enforcement/cases/{enforcementCase}", readLushanLedger),
        .form(
            .POST, "enforcement/cases/:id", "/enforcement/cases/{enforcementCase}", courtOfLushan("O"),
            [
                ("caseNumber", "（2024）豫0423执321号"), ("organID", "{housing}"), ("obligation", "money"),
                ("owed", "386000.00"), ("filedOn", "2024-05-08"),
            ]),
        .form(
            .POST, "enforcement/cases/:id/payments", "/enforcement/cases/{enforcementCase}/payments",
            courtOfLushan("O"), [("paidOn", "2026-01-05"), ("amount", "1.00"), ("method", "budgeted")]),
        .form(
            .POST, "enforcement/cases/:id/end", "/enforcement/cases/{enforcementCase}/end", courtOfLushan("O"),
            [("state", "terminated"), ("note", "无可供执行的财产")]),
        .get("api/v1/regions/:code/enforcement/cases", "/api/v1/regions/410423/enforcement/cases", readLushanLedger),
        .json(
            .POST, "api/v1/regions/:code/enforcement/cases", "/api/v1/regions/410423/enforcement/cases",
            courtOfLushan("O"),
            [
                "caseNumber": "(2026)豫0423执900号", "organID": "{town}", "obligation": "act", "act": "恢复原状",
                "filedOn": "2026-01-05",
            ]),
        .get(
            "api/v1/regions/:code/enforcement/figures", "/api/v1/regions/410423/enforcement/figures", readLushanLedger),
        .get(
            "api/v1/regions/:code/enforcement/cases/:id",
            "/api/v1/regions/410423/enforcement/cases/{enforcementCase}", readLushanLedger),
        .json(
            .PATCH, "api/v1/regions/:code/enforcement/cases/:id",
            "/api/v1/regions/410423/enforcement/cases/{enforcementAct}", courtOfLushan("O"),
            [
                "caseNumber": "（2025）豫0423执88号", "organID": "{town}", "obligation": "act", "act": "恢复原告承包地原状",
                "filedOn": "2025-02-17",
            ]),
        .json(
            .POST, "api/v1/regions/:code/enforcement/cases/:id/payments",
            "/api/v1/regions/410423/enforcement/cases/{enforcementAct}/payments", courtOfLushan("O"),
            ["paidOn": "2026-01-05", "method": "act"]),
        .json(
            .POST, "api/v1/regions/:code/enforcement/cases/:id/end",
            "/api/v1/regions/410423/enforcement/cases/{enforcementCase}/end", courtOfLushan("O"),
            ["state": "terminated", "note": "无可供执行的财产"]),
    ]
}
