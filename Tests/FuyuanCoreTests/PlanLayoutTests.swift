import Foundation
import Testing

@testable import FuyuanCore

/// Plans laid out otherwise than the seeds, written for these tests: each layout an office meets.
struct PlanLayoutTests {
    static let lushan = RegionUnits(
        [
            ("鲁山县人民政府办公室", UnitKind.governmentOffice), ("鲁山县人民法院", .court), ("鲁山县司法局", .department),
            ("鲁山县财政局", .department), ("鲁山县人力资源和社会保障局", .department), ("鲁山县张官营镇人民政府", .township),
            ("鲁山县琴台街道办事处", .streetOffice), ("鲁山县辛集乡人民政府", .township),
        ].map { RegionUnits.Unit(name: $0.0, kind: $0.1) }, regionName: "鲁山县")

    static func parse(_ lines: [DocumentLines.Line]) -> PlanDraft {
        PlanParser.parse(DocumentLines(lines), units: lushan)
    }

    static func parse(_ text: String) -> PlanDraft {
        PlanParser.parse(DocumentLines(text: text), units: lushan)
    }

    @Test func unitsAndDeadlineOnTheItemsOwnLine() {
        let draft = Self.parse(
            """
            鲁政办〔2025〕18号
            鲁山县人民政府办公室关于印发鲁山县府院联动工作要点的通知
            二、化解行政争议
            （一）建立行政争议实质性化解中心。（牵头单位：县法院；配合单位：县司法局；完成时限：2025年6月底前）
            （二）落实行政机关负责人出庭应诉。牵头单位：县司法局 配合单位：县法院 政府办 完成时限：长期坚持
            （三）由县法院牵头，联合司法局，每季度通报负责人出庭情况。完成时限：每季度
            """)
        #expect(draft.header.number == "鲁政办〔2025〕18号")
        #expect(draft.header.title == "鲁山县府院联动工作要点")
        let items = draft.items
        #expect(items.map(\.number) == ["（一）", "（二）", "（三）"])
        #expect(items.map(\.heading) == ["二、化解行政争议", "二、化解行政争议", "二、化解行政争议"])
        #expect(items[0].text == "建立行政争议实质性化解中心。")
        #expect(items[0].lead == ["鲁山县人民法院"])
        #expect(items[0].responsible == [])
        #expect(items[0].cooperating == ["鲁山县司法局"])
        #expect(items[0].deadline == .month(year: 2025, month: 6))
        #expect(items[0].deadlineText == "2025年6月底前")
        #expect(items[0].lines == 4...4)
        #expect(items[1].lead == ["鲁山县司法局"])
        #expect(items[1].cooperating == ["鲁山县人民法院", "鲁山县人民政府办公室"])
        #expect(items[1].deadline == .longTerm)
        #expect(items[2].lead == ["鲁山县人民法院"])
        #expect(items[2].cooperating == ["鲁山县司法局"])
        #expect(items[2].deadline == .periodic(.quarter, graceDays: Deadline.defaultGraceDays))
        #expect(items[2].title == "每季度通报负责人出庭情况")
        #expect(draft.unmatched.isEmpty)
    }

    @Test func leadAndCooperatingOnLinesOfTheirOwn() {
        let draft = Self.parse(
            """
            一、清理涉党政机关执行案件
            1. 开展专项清理，逐案制定化解方案。
            牵头单位：县法院
            配合单位：县财政局、县人社局
            责任单位：各乡（镇）人民政府、各街道办事处
            完成时限：2025年12月31日前
            2. 健全执行联动机制。
            责任单位：县法院（牵头）、县财政局
            """)
        #expect(draft.items.count == 2)
        let first = draft.items[0]
        #expect(first.lead == ["鲁山县人民法院"])
        #expect(first.cooperating == ["鲁山县财政局", "鲁山县人力资源和社会保障局"])
        #expect(first.responsible == ["鲁山县张官营镇人民政府", "鲁山县辛集乡人民政府", "鲁山县琴台街道办事处"])
        #expect(first.deadline == .date(CalendarDay(year: 2025, month: 12, day: 31)!))
        #expect(first.lines == 2...6)
        let second = draft.items[1]
        #expect(second.lead == ["鲁山县人民法院"])
        #expect(second.responsible == ["鲁山县财政局"])
        #expect(second.deadline == nil)
        #expect(second.deadlineText == "")
    }

    @Test func tasksInATableWithSectionRows() {
        let draft = Self.parse([
            .text("鲁山县府院联动重点任务清单"),
            .row(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], table: 0),
            .row(["一、化解行政争议", "一、化解行政争议", "一、化解行政争议", "一、化解行政争议", "一、化解行政争议"], table: 0),
            .row(["1", "建立行政争议实质性化解中心", "县法院", "县司法局", "2025年6月底前"], table: 0),
            .row(["2", "落实负责人出庭应诉", "县司法局", "县法院、政府办", "长期坚持"], table: 0),
            .row(["二、清理执行案件", "", "", "", ""], table: 0),
            .row(["3", "清理涉党政机关执行案件", "县法院", "各乡镇（街道）", "每半年"], table: 0),
        ])
        #expect(draft.items.map(\.number) == ["1", "2", "3"])
        #expect(draft.items.map(\.heading) == ["一、化解行政争议", "一、化解行政争议", "二、清理执行案件"])
        #expect(draft.items.map(\.text) == ["建立行政争议实质性化解中心", "落实负责人出庭应诉", "清理涉党政机关执行案件"])
        #expect(draft.items.map(\.lead) == [["鲁山县人民法院"], ["鲁山县司法局"], ["鲁山县人民法院"]])
        #expect(
            draft.items[2].cooperating == ["鲁山县张官营镇人民政府", "鲁山县琴台街道办事处", "鲁山县辛集乡人民政府"])
        #expect(draft.items[1].cooperating == ["鲁山县人民法院", "鲁山县人民政府办公室"])
        #expect(
            draft.items.map(\.deadline) == [
                .month(year: 2025, month: 6), .longTerm, .periodic(.halfYear, graceDays: 10),
            ])
        #expect(draft.items.map(\.lines) == [4...4, 5...5, 7...7])
    }

    @Test func runningHeadersAndPageNumbersDoNotSplitItems() {
        let draft = Self.parse(
            """
            鲁山县府院联动工作要点

            一、重点任务

            （一）建立府院联席会议制度。每半年召开一次联席会议，研究解决府院联动中的重大

            - 2 -

            鲁山县府院联动工作要点

            问题，形成会议纪要并跟踪落实。

            责任单位：县政府办、县法院

            完成时限：长期坚持

            第 3 页

            鲁山县府院联动工作要点

            （二）建立信息共享机制。

            责任单位：县法院

            完成时限：2025年9月30日
            """)
        #expect(draft.items.count == 2)
        #expect(draft.items[0].text == "建立府院联席会议制度。每半年召开一次联席会议，研究解决府院联动中的重大问题，形成会议纪要并跟踪落实。")
        #expect(draft.items[0].lines == 5...15)
        #expect(draft.items[0].responsible == ["鲁山县人民政府办公室", "鲁山县人民法院"])
        #expect(draft.items[1].text == "建立信息共享机制。")
        #expect(draft.items[1].deadline == .date(CalendarDay(year: 2025, month: 9, day: 30)!))
    }

    @Test func gbkTextFile() throws {
        // 一、重点任务 / （一）建立诉调对接制度。 / 责任单位：县法院、县财政局 / 完成时限：2025年6月底前, saved as GBK.
        let bytes: [UInt8] = [
            0xD2, 0xBB, 0xA1, 0xA2, 0xD6, 0xD8, 0xB5, 0xE3, 0xC8, 0xCE, 0xCE, 0xF1, 0x0A, 0xA3, 0xA8, 0xD2, 0xBB, 0xA3,
            0xA9, 0xBD, 0xA8, 0xC1, 0xA2, 0xCB, 0xDF, 0xB5, 0xF7, 0xB6, 0xD4, 0xBD, 0xD3, 0xD6, 0xC6, 0xB6, 0xC8, 0xA1,
            0xA3, 0x0A, 0xD4, 0xF0, 0xC8, 0xCE, 0xB5, 0xA5, 0xCE, 0xBB, 0xA3, 0xBA, 0xCF, 0xD8, 0xB7, 0xA8, 0xD4, 0xBA,
            0xA1, 0xA2, 0xCF, 0xD8, 0xB2, 0xC6, 0xD5, 0xFE, 0xBE, 0xD6, 0x0A, 0xCD, 0xEA, 0xB3, 0xC9, 0xCA, 0xB1, 0xCF,
            0xDE, 0xA3, 0xBA, 0x32, 0x30, 0x32, 0x35, 0xC4, 0xEA, 0x36, 0xD4, 0xC2, 0xB5, 0xD7, 0xC7, 0xB0, 0x0A,
        ]
        let draft = PlanParser.parse(try DocumentLines(textFile: Data(bytes)), units: Self.lushan)
        #expect(draft.items.map(\.text) == ["建立诉调对接制度。"])
        #expect(draft.items[0].responsible == ["鲁山县人民法院", "鲁山县财政局"])
        #expect(draft.items[0].deadline == .month(year: 2025, month: 6))
        let withMark = try DocumentLines(textFile: Data([0xEF, 0xBB, 0xBF] + Array("（一）建立制度。\n责任单位：县法院".utf8)))
        #expect(PlanParser.parse(withMark, units: Self.lushan).items.map(\.responsible) == [["鲁山县人民法院"]])
        #expect(throws: CSV.Problem.self) { try DocumentLines(textFile: Data([0xFF, 0xFE, 0x41, 0x00])) }
    }

    @Test func unmatchedNamesComeWithCandidates() {
        let draft = Self.parse(
            """
            （一）落实执行款项预算保障。
            责任单位：县财政所、县法院、县信访局
            """)
        #expect(draft.items[0].responsible == ["鲁山县人民法院"])
        #expect(
            draft.unmatched == [
                PlanDraft.Unmatched(
                    name: "县财政所", item: 1, role: .responsible, candidates: ["鲁山县财政局", "鲁山县人民政府办公室", "鲁山县辛集乡人民政府"]),
                PlanDraft.Unmatched(
                    name: "县信访局", item: 1, role: .responsible, candidates: ["鲁山县司法局", "鲁山县财政局", "鲁山县人力资源和社会保障局"]),
            ])
    }

    @Test func numbersOutOfSequenceAreText() {
        let draft = Self.parse(
            """
            （一）建立制度。
            1. 细化工作方案。
            5. 这不是第五项，是第 1 项的话
            责任单位：县法院
            """)
        #expect(draft.items.map(\.number) == ["1."])
        #expect(draft.items[0].heading == "（一）建立制度")
        #expect(draft.items[0].text == "细化工作方案。5.这不是第五项，是第1项的话")
    }

    @Test func itemsNumberedPastNinetyNine() {
        let items = (98...101).map { "\($0). 第 \($0) 项任务。\n责任单位：县法院" }.joined(separator: "\n")
        let draft = Self.parse("一、重点任务\n" + items)
        #expect(draft.items.map(\.number) == ["98.", "99.", "100.", "101."])
    }

    @Test func wordsThatLookLikeUnitsOrFieldsButAreNot() {
        let draft = Self.parse(
            """
            一、重点任务
            （一）建立由政法委牵头的矛盾纠纷排查机制。
            责 任 单 位：县法院等单位、县乡村振兴局
            完成时限：2027年底前
            鲁山县人民政府办公室
            2026年12月1日
            """)
        #expect(draft.items.count == 1)
        let item = draft.items[0]
        #expect(item.lead == [])
        #expect(item.responsible == ["鲁山县人民法院"])
        #expect(draft.unmatched.map(\.name) == ["县乡村振兴局"])
        #expect(item.deadline == .month(year: 2027, month: 12))
        #expect(item.deadlineText == "2027年底前")
        // The signature after the deadline is not read into it, and gives the document's date.
        #expect(draft.header.date == CalendarDay(year: 2026, month: 12, day: 1))
        #expect(draft.header.issuers == ["鲁山县人民政府办公室"])
    }

    @Test func typingSlipsInTheNumbersAndAFieldInParenthesesOnItsOwnLine() {
        let draft = Self.parse(
            """
            一、重点任务
            1. 建立化解中心。
            牵头单位：县法院
            （完成时限：2025年6月底前）
            2. 落实出庭应诉。
            责任单位：县司法局
            4. 第 3 项漏写了。
            责任单位：县法院
            4. 同一序号写了两次。
            责任单位：县司法局
            """)
        #expect(draft.items.map(\.number) == ["1.", "2.", "4.", "4."])
        #expect(draft.items[0].deadline == .month(year: 2025, month: 6))
        #expect(draft.items.map(\.text) == ["建立化解中心。", "落实出庭应诉。", "第3项漏写了。", "同一序号写了两次。"])
    }
}
