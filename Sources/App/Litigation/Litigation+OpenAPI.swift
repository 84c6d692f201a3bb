import Foundation

extension APIDescription {
    /// The two endpoints other systems call (the import and the figures), and the cases behind the figures.
    static let litigation = APIDescription(
        operations: [
            .init(
                method: .POST, path: LitigationPath.API.caseImport, id: "importCases",
                summary: "导入行政诉讼案件（法院工作人员或其令牌）：按案号幂等，全部写入或全部不写",
                body: .files([
                    "text/csv": ["type": "string"],
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                        "type": "string", "format": "binary",
                    ],
                ]),
                responses: [
                    .json(200, "导入结果", CaseStore.Counts.self),
                    .importRefused,
                ], errors: [400, 401, 403, 413]),
            .init(
                method: .GET, path: LitigationPath.API.cases, id: "listCases",
                summary: "区划（含下级）的行政诉讼案件，按立案日期倒序，每页 50 件",
                parameters: [
                    region, .query("unit", UUID.apiSchema, "被告单位"), .query("state", CaseQueries.State.apiSchema),
                    .query("number", String.apiSchema, "案号中包含的文字"), .query("page", APISchemas.page, "页码；深翻页请用 after"),
                    .query(
                        "after", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$"],
                        "上一页返回的 next：从其后一件开始（键集分页，不能与 page 同用）"),
                ],
                responses: [.json(200, "案件列表", LitigationAPI.CasePage.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .GET, path: LitigationPath.API.adminCase, id: "getCase", summary: "案件及其各次开庭、负责人出庭情况",
                responses: [.json(200, "案件", LitigationAPI.CaseDTO.self)], errors: [400, 401, 403, 404]),
            .init(
                method: .GET, path: LitigationPath.API.figures, id: "litigationFigures",
                summary: "区划（含下级）在期间内的诉讼数据、上年同期与双下降",
                parameters: [
                    region, .query("from", day, required: true), .query("to", day, required: true),
                    .query("unit", UUID.apiSchema), .query("breakdown", LitigationQueries.Breakdown.apiSchema),
                ],
                responses: [.json(200, "诉讼数据", LitigationAPI.Answer.self)], errors: [400, 401, 403, 404, 422]),
        ],
        schemas: [
            .answer("CaseImportCounts", CaseStore.Counts.self),
            .answer("CaseImportRefusal", SpreadsheetImport.Refusal.self),
            .answer("LitigationFigures", LitigationAPI.FiguresDTO.self),
            .answer("CasePage", LitigationAPI.CasePage.self),
            .answer("AdminCase", LitigationAPI.CaseDTO.self),
            .answer("LitigationAnswer", LitigationAPI.Answer.self),
        ])

    private static let region = APIParameter.query("region", APISchemas.regionCode, required: true)
    private static let day: JSONValue = ["type": "string", "format": "date"]
}

extension CaseQueries.State: APIChoices {}
extension ActionType: APIChoices {}
extension LitigationQueries.Breakdown: APIChoices {}

extension LitigationAPI.FiguresDTO: APIFieldNotes {
    static var apiFields: [String: APIField] {
        let rate = APIField(description: "0–1；零个案件时为 null", alwaysSent: true, more: ["minimum": 0, "maximum": 1])
        return [
            "lossRate": rate, "appearanceRate": rate, "principalAppearanceRate": rate, "spokeRate": rate,
            "mediatedWithdrawalRate": rate,
        ]
    }
}

extension LitigationAPI.CasePage: APIFieldNotes {
    static var apiFields: [String: APIField] { ["next": .init(nullable: false)] }
}

extension LitigationAPI.Answer: APIFieldNotes {
    static var apiFields: [String: APIField] { ["breakdown": .init(nullable: false)] }
}
