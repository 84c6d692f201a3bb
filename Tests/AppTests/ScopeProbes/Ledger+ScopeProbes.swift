@testable import App

extension ScopeMatrixTests {
    /// `Feature.ledger`'s routes, each tried by every caller.
    static let ledgerProbes: [Probe] = [
        .get("regions/:code/ledger", "/regions/410423/ledger", readLushanLedger),
        .get("regions/:code/ledger.csv", "/regions/410423/ledger.csv", readLushanLedger),
        .get("regions/:code/ledger.xlsx", "/regions/410423/ledger.xlsx", readLushanLedger),
        .get("regions/:code/ledger/new", "/regions/410423/ledger/new", writeLushanRoster),
        .form(
            .POST, "regions/:code/ledger", "/regions/410423/ledger", writeLushanRoster,
            [
                ("listID", "{list}"), ("title", "新事项{who}"), ("area", "other"), ("deadline", "2027年6月30日"),
                ("responsible[]", "{unit}"),
            ]),
        .form(
            .POST, "regions/:code/ledger/import", "/regions/410423/ledger/import", "LFFFFFBFFFN", [("listID", "{list}")]
        ),
        .form(
            .POST, "regions/:code/lists", "/regions/410423/lists", writeLushanRoster,
            [("kind", "problem"), ("title", "第二批{who}")]),
        .get("items/:id", "/items/{item}", readLushanLedger),
        .get("items/:id/edit", "/items/{item}/edit", writeLushanRoster),
        .form(
            .POST, "items/:id", "/items/{item}", writeLushanRoster,
            [("title", "事项{who}"), ("content", ""), ("area", "other"), ("deadline", "{deadline}")]),
        .form(.POST, "items/:id/issue", "/items/{item}/issue", "LFFFFFVFFFN"),
        .form(
            .POST, "items/:id/step", "/items/{item}/step", writeLushanRoster,
            [("partID", "{justicePart}"), ("action", "approveClosure")]),
        .form(
            .POST, "items/:id/reports", "/items/{item}/reports", "LFFFFFFOFFN",
            [("partID", "{courtPart}"), ("text", "本月新收行政案件 5 件")]),
        .form(
            .POST, "items/:id/extensions", "/items/{item}/extensions", "LFFFFFFVFFN",
            [("partID", "{courtPart}"), ("day", "2027-01-31"), ("reason", "案件多")]),
        .form(
            .POST, "items/:id/extensions/decide", "/items/{item}/extensions/decide", "LFFFFFNFFFN",
            [("extensionID", "{item}"), ("approve", "1")]),
        .form(.POST, "items/:id/hand-down", "/items/{item}/hand-down", "LFFFFFVFFFN"),
        .form(.POST, "items/:id/not-applicable", "/items/{item}/not-applicable", "LFFFFFVFFFN", [("reason", "无")]),
        .form(.POST, "items/:id/assign", "/items/{item}/assign", "LFFFFFVFFFN", [("responsible[]", "{unit}")]),
        .form(.POST, "items/:id/attachments", "/items/{item}/attachments", "LFFFFFBBFFN"),
        .get("attachments/:id", "/attachments/{attachment}", readLushanLedger),
        .form(.POST, "items/:id/links", "/items/{item}/links", "LFFFFFVFFFN", [("measureID", "{item}")]),
        .get("api/v1/regions/:code/lists", "/api/v1/regions/410423/lists", readLushanLedger),
        .json(
            .POST, "api/v1/regions/:code/lists", "/api/v1/regions/410423/lists", writeLushanRoster,
            ["kind": "problem", "title": "第三批{who}"]),
        .get("api/v1/regions/:code/items", "/api/v1/regions/410423/items?timeliness=overdue", readLushanLedger),
        .json(.POST, "api/v1/items", "/api/v1/items", "LFFFVVOFFFV"),
        .get("api/v1/items/:id", "/api/v1/items/{item}", readLushanLedger),
        .json(.PATCH, "api/v1/items/:id", "/api/v1/items/{item}", writeLushanRoster, ["title": "事项{who}"]),
        .json(.POST, "api/v1/items/:id/issue", "/api/v1/items/{item}/issue", "LFFFFFVFFFN"),
        .json(
            .POST, "api/v1/items/:id/steps", "/api/v1/items/{item}/steps", writeLushanRoster,
            ["partID": "{justicePart}", "action": "approveClosure"]),
        .json(
            .POST, "api/v1/items/:id/reports", "/api/v1/items/{item}/reports", "LFFFFFFOFFN",
            ["partID": "{courtPart}", "text": "本月新收 5 件"]),
        .json(.POST, "api/v1/items/:id/hand-down", "/api/v1/items/{item}/hand-down", "LFFFFFVFFFN"),
        .get("api/v1/items/:id/roll-up", "/api/v1/items/{item}/roll-up", readLushanLedger),
    ]
}
