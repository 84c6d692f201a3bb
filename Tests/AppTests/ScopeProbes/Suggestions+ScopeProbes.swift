@testable import App

extension ScopeMatrixTests {
    /// Only the agency a suggestion is addressed to (鲁山县自然资源局, its liaison) signs for it and replies.
    static let agencyOfTheSuggestion = "LFFFFFFFOFF"

    /// `Feature.suggestions`' routes, each tried by every caller.
    static let suggestionsProbes: [Probe] = [
        .get("regions/:code/judicial-suggestions", "/regions/410423/judicial-suggestions", readLushanLedger),
        .form(
            .POST, "regions/:code/judicial-suggestions", "/regions/410423/judicial-suggestions", courtOfLushan("O"),
            [("agencyID", "{zrzy}"), ("problem", "问题{who}"), ("suggestion", "建议")]),
        .get("regions/:code/judicial-suggestions.xlsx", "/regions/410423/judicial-suggestions.xlsx", readLushanLedger),
        .get("regions/:code/judicial-suggestions.csv", "/regions/410423/judicial-suggestions.csv", readLushanLedger),
        .get("regions/:code/judicial-suggestions/new", "/regions/410423/judicial-suggestions/new", courtOfLushan("O")),
        .get(
            "regions/:code/judicial-suggestions/figures", "/regions/410423/judicial-suggestions/figures",
            readLushanLedger),
        .get(
            "regions/:code/judicial-suggestions/bulletin", "/regions/410423/judicial-suggestions/bulletin",
            readLushanLedger),
        .get("judicial-suggestions/:id", "/judicial-suggestions/{suggestion}", readLushanLedger),
        .form(
            .POST, "judicial-suggestions/:id", "/judicial-suggestions/{suggestion}", courtOfLushan("O"),
            [("agencyID", "{zrzy}"), ("problem", "问题{who}"), ("suggestion", "建议")]),
        .form(.POST, "judicial-suggestions/:id/sign", "/judicial-suggestions/{suggestion}/sign", agencyOfTheSuggestion),
        .form(
            .POST, "judicial-suggestions/:id/reply", "/judicial-suggestions/{signedSuggestion}/reply",
            agencyOfTheSuggestion, [("measures", "已整改"), ("adoption", "full")]),
        .get(
            "api/v1/regions/:code/judicial-suggestions", "/api/v1/regions/410423/judicial-suggestions", readLushanLedger
        ),
        .json(
            .POST, "api/v1/regions/:code/judicial-suggestions", "/api/v1/regions/410423/judicial-suggestions",
            courtOfLushan("O"), ["agencyID": "{zrzy}", "problem": "问题{who}", "suggestion": "建议"]),
        .get(
            "api/v1/regions/:code/judicial-suggestions/figures", "/api/v1/regions/410423/judicial-suggestions/figures",
            readLushanLedger),
        .get(
            "api/v1/regions/:code/judicial-suggestions/:id", "/api/v1/regions/410423/judicial-suggestions/{suggestion}",
            readLushanLedger),
        .json(
            .PATCH, "api/v1/regions/:code/judicial-suggestions/:id",
            "/api/v1/regions/410423/judicial-suggestions/{suggestion}", courtOfLushan("O"),
            ["agencyID": "{zrzy}", "problem": "问题{who}", "suggestion": "建议"]),
        .json(
            .POST, "api/v1/regions/:code/judicial-suggestions/:id/sign",
            "/api/v1/regions/410423/judicial-suggestions/{suggestion}/sign", agencyOfTheSuggestion),
        .json(
            .POST, "api/v1/regions/:code/judicial-suggestions/:id/reply",
            "/api/v1/regions/410423/judicial-suggestions/{signedSuggestion}/reply", agencyOfTheSuggestion,
            ["measures": "已整改", "adoption": "full"]),
    ]
}
