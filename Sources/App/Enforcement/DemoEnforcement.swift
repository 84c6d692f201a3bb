import Fluent
import Foundation
import FuyuanCore

/// Seed 000: 鲁山县's clean-up of judgments against organs, with （2022）豫04民终729号 paid 125072.39 元 by the city's
/// treasury into the court's account, and two cases still open past the campaign's day; seed 001: 安阳市's 112 cases
/// against organs cleared with 9915.02 万元 paid. The open cases and the spread of 安阳市's total over its cases are
/// made up; the totals are the seeds'.
enum DemoEnforcement {
    static let anyangCases = 112
    /// 9915.02 万元 in fen.
    static let anyangPaidFen: Int64 = 9_915_020_000

    static func load(_ context: DemoLoader.Context) async throws {
        let today = CalendarDay(containing: context.now)
        let lushan = try context.region("410423")
        let campaign = try await makeCampaign(
            "涉鲁山县党政机关未履行生效判决问题专项清理", region: lushan, target: today.adding(days: -6), on: context.db)
        let court = "鲁山县人民法院"
        let clerk = "鲁山县法院书记员（演示）"
        try await add(
            "（2022）豫04民终729号", court: court, organ: try context.unit("平顶山市昭平台水库管理局"), region: lushan,
            basis: "（2022）豫04民终729号民事判决", owedFen: 12_507_239, filedOn: "2023-03-01", campaign: campaign,
            payments: [("2023-07-20", 12_507_239, .transferred, "平顶山市财政拨付至鲁山县人民法院执行款专户")], by: clerk,
            on: context.db)
        try await add(
            "（2024）豫0423执321号", court: court, organ: try context.unit("鲁山县住房和城乡建设局"), region: lushan,
            basis: "（2023）豫0423行初57号行政判决", owedFen: 38_600_000, filedOn: "2024-05-08", campaign: campaign,
            payments: [("2025-01-15", 15_000_000, .budgeted, "列入 2025 年县级财政预算，分期支付")], by: clerk, on: context.db)
        try await add(
            "（2025）豫0423执88号", court: court, organ: try context.unit("张官营镇人民政府"), region: lushan,
            basis: "（2024）豫0423行初19号行政判决", act: "恢复原告承包地原状", filedOn: "2025-02-17", campaign: campaign,
            payments: [], by: clerk, on: context.db)

        let anyang = try context.region("410500")
        let cleanUp = try await makeCampaign(
            "安阳市涉党政机关执行案件专项清理", region: anyang, target: try DemoLoader.day("2024-06-30"), on: context.db)
        let organs = try ["安阳市人民政府办公室", "安阳市公安局", "安阳市税务局", "安阳市市场监督管理局", "安阳市住房和城乡建设局", "安阳市司法局"]
            .map(context.unit)
        let weights = (0..<anyangCases).map { Int64(($0 * 37) % 150 + 20) }
        let sum = weights.reduce(0, +)
        var amounts = weights.map { anyangPaidFen * $0 / sum }
        amounts[anyangCases - 1] += anyangPaidFen - amounts.reduce(0, +)
        let methods: [PaymentMethod] = [.budgeted, .transferred, .reconciled]
        for (index, amount) in amounts.enumerated() {
            let filed = try DemoLoader.day("2023-01-05").adding(days: index * 3)
            try await add(
                "（2023）豫05执\(101 + index)号", court: "安阳市中级人民法院", organ: organs[index % organs.count], region: anyang,
                basis: "", owedFen: amount, filedOn: filed.description, campaign: cleanUp,
                payments: [(filed.adding(days: 60).description, amount, methods[index % methods.count], "")],
                by: "安阳市中级人民法院（演示）", on: context.db)
        }
    }

    private static func makeCampaign(_ name: String, region: Region, target: CalendarDay, on db: any Database)
        async throws -> EnforcementCampaign
    {
        let campaign = EnforcementCampaign()
        campaign.$region.id = try region.requireID()
        campaign.name = name
        campaign.targetOn = target.description
        try await campaign.create(on: db)
        return campaign
    }

    private static func add(
        _ number: String, court: String, organ: Unit, region: Region, basis: String, owedFen: Int64 = 0,
        act: String = "", filedOn: String, campaign: EnforcementCampaign,
        payments: [(String, Int64, PaymentMethod, String)], by clerk: String, on db: any Database
    ) async throws {
        let item = EnforcementCase()
        item.caseNumber = try CaseNumber(parsing: number).description
        item.court = court
        item.$organ.id = try organ.requireID()
        item.$region.id = try region.requireID()
        item.$campaign.id = try campaign.requireID()
        item.basis = basis
        item.obligation = act.isEmpty ? .money : .act
        item.owedFen = owedFen
        item.act = act
        item.filedOn = filedOn
        item.note = ""
        item.paidFen = payments.reduce(0) { $0 + $1.1 }
        item.state = act.isEmpty ? EnforcementCaseState.state(owedFen: owedFen, paidFen: item.paidFen) : .unperformed
        try await item.create(on: db)
        for (day, amount, method, note) in payments {
            let payment = EnforcementPayment()
            payment.$enforcementCase.id = try item.requireID()
            payment.paidOn = day
            payment.amountFen = amount
            payment.method = method
            payment.note = note
            payment.recordedBy = clerk
            try await payment.create(on: db)
        }
    }
}
