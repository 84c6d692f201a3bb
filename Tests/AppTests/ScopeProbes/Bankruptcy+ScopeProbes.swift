@testable import App

extension ScopeMatrixTests {
    /// `Feature.bankruptcy`'s routes, each tried by every caller: everyone who reads 鲁山县's ledger reads its
    /// bankruptcy cases; only its court keeps them, lists their matters and concludes them.
    static let bankruptcyProbes: [Probe] = [
        .get("regions/:code/bankruptcy", "/regions/410423/bankruptcy", readLushanLedger),
        .form(
            .POST, "regions/:code/bankruptcy", "/regions/410423/bankruptcy", courtOfLushan("O"),
            [
                ("caseNumber", "(2026)豫0423破9号"), ("debtor", "鲁山县某公司"), ("procedure", "liquidation"),
                ("acceptedOn", "2026-01-05"),
            ]),
        .get("regions/:code/bankruptcy.xlsx", "/regions/410423/bankruptcy.xlsx", readLushanLedger),
        .get("regions/:code/bankruptcy.csv", "/regions/410423/bankruptcy.csv", readLushanLedger),
        .get("regions/:code/bankruptcy/new", "/regions/410423/bankruptcy/new", courtOfLushan("O")),
        .get("bankruptcy/cases/:id", "/bankruptcy/cases/{bankruptcyCase}", readLushanLedger),
        .form(
            .POST, "bankruptcy/cases/:id", "/bankruptcy/cases/{bankruptcyCase}", courtOfLushan("O"),
            [
                ("caseNumber", "（2026）豫0423破1号"), ("debtor", "鲁山县某矿业有限公司"), ("procedure", "reorganization"),
                ("stage", "claims"), ("acceptedOn", "2026-01-05"),
            ]),
        .form(
            .POST, "bankruptcy/cases/:id/matters", "/bankruptcy/cases/{bankruptcyCase}/matters", courtOfLushan("O"),
            [("kind", "staff"), ("unitID", "{housing}"), ("deadline", "2099-01-01")]),
        .form(
            .POST, "bankruptcy/cases/:id/conclude", "/bankruptcy/cases/{bankruptcyCase}/conclude", courtOfLushan("O"),
            [("concludedOn", "2026-01-05")]),
        .get("api/v1/regions/:code/bankruptcy/cases", "/api/v1/regions/410423/bankruptcy/cases", readLushanLedger),
        .json(
            .POST, "api/v1/regions/:code/bankruptcy/cases", "/api/v1/regions/410423/bankruptcy/cases",
            courtOfLushan("O"),
            [
                "caseNumber": "(2026)豫0423破9号", "debtor": "鲁山县某公司", "procedure": "composition",
                "acceptedOn": "2026-01-05",
            ]),
        .get(
            "api/v1/regions/:code/bankruptcy/cases/:id", "/api/v1/regions/410423/bankruptcy/cases/{bankruptcyCase}",
            readLushanLedger),
        .json(
            .PATCH, "api/v1/regions/:code/bankruptcy/cases/:id",
            "/api/v1/regions/410423/bankruptcy/cases/{bankruptcyCase}", courtOfLushan("O"),
            [
                "caseNumber": "（2026）豫0423破1号", "debtor": "鲁山县某矿业有限公司", "procedure": "reorganization",
                "stage": "meeting", "acceptedOn": "2026-01-05",
            ]),
        .json(
            .POST, "api/v1/regions/:code/bankruptcy/cases/:id/matters",
            "/api/v1/regions/410423/bankruptcy/cases/{bankruptcyCase}/matters", courtOfLushan("O"),
            ["kind": "realEstate", "unitID": "{zrzy}", "deadline": "2099-01-01"]),
        .json(
            .POST, "api/v1/regions/:code/bankruptcy/cases/:id/conclude",
            "/api/v1/regions/410423/bankruptcy/cases/{bankruptcyCase}/conclude", courtOfLushan("O"),
            ["concludedOn": "2026-01-05"]),
    ]
}
