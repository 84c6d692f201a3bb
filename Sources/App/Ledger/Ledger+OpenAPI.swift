import Foundation
import FuyuanCore

extension APIDescription {
    static let ledger = APIDescription(
        operations: [
            .init(
                method: .GET, path: LedgerPath.API.lists, id: "listLists", summary: "区划的清单（问题清单、责任清单）",
                responses: [.json(200, "清单", [LedgerDTO.List].self)], errors: [401, 403, 404]),
            .init(
                method: .POST, path: LedgerPath.API.lists, id: "createList", summary: "新建清单（本区划联席办）",
                body: .json(LedgerDTO.ListInput.self), responses: [.json(201, "已创建", LedgerDTO.List.self)],
                errors: [400, 401, 403, 404, 422]),
            .init(
                method: .GET, path: LedgerPath.API.items, id: "listItems", summary: "工作台账：筛选、关键词、分页（每页 25 项）",
                parameters: [
                    .query("list", UUID.apiSchema), .query("area", TaskArea.apiSchema), .query("unit", UUID.apiSchema),
                    .query("state", ItemState.apiSchema), .query("kind", Deadline.Kind.apiSchema),
                    .query("timeliness", Timeliness.apiSchema),
                    .query("attention", LedgerFilter.Attention.apiSchema), .query("q", String.apiSchema),
                    .query("page", APISchemas.page),
                ],
                responses: [.json(200, "事项", LedgerDTO.Page.self)], errors: [401, 403, 404, 422]),
            .init(
                method: .POST, path: LedgerPath.API.newItem, id: "createItem", summary: "新建事项（本区划联席办；issueNow 为真时同时交办）",
                body: .json(LedgerStore.ItemInput.self), responses: [.json(201, "已创建", LedgerDTO.Item.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .GET, path: LedgerPath.API.item, id: "getItem", summary: "事项，含办理单位与进展报告",
                pathNotes: itemID, responses: [.json(200, "事项", LedgerDTO.Item.self)], errors: [401, 403, 404]),
            .init(
                method: .PATCH, path: LedgerPath.API.item, id: "editItem",
                summary: "修改事项（本级联席办；已交办事项的完成时限不改；带 If-Match 时，他人已改则 412）",
                parameters: [.ifMatch(#"GET 答复中的 ETag，如 "3""#)], pathNotes: itemID,
                body: .json(LedgerDTO.ItemPatch.self), responses: [.json(200, "已修改", LedgerDTO.Item.self)],
                errors: [400, 401, 403, 404, 412, 422]),
            .init(
                method: .POST, path: LedgerPath.API.issue, id: "issueItem", summary: "交办", pathNotes: itemID,
                responses: [.json(200, "已交办", LedgerDTO.Item.self)], errors: [401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: LedgerPath.API.steps, id: "stepItem",
                summary: "办理流转：签收、申请销号、审核销号、退回、申请/确认无相关事项、中止、恢复", pathNotes: itemID,
                body: .json(LedgerDTO.Step.self), responses: [.json(200, "流转后", LedgerDTO.Item.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: LedgerPath.API.reports, id: "reportItem", summary: "报送进展（办理单位）", pathNotes: itemID,
                body: .json(LedgerDTO.ReportInput.self), responses: [.json(201, "已报送的进展", LedgerDTO.Report.self)],
                errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: LedgerPath.API.handDown, id: "handDownItem", summary: "下达至下级区划", pathNotes: itemID,
                body: .json(LedgerDTO.HandDown.self), responses: [.json(200, "下达数", LedgerDTO.HandedDown.self)],
                errors: [400, 401, 403, 404, 422]),
            .init(
                method: .GET, path: LedgerPath.API.rollUp, id: "rollUpItem", summary: "下级办理情况汇总", pathNotes: itemID,
                responses: [.json(200, "汇总", LedgerDTO.RollUp.self)], errors: [401, 403, 404]),
        ],
        schemas: [
            .answer("WorkList", LedgerDTO.List.self), .input("WorkListInput", LedgerDTO.ListInput.self),
            .answer("Part", LedgerDTO.Part.self), .answer("Report", LedgerDTO.Report.self),
            .answer("Item", LedgerDTO.Item.self), .input("ItemPatch", LedgerDTO.ItemPatch.self),
            .answer("ItemPage", LedgerDTO.Page.self), .input("ItemInput", LedgerStore.ItemInput.self),
            .input("Step", LedgerDTO.Step.self), .input("ReportInput", LedgerDTO.ReportInput.self),
            .input("HandDown", LedgerDTO.HandDown.self), .answer("RollUp", LedgerDTO.RollUp.self),
        ])

    private static let itemID = ["id": "事项 id"]
}

extension ListKind: APIChoices {}
extension TaskArea: APIChoices {}
extension ItemState: APIChoices {}
extension UnitState: APIChoices {}
extension PartRole: APIChoices {}
extension WorkflowAction: APIChoices {}
extension Deadline.Kind: APIChoices {}
extension LedgerFilter.Attention: APIChoices {}

extension Timeliness: APIChoices {
    static var apiChoices: [Timeliness] { [.none, .onTime, .dueSoon, .overdue] }
    static var apiNote: String? { "overdue 红、dueSoon 黄、onTime 绿：按今天推算，不存储" }
}

extension LedgerDTO.Part: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["nextDueOn": .init(format: "date"), "extendedTo": .init(format: "date")]
    }
}

extension LedgerDTO.Item: APIFieldNotes {
    static var apiFields: [String: APIField] { ["version": .init(description: "亦为 ETag；修改时以 If-Match 回传")] }
}

extension LedgerDTO.ItemPatch: APIFieldNotes {
    static var apiFields: [String: APIField] { ["deadline": .init(description: "仅草稿可改，如 2021年10月31日、2023年12月、长期坚持")] }
}

extension LedgerStore.ItemInput: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["deadline": .init(description: "如 2021年10月31日、2023年12月、长期坚持、持续推进、每季度、适时")]
    }
}

extension LedgerDTO.ReportInput: APIFieldNotes {
    static var apiFields: [String: APIField] { ["period": .init(description: "定期报送事项的期次，如 2024-Q1")] }
}
