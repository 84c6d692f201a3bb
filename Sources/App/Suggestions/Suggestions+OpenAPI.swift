import Foundation
import FuyuanCore

extension APIDescription {
    static let suggestions = APIDescription(
        operations: [
            .init(
                method: .GET, path: SuggestionsPath.API.list, id: "listJudicialSuggestions",
                summary: "区划（含下级）的司法建议，每页 50 件",
                parameters: [
                    .query("agency", UUID.apiSchema, "被建议单位"), .query("state", SuggestionQueries.State.apiSchema),
                    .query("q", String.apiSchema, "文号、案号、问题或建议中包含的文字"),
                    .query("order", SuggestionQueries.Order.apiSchema, "issued：发出日期倒序（默认）；due：回复期限正序"),
                    .query(
                        "after", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$"], "上一页返回的 next：从其后一件开始（键集分页）"),
                ],
                responses: [.json(200, "司法建议列表", SuggestionsAPI.Page.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: SuggestionsPath.API.list, id: "issueJudicialSuggestion",
                summary: "发出司法建议（本区划法院工作人员）；回复期限默认发出后 60 日", body: .json(SuggestionStore.Input.self),
                responses: [.json(201, "已发出", SuggestionsAPI.SuggestionDTO.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .GET, path: SuggestionsPath.API.figures, id: "judicialSuggestionFigures",
                summary: "期间内发出的司法建议：发出、应回复、回复、按期回复、采纳、逾期未回复，按单位和下级区划",
                parameters: [.query("from", day, "默认本年 1 月 1 日"), .query("to", day, "默认今天")],
                responses: [.json(200, "统计", SuggestionsAPI.FiguresDTO.self)], errors: [401, 403, 404, 422]),
            .init(
                method: .GET, path: SuggestionsPath.API.suggestion, id: "getJudicialSuggestion",
                summary: "司法建议及其签收、回复", pathNotes: ["id": "司法建议 id"],
                responses: [.json(200, "司法建议", SuggestionsAPI.SuggestionDTO.self)], errors: [400, 401, 403, 404]),
            .init(
                method: .PATCH, path: SuggestionsPath.API.suggestion, id: "updateJudicialSuggestion",
                summary: "修改司法建议（本区划法院工作人员，回复前）", pathNotes: ["id": "司法建议 id"],
                body: .json(SuggestionStore.Input.self),
                responses: [.json(200, "已保存", SuggestionsAPI.SuggestionDTO.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: SuggestionsPath.API.sign, id: "signJudicialSuggestion", summary: "签收（被建议单位）",
                pathNotes: ["id": "司法建议 id"],
                responses: [.json(200, "已签收", SuggestionsAPI.SuggestionDTO.self)], errors: [400, 401, 403, 404, 409]),
            .init(
                method: .POST, path: SuggestionsPath.API.reply, id: "replyJudicialSuggestion",
                summary: "书面回复（被建议单位，签收后）：采取的措施、采纳情况，部分采纳或未采纳须说明理由", pathNotes: ["id": "司法建议 id"],
                body: .json(SuggestionStore.Reply.self),
                responses: [.json(200, "已回复", SuggestionsAPI.SuggestionDTO.self)],
                errors: [400, 401, 403, 404, 409, 422]),
        ],
        schemas: [
            .answer("JudicialSuggestionPage", SuggestionsAPI.Page.self),
            .answer("JudicialSuggestion", SuggestionsAPI.SuggestionDTO.self),
            .answer("JudicialSuggestionFigures", SuggestionsAPI.FiguresDTO.self),
            .input("JudicialSuggestionInput", SuggestionStore.Input.self),
            .input("JudicialSuggestionReply", SuggestionStore.Reply.self),
        ])

    private static let day: JSONValue = ["type": "string", "format": "date"]
}

extension SuggestionQueries.State: APIChoices {}
extension SuggestionQueries.Order: APIChoices {}
extension SuggestionState: APIChoices {}
extension Adoption: APIChoices {}

extension SuggestionStore.Input: APIFieldNotes {
    static var apiFields: [String: APIField] {
        [
            "issuedOn": .init(format: "date"), "replyDue": .init(format: "date"),
            "caseNumber": .init(description: "发现问题的案件，如（2025）豫0423行初15号"),
        ]
    }
}

extension SuggestionsAPI.FiguresDTO.Counts: APIFieldNotes {
    static var apiFields: [String: APIField] {
        let rate = APIField(description: "0–1；分母为零时为 null", alwaysSent: true, more: ["minimum": 0, "maximum": 1])
        return ["replyRate": rate, "onTimeRate": rate, "adoptionRate": rate]
    }
}

extension SuggestionsAPI.Page: APIFieldNotes {
    static var apiFields: [String: APIField] { ["next": .init(nullable: false)] }
}
