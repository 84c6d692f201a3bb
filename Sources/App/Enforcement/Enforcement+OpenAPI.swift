import Foundation
import FuyuanCore

extension APIDescription {
    static let enforcement = APIDescription(
        operations: [
            .init(
                method: .GET, path: EnforcementPath.API.cases, id: "listEnforcementCases",
                summary: "区划（含下级）的涉党政机关执行案件，按立案日期倒序，每页 50 件；金额单位为分",
                parameters: [
                    .query("organ", UUID.apiSchema, "被执行单位"), .query("state", EnforcementState.apiSchema),
                    .query("campaign", UUID.apiSchema, "专项清理"), .query("q", String.apiSchema, "案号或执行依据中包含的文字"),
                    .query(
                        "after", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$"], "上一页返回的 next：从其后一件开始（键集分页）"),
                ],
                responses: [.json(200, "执行案件列表", EnforcementAPI.Page.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: EnforcementPath.API.cases, id: "createEnforcementCase",
                summary: "登记执行案件（本区划法院工作人员）；标的金额以分为单位", body: .json(EnforcementStore.Input.self),
                responses: [.json(201, "已登记", EnforcementAPI.CaseDTO.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: EnforcementPath.API.importFile, id: "importEnforcementCases",
                summary: "导入执行案件（本区划法院工作人员）：列同导出文件，金额以元为单位；全部写入或全部不写，已登记且相同的案件不变",
                body: .spreadsheet,
                responses: [
                    .json(200, "导入结果", EnforcementImport.Counts.self),
                    .importRefused,
                ], errors: [400, 401, 403, 404, 413]),
            .init(
                method: .GET, path: EnforcementPath.API.figures, id: "enforcementFigures",
                summary: "区划（含下级）的执行案件与金额：按被执行单位、下级区划和专项清理",
                responses: [.json(200, "统计", EnforcementAPI.FiguresDTO.self)], errors: [401, 403, 404, 422]),
            .init(
                method: .GET, path: EnforcementPath.API.item, id: "getEnforcementCase", summary: "执行案件及其履行记录",
                pathNotes: ["id": "执行案件 id"],
                responses: [.json(200, "执行案件", EnforcementAPI.CaseDTO.self)], errors: [400, 401, 403, 404]),
            .init(
                method: .PATCH, path: EnforcementPath.API.item, id: "updateEnforcementCase",
                summary: "修改执行案件（本区划法院工作人员）；标的金额不能少于已履行", pathNotes: ["id": "执行案件 id"],
                body: .json(EnforcementStore.Input.self),
                responses: [.json(200, "已保存", EnforcementAPI.CaseDTO.self)], errors: [400, 401, 403, 404, 422]),
            .init(
                method: .POST, path: EnforcementPath.API.payments, id: "recordEnforcementPayment",
                summary: "登记履行（金额以分为单位，不超过未履行金额；履行行为的案件 method 为 act）", pathNotes: ["id": "执行案件 id"],
                body: .json(EnforcementStore.Payment.self),
                responses: [.json(200, "已登记", EnforcementAPI.CaseDTO.self)],
                errors: [400, 401, 403, 404, 409, 422]),
            .init(
                method: .POST, path: EnforcementPath.API.end, id: "endEnforcementCase",
                summary: "终结本次执行（terminated）或和解（settled），须说明情况", pathNotes: ["id": "执行案件 id"],
                body: .json(EnforcementStore.Ending.self),
                responses: [.json(200, "已结案", EnforcementAPI.CaseDTO.self)], errors: [400, 401, 403, 404, 409, 422]),
        ],
        schemas: [
            .answer("EnforcementCasePage", EnforcementAPI.Page.self),
            .answer("EnforcementCase", EnforcementAPI.CaseDTO.self),
            .answer("EnforcementFigures", EnforcementAPI.FiguresDTO.self),
            .answer("EnforcementImportCounts", EnforcementImport.Counts.self),
            .input("EnforcementCaseInput", EnforcementStore.Input.self),
            .input("EnforcementPayment", EnforcementStore.Payment.self),
            .input("EnforcementEnding", EnforcementStore.Ending.self),
        ])
}

extension EnforcementState: APIChoices {}
extension Obligation: APIChoices {}
extension PaymentMethod: APIChoices {}

extension EnforcementStore.Input: APIFieldNotes {
    static var apiFields: [String: APIField] {
        [
            "filedOn": .init(format: "date"), "owedFen": .init(description: "标的金额（分），给付金钱的必填"),
            "caseNumber": .init(description: "如（2023）豫0423执120号"),
        ]
    }
}

extension EnforcementStore.Payment: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["paidOn": .init(format: "date"), "amountFen": .init(description: "金额（分）；履行行为的留空")]
    }
}

extension EnforcementAPI.Page: APIFieldNotes {
    static var apiFields: [String: APIField] { ["next": .init(nullable: false)] }
}
