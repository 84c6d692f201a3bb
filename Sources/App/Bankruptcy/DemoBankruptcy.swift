import Fluent
import Foundation
import FuyuanCore

/// 卫东区's court coordinates two bankruptcies with the district's departments (seed 003 names the joint meeting's
/// members; seed 004 items 11–13 the kinds of help a bankruptcy needs): a reorganisation under way whose staff
/// placement is in progress, tax relief closed and real-estate disposal late; and last year's liquidation,
/// concluded once the business was deregistered and its tax credit repaired. The enterprises are made up.
enum DemoBankruptcy {
    struct MatterSpec {
        let kind: BankruptcyMatterKind
        let unit: String
        let content: String
        let issuedAfter: Int
        let deadline: CalendarDay
        let state: UnitState
        let report: String?
    }

    static func load(_ context: DemoLoader.Context) async throws {
        let region = try context.region("410403")
        let court = try context.unit("卫东区人民法院")
        let today = CalendarDay(containing: context.now)
        let list = WorkList(
            regionID: try region.requireID(), kind: .bankruptcy, title: BankruptcyStore.listTitle,
            source: BankruptcyStore.listSource)
        try await list.create(on: context.db)
        var number = 0

        func enter(
            _ caseNumber: String, debtor: String, procedure: BankruptcyProcedure, stage: BankruptcyStage,
            accepted: CalendarDay, concluded: CalendarDay?, matters: [MatterSpec]
        ) async throws {
            let item = BankruptcyCase()
            item.$region.id = try region.requireID()
            item.$court.id = try court.requireID()
            (item.caseNumber, item.debtor, item.procedure, item.stage) = (caseNumber, debtor, procedure, stage)
            (item.judge, item.administrator) = ("民事审判第二庭 刘某（演示）", "河南某律师事务所（演示）")
            item.acceptedOn = accepted.description
            item.claimsDueOn = accepted.adding(days: 45).description
            item.firstMeetingOn = accepted.adding(days: 60).description
            item.concludedOn = concluded?.description
            try await item.create(on: context.db)
            for spec in matters {
                number += 1
                let (title, content) = BankruptcyStore.wording(of: spec.kind, in: item, content: spec.content)
                let ledgerItem = try WorkItem(
                    list: list, number: number, title: title, content: content, area: .bankruptcy,
                    deadline: .date(spec.deadline))
                try await DemoLedger.answer(
                    ledgerItem, context: context, issued: accepted.adding(days: spec.issuedAfter).description,
                    units: [spec.unit], state: spec.state, report: spec.report)
                let matter = BankruptcyMatter()
                matter.$bankruptcyCase.id = try item.requireID()
                matter.$item.id = try ledgerItem.requireID()
                matter.kind = spec.kind
                try await matter.create(on: context.db)
            }
        }

        let lastYear = today.adding(days: -400)
        try await enter(
            "（\(lastYear.year)）豫0403破1号", debtor: "平顶山市卫东区某商贸有限公司", procedure: .liquidation, stage: .concluded,
            accepted: lastYear, concluded: lastYear.adding(days: 210),
            matters: [
                MatterSpec(
                    kind: .deregistration, unit: "卫东区市场监管局", content: "破产程序终结后办理企业注销登记", issuedAfter: 150,
                    deadline: lastYear.adding(days: 200), state: .closed, report: "（演示）已依法院终结裁定办理简易注销。"),
                MatterSpec(
                    kind: .creditRepair, unit: "卫东区税务局", content: "修复纳税信用，解除非正常户认定", issuedAfter: 150,
                    deadline: lastYear.adding(days: 200), state: .closed, report: "（演示）已解除非正常户认定并修复纳税信用。"),
            ])
        let accepted = today.adding(days: -160)
        try await enter(
            "（\(accepted.year)）豫0403破\(accepted.year == lastYear.year ? 2 : 1)号", debtor: "平顶山市卫东区某机械制造有限公司",
            procedure: .reorganization, stage: .meeting, accepted: accepted, concluded: nil,
            matters: [
                MatterSpec(
                    kind: .staff, unit: "卫东区人力资源和社会保障局", content: "协调安置在册职工 126 人，核定欠缴社会保险费",
                    issuedAfter: 20, deadline: today.adding(days: 20), state: .inProgress,
                    report: "（演示）已摸清在册职工 126 人，拟定分流安置方案。"),
                MatterSpec(
                    kind: .taxRelief, unit: "卫东区税务局", content: "重整期间房产税、城镇土地使用税困难减免", issuedAfter: 20,
                    deadline: accepted.adding(days: 80), state: .closed, report: "（演示）已依申请核准减免。"),
                MatterSpec(
                    kind: .realEstate, unit: "卫东自然资源和规划分局", content: "厂区土地、房产分割办证，便于整体处置", issuedAfter: 40,
                    deadline: today.adding(days: -5), state: .inProgress, report: "（演示）已完成测绘，分割方案待审批。"),
            ])
    }
}
