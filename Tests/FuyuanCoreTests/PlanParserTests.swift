import Foundation
import Testing

@testable import FuyuanCore

/// The seeds' plans, read as an office would upload them, against the units the demo gives their regions.
struct PlanParserTests {
    static func seed(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Documents/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static let fangcheng = RegionUnits(
        [
            ("方城县人民政府办公室", UnitKind.governmentOffice), ("方城县人民法院", .court), ("方城县人民检察院", .procuratorate),
            ("方城县司法局", .department), ("方城县公安局", .publicSecurity), ("方城县金融工作办公室", .department),
            ("中国人民银行方城县支行", .other), ("方城银保监组", .other), ("方城县科技和工业信息化局", .department),
            ("方城县工商业联合会", .other), ("方城县产业集聚区管理委员会", .other), ("方城县市场监督管理局", .department),
            ("方城县文化广电和旅游局", .department), ("方城县税务局", .department), ("方城县信访局", .department),
            ("方城县平安建设办公室", .other), ("方城县发展和改革委员会", .department), ("方城县生态环境局", .department),
            ("方城县水利局", .department), ("方城县自然资源局", .department), ("方城县农业农村局", .department),
            ("方城县住房和城乡建设局", .department), ("方城县人民政府新闻办公室", .department), ("方城县林业局", .department),
            ("方城县总工会", .other), ("方城县人力资源和社会保障局", .department), ("方城县财政局", .department),
            ("方城县政务服务和大数据管理局", .department), ("方城县民政局", .department),
        ].map { RegionUnits.Unit(name: $0.0, kind: $0.1) }, regionName: "方城县")

    static let ruzhou = RegionUnits(
        [("汝州市人民政府办公室", UnitKind.governmentOffice), ("汝州市司法局", .department), ("汝州市人民法院", .court)].map {
            RegionUnits.Unit(name: $0.0, kind: $0.1)
        }, regionName: "汝州市")

    /// One line per item: number, units by role with the region's name left out, and the deadline as the ledger
    /// reads it.
    static func summary(_ item: PlanDraft.Item, region: String) -> String {
        func names(_ units: [String]) -> String {
            units.map { $0.hasPrefix(region) ? String($0.dropFirst(region.count)) : $0 }.joined(separator: "、")
        }
        return "\(item.number) 牵头:\(names(item.lead)) 责任:\(names(item.responsible)) 配合:\(names(item.cooperating)) "
            + "时限:\(item.deadline?.label ?? "？" + item.deadlineText)"
    }

    static func parse(_ text: String, units: RegionUnits = fangcheng) -> PlanDraft {
        PlanParser.parse(DocumentLines(text: text), units: units)
    }

    @Test func ruzhouWorkPlanGivesItsSeventeenMeasures() throws {
        let draft = Self.parse(try Self.seed("seed-002-ruzhou-plan.txt"), units: Self.ruzhou)
        #expect(
            draft.header
                == PlanDraft.Header(
                    number: "汝府院联席办〔2022〕4号", date: CalendarDay(year: 2022, month: 11, day: 24),
                    issuers: ["汝州市府院联动联席会议办公室"], title: "解决行政机关败诉率高、行政争议实质化解效果不佳问题工作方案"))
        #expect(
            draft.items.map { Self.summary($0, region: "汝州市") } == [
                "（一） 牵头: 责任:人民政府办公室 配合: 时限:2023年12月底前",
                "（二） 牵头: 责任:人民政府办公室 配合: 时限:持续推进",
                "（三） 牵头: 责任:人民政府办公室 配合: 时限:持续推进",
                "（四） 牵头: 责任:人民政府办公室 配合: 时限:持续推进",
                "（五） 牵头: 责任:人民政府办公室、司法局 配合: 时限:持续推进",
                "（六） 牵头: 责任:人民政府办公室 配合: 时限:持续推进",
                "（七） 牵头: 责任:人民政府办公室 配合: 时限:持续推进",
                "（八） 牵头: 责任:司法局 配合: 时限:2023年12月底前",
                "（九） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十一） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十二） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十三） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十四） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十五） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十六） 牵头: 责任:司法局 配合: 时限:持续推进",
                "（十七） 牵头: 责任:司法局 配合: 时限:适时",
            ])
        #expect(Set(draft.items.map(\.heading)) == ["二、工作措施"])
        // 15个乡（镇）人民政府 and 6个街道办事处 stand for units the demo's 汝州市 does not have.
        #expect(
            draft.unmatched == [
                PlanDraft.Unmatched(name: "15个乡（镇）人民政府", item: 5, role: .responsible, candidates: []),
                PlanDraft.Unmatched(name: "6个街道办事处", item: 5, role: .responsible, candidates: []),
            ])
        let first = draft.items[0]
        #expect(first.title == "建立汝州市人民政府行政复议咨询委员会")
        #expect(first.lines == 31...37)
        // The measure runs over a page break (行政复议 / 职责的基础上) and comes back as one text.
        #expect(first.text.contains("在整合行政复议职责的基础上"))
        #expect(first.text.hasPrefix("建立汝州市人民政府行政复议咨询委员会。根据《中央全面依法治国委员会"))
        #expect(first.text.hasSuffix("提供咨询意见。"))
        #expect(draft.items[16].deadlineText == "适时召开")
    }

    @Test func fangchengImplementationPlanGivesItsThirtyItems() throws {
        let draft = Self.parse(try Self.seed("seed-004-fangcheng-plan.txt"))
        #expect(
            draft.header
                == PlanDraft.Header(
                    number: "方政办〔2021〕29号", date: CalendarDay(year: 2021, month: 9, day: 16),
                    issuers: ["方城县人民政府办公室", "方城县人民法院办公室", "方城县人民检察院办公室"], title: "方城县府院联动机制实施方案"))
        #expect(
            draft.items.map { Self.summary($0, region: "方城县") } == [
                "1. 牵头:司法局 责任:人民法院、人民检察院 配合: 时限:长期坚持",
                "2. 牵头:人民法院 责任:人民政府办公室 配合:司法局 时限:2021年12月20日",
                "3. 牵头:人民政府办公室 责任: 配合:人民法院、人民检察院、司法局 时限:2021年10月31日",
                "4. 牵头:人民政府办公室 责任: 配合:人民法院 时限:2021年10月31日",
                "5. 牵头:人民政府办公室 责任: 配合:人民法院、人民检察院、司法局 时限:2021年10月31日",
                "6. 牵头:金融工作办公室 责任: 配合:人民法院、司法局、中国人民银行方城县支行、方城银保监组 时限:2021年10月31日",
                "7. 牵头:人民法院 责任:司法局 配合:科技和工业信息化局、工商业联合会、产业集聚区管理委员会 时限:每季度（期满后 10 日内报送进展）",
                "8. 牵头:市场监督管理局 责任: 配合:人民法院、金融工作办公室 时限:2021年11月30日",
                "9. 牵头:市场监督管理局 责任:科技和工业信息化局 配合:人民法院 时限:2021年10月31日",
                "10. 牵头:公安局 责任: 配合:人民法院、市场监督管理局、文化广电和旅游局 时限:2021年11月30日",
                "11. 牵头: 责任:人民政府办公室、人民法院、科技和工业信息化局 配合: 时限:2021年10月31日",
                "12. 牵头: 责任:人民法院、税务局 配合: 时限:2021年10月31日",
                "13. 牵头: 责任:人民法院、产业集聚区管理委员会、信访局 配合: 时限:2021年10月31日",
                "14. 牵头:人民法院 责任:公安局 配合:人民检察院、平安建设办公室、司法局 时限:2021年10月31日",
                "15. 牵头:平安建设办公室 责任:司法局、公安局、人民法院 配合: 时限:2021年10月31日",
                "16. 牵头:发展和改革委员会 责任: 配合:人民法院 时限:2021年11月30日",
                "17. 牵头:司法局 责任:财政局、公安局 配合:人民法院、人民检察院、信访局 时限:2021年10月31日",
                "18. 牵头: 责任:人民法院、人民检察院、公安局、生态环境局、水利局、文化广电和旅游局、自然资源局、农业农村局、住房和城乡建设局、人民政府新闻办公室 配合: 时限:2021年10月31日",
                "19. 牵头: 责任:人民检察院、公安局、生态环境局、水利局、林业局、自然资源局、农业农村局、住房和城乡建设局 配合: 时限:2021年10月31日",
                "20. 牵头: 责任:总工会、司法局、人力资源和社会保障局、工商业联合会、人民法院 配合: 时限:2021年10月31日",
                "21. 牵头:人民法院 责任: 配合:公安局、司法局、信访局 时限:2021年10月31日",
                "22. 牵头: 责任:政务服务和大数据管理局、人民法院 配合: 时限:2021年12月20日",
                "23. 牵头:政务服务和大数据管理局 责任:人民法院、人民检察院 配合: 时限:2021年10月31日",
                "24. 牵头:人民法院 责任: 配合:市场监督管理局 时限:2021年10月31日",
                "25. 牵头: 责任:人民法院 配合: 时限:2021年10月31日",
                "26. 牵头: 责任:人民法院 配合: 时限:2021年10月31日",
                "27. 牵头: 责任:人民法院、公安局 配合: 时限:2021年10月31日",
                "28. 牵头: 责任:财政局、人民法院 配合: 时限:2021年10月31日",
                "29. 牵头:金融工作办公室 责任:人民法院、公安局、政务服务和大数据管理局 配合: 时限:2021年10月31日",
                "30. 牵头:民政局、人民法院 责任: 配合: 时限:2021年10月31日",
            ])
        #expect(
            draft.items.map(\.heading) == Array(repeating: "（一）促进法治政府建设联动机制", count: 5)
                + Array(repeating: "（二）促进营商环境法治化的府院联动机制", count: 8)
                + Array(repeating: "（三）完善多元化纠纷解决机制及诉源治理体系", count: 8)
                + Array(repeating: "（四）推动审判、执行、监督工作联动机制", count: 9))
        #expect(
            draft.unmatched == [
                PlanDraft.Unmatched(name: "各乡镇人民政府", item: 13, role: .responsible, candidates: []),
                PlanDraft.Unmatched(name: "街道办事处", item: 13, role: .responsible, candidates: []),
                PlanDraft.Unmatched(name: "各乡镇（街道）", item: 21, role: .responsible, candidates: []),
                PlanDraft.Unmatched(name: "县政府各相关部门", item: 25, role: .responsible, candidates: []),
                PlanDraft.Unmatched(name: "县直各有关部门", item: 26, role: .responsible, candidates: []),
            ])
        let fifth = draft.items[4]
        #expect(fifth.title == "出台《行政非诉执行案件联动机制意见》")
        #expect(fifth.lines == 55...61)
        #expect(
            fifth.text
                == "由县政府办牵头，与法院、检察院、司法局联合出台《行政非诉执行案件联动机制意见》，对行政处罚等行政非诉案件强制执行受理、裁定、实施等统一标准和程序，实现行政处罚等执行落到实处。"
        )
        #expect(
            draft.items.map(\.title)[26...29] == [
                "签订《执行联动战略合作协议》", "对因公涉党政机关为被执行人的款项", "成立方城县银行不良贷款清收中心", "建立婚姻信息共享制度",
            ])
    }

    static let weidong = RegionUnits(
        [
            ("卫东区政府办公室", UnitKind.governmentOffice), ("卫东区发展改革委", .department), ("卫东区工业和信息化局", .department),
            ("卫东区司法局", .department), ("卫东区财政局", .department), ("卫东区人力资源和社会保障局", .department),
            ("卫东区住房和城乡建设局", .department), ("卫东区交通运输局", .department), ("卫东区农业农村和水利局", .department),
            ("卫东区商务局", .department), ("卫东区文化广电和旅游局", .department), ("卫东区卫生健康委", .department),
            ("卫东区应急管理局", .department), ("卫东区审计局", .department), ("卫东区市场监管局", .department),
            ("卫东区医疗保障局", .department), ("卫东区金融工作局", .department), ("卫东区信访局", .department),
            ("卫东区政务服务和大数据管理局", .department), ("卫东生态环境分局", .department),
            ("卫东自然资源和规划分局", .department), ("卫东区税务局", .department), ("卫东区人民法院", .court),
            ("卫东公安分局", .publicSecurity),
        ].map { RegionUnits.Unit(name: $0.0, kind: $0.1) }, regionName: "卫东区")

    @Test func weidongNoticeGivesItsRoster() throws {
        let units = Self.weidong.units.map(\.name)
        let draft = Self.parse(try Self.seed("seed-003-weidong-notice.txt"), units: Self.weidong)
        #expect(
            draft.header
                == PlanDraft.Header(
                    number: "", date: CalendarDay(year: 2023, month: 1, day: 4), issuers: ["卫东区人民政府", "卫东区人民法院"],
                    title: "关于建立卫东区常态化府院联动工作机制的通知"))
        #expect(
            draft.roster.people == [
                Roster.Person(role: .convener, name: "宋建立", post: "区长"),
                Roster.Person(role: .executiveDeputy, name: "赵飞", post: "区委常委、常务副区长"),
                Roster.Person(role: .deputy, name: "李海强", post: "副区长、卫东公安分局局长"),
                Roster.Person(role: .deputy, name: "武中立", post: "区人民法院院长"),
            ])
        // Every unit the notice makes a member, in its order: the 22 departments, then the court and the police.
        #expect(draft.roster.memberUnits.map(\.unit) == units)
        #expect(draft.roster.memberUnits.allSatisfy { $0.liaison.isEmpty })
        #expect(draft.roster.officeHost == "卫东区司法局")
        #expect(draft.unmatched == [])
    }
}
