import Foundation
import FuyuanCore

extension APIDescription {
    static let bankruptcy = APIDescription(
        operations: [
            .init(
                method: .GET, path: BankruptcyPath.API.cases, id: "listBankruptcyCases",
                summary: "区划（含下级）的破产案件，按受理日期倒序，每页 50 件；含协调事项数、未办结数和最紧的提示",
                parameters: [
                    .query("procedure", BankruptcyProcedure.apiSchema),
                    .query("progress", BankruptcyQueries.Progress.apiSchema, "open：办理中；late：有逾期事项；concluded：已终结"),
                    .query("q", String.apiSchema, "案号、债务人或管理人中包含的文字"),
                    .query(
                        "after", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$"], "上一页返回的 next：从其后一件开始（键集分页）"),
                ],
                responses: [.json(200, "破产案件列表", BankruptcyAPI.Page.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: BankruptcyPath.API.cases, id: "createBankruptcyCase",
                summary: "登记破产案件（本区划法院工作人员），阶段为已受理", body: .json(BankruptcyStore.Input.self),
                responses: [.json(201, "已登记", BankruptcyAPI.CaseDTO.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .GET, path: BankruptcyPath.API.item, id: "getBankruptcyCase",
                summary: "破产案件及其协调事项（各事项为台账事项，itemID 即台账事项 id）", pathNotes: ["id": "破产案件 id"],
                responses: [.json(200, "破产案件", BankruptcyAPI.CaseDTO.self)], errors: [400, 401, 403, 404]),
            .init(
                method: .PATCH, path: BankruptcyPath.API.item, id: "updateBankruptcyCase",
                summary: "修改破产案件、推进程序阶段（本区划法院工作人员）；已终结的不能修改，终结请用 conclude",
                pathNotes: ["id": "破产案件 id"], body: .json(BankruptcyStore.Input.self),
                responses: [.json(200, "已保存", BankruptcyAPI.CaseDTO.self)], errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: BankruptcyPath.API.matters, id: "addBankruptcyMatter",
                summary: "列出需政府协调的事项并交办责任单位：成为本区划破产协调事项清单中的台账事项，由责任单位签收、报送、申请销号",
                pathNotes: ["id": "破产案件 id"], body: .json(BankruptcyStore.MatterInput.self),
                responses: [.json(201, "已列出并交办", BankruptcyAPI.CaseDTO.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: BankruptcyPath.API.conclude, id: "concludeBankruptcyCase",
                summary: "终结破产程序：各协调事项须已销号或确认不适用", pathNotes: ["id": "破产案件 id"],
                body: .json(BankruptcyStore.Conclusion.self),
                responses: [.json(200, "已终结", BankruptcyAPI.CaseDTO.self)], errors: [400, 401, 403, 404, 409, 422]),
        ],
        schemas: [
            .answer("BankruptcyCasePage", BankruptcyAPI.Page.self),
            .answer("BankruptcyCase", BankruptcyAPI.CaseDTO.self),
            .input("BankruptcyCaseInput", BankruptcyStore.Input.self),
            .input("BankruptcyMatterInput", BankruptcyStore.MatterInput.self),
            .input("BankruptcyConclusion", BankruptcyStore.Conclusion.self),
        ])
}

extension BankruptcyProcedure: APIChoices {}
extension BankruptcyStage: APIChoices {}
extension BankruptcyMatterKind: APIChoices {}
extension BankruptcyQueries.Progress: APIChoices {}

extension BankruptcyStore.Input: APIFieldNotes {
    static var apiFields: [String: APIField] {
        [
            "acceptedOn": .init(format: "date"), "claimsDueOn": .init(format: "date"),
            "firstMeetingOn": .init(format: "date"), "caseNumber": .init(description: "如（2024）豫0403破1号"),
            "stage": .init(description: "修改时推进程序阶段；不能为 concluded"),
        ]
    }
}

extension BankruptcyStore.MatterInput: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["deadline": .init(format: "date"), "unitID": .init(description: "本区划的政府部门或单位（非法院、检察院）")]
    }
}

extension BankruptcyStore.Conclusion: APIFieldNotes {
    static var apiFields: [String: APIField] { ["concludedOn": .init(format: "date")] }
}

extension BankruptcyAPI.Page: APIFieldNotes {
    static var apiFields: [String: APIField] { ["next": .init(nullable: false)] }
}
