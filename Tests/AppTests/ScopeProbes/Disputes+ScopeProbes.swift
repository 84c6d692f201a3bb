@testable import App

extension ScopeMatrixTests {
    /// 鲁山县's resolution centre: its office and its court staff; the province's and the city's offices are refused
    /// by the store (it is not their region's centre), 卫东区's does not see 鲁山县.
    static let centreOfLushan = "LFFFFFOOFFN"
    /// A step the office takes first: the court staff after it find it taken (409), which they reach only through
    /// the same checks of role and scope.
    static let centreStepOfLushan = "LFFFFFOCFFN"

    /// `Feature.disputes`' routes, each tried by every caller. The fixture's disputes wait at each step; the
    /// transferred and later ones are with 鲁山县自然资源局, whose liaison may answer (and finds it answered).
    static let disputesProbes: [Probe] = [
        .get("regions/:code/disputes", "/regions/410423/disputes", readLushanLedger),
        .form(
            .POST, "regions/:code/disputes", "/regions/410423/disputes", centreOfLushan,
            [
                ("source", "prefiling"), ("applicant", "申请人{who}"), ("agencyID", "{zrzy}"), ("actionType", "penalty"),
                ("claim", "请求撤销"),
            ]),
        .get("regions/:code/disputes.xlsx", "/regions/410423/disputes.xlsx", readLushanLedger),
        .get("regions/:code/disputes.csv", "/regions/410423/disputes.csv", readLushanLedger),
        .get("regions/:code/disputes/new", "/regions/410423/disputes/new", centreOfLushan),
        // A form without a file: refused as malformed for the centre, everyone else by role or scope first.
        .form(.POST, "regions/:code/disputes/import", "/regions/410423/disputes/import", "LFFFFFBBFFN"),
        .get("regions/:code/disputes/figures", "/regions/410423/disputes/figures", readLushanLedger),
        .form(
            .POST, "regions/:code/disputes/targets", "/regions/410423/disputes/targets", writeLushanRoster,
            [
                ("newCasesChange", "-15"), ("mediatedWithdrawalRate", "25"), ("resolutionRate", "60"),
                ("handlingDays", "8"),
            ]),
        .get("disputes/:id", "/disputes/{dispute}", readLushanLedger),
        .form(
            .POST, "disputes/:id", "/disputes/{dispute}", centreOfLushan,
            [
                ("source", "prefiling"), ("applicant", "申请人{who}"), ("agencyID", "{zrzy}"), ("actionType", "penalty"),
                ("claim", "请求撤销"),
            ]),
        .form(
            .POST, "disputes/:id/transfer", "/disputes/{dispute}/transfer", centreStepOfLushan, [("unitID", "{zrzy}")]),
        .form(
            .POST, "disputes/:id/assign", "/disputes/{transferredDispute}/assign", centreStepOfLushan,
            [("handler", "承办人{who}")]),
        .form(.POST, "disputes/:id/urge", "/disputes/{assignedDispute}/urge", centreOfLushan),
        .form(
            .POST, "disputes/:id/answer", "/disputes/{assignedDispute}/answer", "LFFFFFOCCFN", [("feedback", "已化解")]),
        .form(
            .POST, "disputes/:id/close", "/disputes/{answeredDispute}/close", centreStepOfLushan,
            [("outcome", "settled"), ("result", "双方和解")]),
        .form(
            .POST, "disputes/:id/participants", "/disputes/{dispute}/participants", centreOfLushan,
            [("role", "lawyer"), ("name", "律师{who}")]),
        .get("api/v1/regions/:code/disputes", "/api/v1/regions/410423/disputes", readLushanLedger),
        .json(
            .POST, "api/v1/regions/:code/disputes", "/api/v1/regions/410423/disputes", centreOfLushan,
            [
                "source": "prefiling", "applicant": "申请人{who}", "agencyID": "{zrzy}", "actionType": "penalty",
                "claim": "请求撤销",
            ]),
        .json(.POST, "api/v1/regions/:code/disputes/import", "/api/v1/regions/410423/disputes/import", "LFFFFFVVFFN"),
        .get("api/v1/regions/:code/disputes/figures", "/api/v1/regions/410423/disputes/figures", readLushanLedger),
        .get("api/v1/regions/:code/disputes/targets", "/api/v1/regions/410423/disputes/targets", readLushanLedger),
        .json(
            .PUT, "api/v1/regions/:code/disputes/targets", "/api/v1/regions/410423/disputes/targets", writeLushanRoster),
        .get("api/v1/regions/:code/disputes/:id", "/api/v1/regions/410423/disputes/{dispute}", readLushanLedger),
        .json(
            .PATCH, "api/v1/regions/:code/disputes/:id", "/api/v1/regions/410423/disputes/{dispute}", centreOfLushan,
            [
                "source": "prefiling", "applicant": "申请人{who}", "agencyID": "{zrzy}", "actionType": "penalty",
                "claim": "请求撤销",
            ]),
        .json(
            .POST, "api/v1/regions/:code/disputes/:id/transfer", "/api/v1/regions/410423/disputes/{dispute}/transfer",
            centreStepOfLushan, ["unitID": "{zrzy}"]),
        .json(
            .POST, "api/v1/regions/:code/disputes/:id/assign",
            "/api/v1/regions/410423/disputes/{transferredDispute}/assign", centreStepOfLushan, ["handler": "承办人{who}"]),
        .json(
            .POST, "api/v1/regions/:code/disputes/:id/urge", "/api/v1/regions/410423/disputes/{assignedDispute}/urge",
            centreOfLushan),
        .json(
            .POST, "api/v1/regions/:code/disputes/:id/answer",
            "/api/v1/regions/410423/disputes/{assignedDispute}/answer", "LFFFFFOCCFN", ["feedback": "已化解"]),
        .json(
            .POST, "api/v1/regions/:code/disputes/:id/close", "/api/v1/regions/410423/disputes/{answeredDispute}/close",
            centreStepOfLushan, ["outcome": "settled", "result": "双方和解"]),
        .json(
            .POST, "api/v1/regions/:code/disputes/:id/participants",
            "/api/v1/regions/410423/disputes/{dispute}/participants", centreOfLushan,
            ["role": "lawyer", "name": "律师{who}"]),
    ]
}
