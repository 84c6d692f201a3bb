import Foundation
import FuyuanCore
import Testing

@testable import App

/// The documents pages from plain values, each against its golden HTML (`GoldenPageTests.expectGolden`).
extension GoldenPageTests {
    @Test func documentPages() throws {
        let office = PageShell(
            displayName: "鲁山县联席办（演示）", unitName: "鲁山县人民政府办公室", roleLabel: "联席办", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .office, region: "410423"), regions: [], currentRegionCode: "410423"
        )
        let waiting = DocumentsView.Row(
            id: Self.id(71), uploadedAt: "2026-12-04 09:30", fileName: "重点任务清单.docx", number: "鲁政办〔2025〕18号",
            title: "鲁山县府院联动重点任务清单", uploadedBy: "鲁山县联席办（演示）", outcome: nil)
        let committed = DocumentsView.Row(
            id: Self.id(72), uploadedAt: "2026-11-02 15:10", fileName: "工作要点.txt", number: "", title: "鲁山县府院联动工作要点",
            uploadedBy: "鲁山县联席办（演示）", outcome: "入账为“鲁山县府院联动工作要点”（2 项）")
        try expectGolden(
            DocumentsView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", rows: [waiting, committed], canUpload: true,
                    problems: ["文件：这是旧版 Word（.doc）或 WPS（.wps）文件，请在 Word 或 WPS 中打开后“另存为”.docx 格式再上传"]),
                shell: office), "documents")
        let lines = [
            "鲁政办〔2025〕18号", "鲁山县人民政府办公室关于印发鲁山县府院联动重点任务清单的通知", "二、化解行政争议",
            "（一）建立行政争议实质性化解中心。", "牵头单位：县法院", "配合单位：县司法局、县财政所", "完成时限：2025年6月底前",
        ]
        var item = DocumentReviewView.ItemValues()
        (item.number, item.heading, item.title) = ("（一）", "二、化解行政争议", "建立行政争议实质性化解中心")
        (item.content, item.area, item.deadline) = ("建立行政争议实质性化解中心。", .disputeResolution, "2025年6月底前")
        (item.lead, item.cooperating, item.lines) = ("鲁山县人民法院", "鲁山县司法局", 4...7)
        try expectGolden(
            DocumentReviewView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", document: waiting,
                    header: .init(
                        number: "鲁政办〔2025〕18号", date: CalendarDay(year: 2025, month: 3, day: 12),
                        issuers: ["鲁山县人民政府办公室"], title: "鲁山县府院联动重点任务清单"),
                    lines: lines,
                    values: .init(kind: .responsibility, title: "鲁山县府院联动重点任务清单", items: [item]),
                    roster: RosterDraft(),
                    unmatched: [.init(name: "县财政所", item: 1, role: .cooperating, candidates: ["鲁山县司法局"])],
                    listID: nil, canCommit: true, problems: []),
                shell: office), "document-review")
        var roster = RosterDraft()
        roster.people = [
            Roster.Person(role: .convener, name: "宋建立", post: "区长"),
            Roster.Person(role: .deputy, name: "武中立", post: "区人民法院院长"),
        ]
        roster.memberUnits = [.init(unit: "卫东区司法局", liaison: ""), .init(unit: "卫东区财政局", liaison: "")]
        roster.officeHost = "卫东区司法局"
        try expectGolden(
            DocumentReviewView.render(
                .init(
                    regionCode: "410403", regionName: "卫东区", document: committed,
                    header: .init(
                        number: "", date: CalendarDay(year: 2023, month: 1, day: 4), issuers: ["卫东区人民政府", "卫东区人民法院"],
                        title: "关于建立卫东区常态化府院联动工作机制的通知"),
                    lines: ["卫东区人民政府 卫东区人民法院", "召集人：宋建立（区长）"], values: .init(), roster: roster, unmatched: [],
                    listID: Self.id(73), canCommit: false, problems: []),
                shell: office), "document-roster")
    }
}
