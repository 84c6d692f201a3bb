import Foundation
import FuyuanCore

extension APIDescription {
    static let disputes = APIDescription(
        operations: [
            .init(
                method: .GET, path: DisputesPath.API.list, id: "listDisputes", summary: "区划（含下级）的行政争议，每页 50 件",
                parameters: [
                    .query("source", DisputeSource.apiSchema), .query("agency", UUID.apiSchema, "被申请行政机关"),
                    .query("handling", UUID.apiSchema, "承办单位"),
                    .query("outcome", DisputeOutcome.apiSchema), .query("state", DisputeQueries.State.apiSchema),
                    .query("q", String.apiSchema, "登记编号、申请人、争议事项或案号中包含的文字"),
                    .query("order", DisputeQueries.Order.apiSchema, "registered：登记日期倒序（默认）；due：当前环节期限正序（仅未办结）"),
                    .query(
                        "after", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$"], "上一页返回的 next：从其后一件开始（键集分页）"),
                ],
                responses: [.json(200, "行政争议列表", DisputesAPI.Page.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: DisputesPath.API.list, id: "registerDispute",
                summary: "登记行政争议（本区划法院工作人员或联席办）", body: .json(DisputeStore.Input.self),
                responses: [.json(201, "已登记", DisputesAPI.DisputeDTO.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: DisputesPath.API.importFile, id: "importDisputes",
                summary: "从 .xlsx 或 .csv 导入行政争议（列同导出文件）：全部导入或全部不导入", body: .spreadsheet,
                responses: [
                    .json(200, "导入结果", DisputeImport.Counts.self),
                    .importRefused,
                ], errors: [400, 401, 403, 404, 413]),
            .init(
                method: .GET, path: DisputesPath.API.figures, id: "disputeFigures",
                summary: "期间内登记的行政争议：登记、办结、化解、化解率、调解后撤诉、平均办结天数、同比，及行政诉讼新收案件同比和调解撤诉率，按下级区划",
                parameters: [.query("from", day, "默认本年 1 月 1 日"), .query("to", day, "默认今天")],
                responses: [.json(200, "统计", DisputesAPI.FiguresDTO.self)], errors: [401, 403, 404, 422]),
            .init(
                method: .GET, path: DisputesPath.API.targets, id: "getDisputeTargets",
                summary: "区划的行政争议化解目标（未设定的沿用上级区划）",
                responses: [.json(200, "目标", DisputesAPI.TargetsDTO.self)], errors: [401, 403, 404]),
            .init(
                method: .PUT, path: DisputesPath.API.targets, id: "setDisputeTargets", summary: "设定本区划目标（本区划联席办）",
                body: .json(DisputeTargets.self), responses: [.json(200, "已保存", DisputesAPI.TargetsDTO.self)],
                errors: [400, 401, 403, 404, 422]),
            .init(
                method: .GET, path: DisputesPath.API.dispute, id: "getDispute", summary: "行政争议及其参与方、办理过程",
                pathNotes: ["id": "行政争议 id"],
                responses: [.json(200, "行政争议", DisputesAPI.DisputeDTO.self)], errors: [400, 401, 403, 404]),
            .init(
                method: .PATCH, path: DisputesPath.API.dispute, id: "updateDispute", summary: "修改登记（化解中心，办结前）",
                pathNotes: ["id": "行政争议 id"], body: .json(DisputeStore.Input.self),
                responses: [.json(200, "已保存", DisputesAPI.DisputeDTO.self)], errors: [400, 401, 403, 404, 409, 422]),
        ] + DisputeStep.allCases.map(\.operation),
        schemas: [
            .answer("DisputePage", DisputesAPI.Page.self), .answer("Dispute", DisputesAPI.DisputeDTO.self),
            .answer("DisputeFigures", DisputesAPI.FiguresDTO.self),
            .answer("DisputeImportCounts", DisputeImport.Counts.self),
            .input("DisputeInput", DisputeStore.Input.self), .input("DisputeTransfer", DisputeStore.Transfer.self),
            .input("DisputeAssignment", DisputeStore.Assignment.self),
            .input("DisputeAnswer", DisputeStore.Answer.self),
            .input("DisputeClosing", DisputeStore.Closing.self),
            .input("DisputeParticipant", DisputeStore.Participant.self),
            .input("DisputeTargetsInput", DisputeTargets.self), .answer("DisputeTargets", DisputesAPI.TargetsDTO.self),
        ])

    private static let day: JSONValue = ["type": "string", "format": "date"]
}

extension DisputeStep {
    /// The step's operation in the OpenAPI document.
    fileprivate var operation: APIOperation {
        let (summary, body): (String, APIBody?) =
            switch self {
            case .transfer: ("移送承办单位（行政机关或调解组织）", .json(DisputeStore.Transfer.self))
            case .assign: ("交办承办人，办理期限默认为区划目标中的工作日数", .json(DisputeStore.Assignment.self))
            case .urge: ("催办（已交办、未反馈）", nil)
            case .answer: ("反馈化解情况（承办单位或化解中心）", .json(DisputeStore.Answer.self))
            case .close: ("办结：化解结果；调解后撤诉须填写案号，按案号关联行政诉讼案件", .json(DisputeStore.Closing.self))
            case .participants: ("增加 2+N 参与方（办结前）", .json(DisputeStore.Participant.self))
            }
        return .init(
            method: .POST, path: api, id: "dispute" + rawValue.prefix(1).uppercased() + rawValue.dropFirst(),
            summary: summary, pathNotes: ["id": "行政争议 id"], body: body,
            responses: [.json(200, "已办理", DisputesAPI.DisputeDTO.self)],
            errors: body == nil ? [400, 401, 403, 404, 409] : [400, 401, 403, 404, 409, 422])
    }
}

extension DisputeSource: APIChoices {}
extension DisputeState: APIChoices {}
extension DisputeOutcome: APIChoices {}
extension ParticipantRole: APIChoices {}
extension DisputeQueries.State: APIChoices {}
extension DisputeQueries.Order: APIChoices {}

extension DisputeStore.Input: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["registeredOn": .init(format: "date"), "caseNumber": .init(description: "诉中化解的行政诉讼案号，如（2025）豫0423行初15号")]
    }
}

extension DisputeStore.Assignment: APIFieldNotes {
    static var apiFields: [String: APIField] { ["deadline": .init(format: "date")] }
}

extension DisputesAPI.FiguresDTO.Line: APIFieldNotes {
    static var apiFields: [String: APIField] {
        let rate = APIField(description: "0–1；分母为零时为 null", alwaysSent: true, more: ["minimum": 0, "maximum": 1])
        let change = APIField(description: "同比变化（-0.2 为减少 20%）；上年同期为零时为 null", alwaysSent: true)
        return [
            "resolutionRate": rate, "mediatedWithdrawalRate": rate, "registeredChange": change,
            "newCasesChange": change,
            "averageDays": .init(description: "平均办结天数；无办结时为 null", alwaysSent: true),
        ]
    }
}

extension DisputesAPI.Page: APIFieldNotes {
    static var apiFields: [String: APIField] { ["next": .init(nullable: false)] }
}
