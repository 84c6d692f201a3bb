import Foundation
import FuyuanCore
import Testing

@testable import App

/// Bankruptcy coordination's pages from plain values, each against its golden HTML (`GoldenPageTests.expectGolden`).
extension GoldenPageTests {
    @Test func bankruptcyPages() throws {
        let court = PageShell(
            displayName: "卫东区法院工作人员（演示）", unitName: "卫东区人民法院", roleLabel: "法院工作人员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .court, region: "410403"), regions: [], currentRegionCode: "410403")
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 4)
        let rows = [
            BankruptcyQueries.Row(
                id: Self.id(61), caseNumber: "（2026）豫0403破1号", debtor: "平顶山市卫东区某机械制造有限公司", procedure: .reorganization,
                stage: .meeting, judge: "刘某", administrator: "河南某律师事务所", acceptedOn: "2026-06-27", concludedOn: nil,
                regionName: "卫东区", courtName: "卫东区人民法院", matters: 3, openMatters: 2, nextDueOn: "2026-11-29"),
            BankruptcyQueries.Row(
                id: Self.id(62), caseNumber: "（2025）豫0403破1号", debtor: "平顶山市卫东区某商贸有限公司", procedure: .liquidation,
                stage: .concluded, judge: "刘某", administrator: "河南某律师事务所", acceptedOn: "2025-11-01",
                concludedOn: "2026-05-30", regionName: "卫东区", courtName: "卫东区人民法院", matters: 2, openMatters: 0,
                nextDueOn: nil),
        ]
        try expectGolden(
            BankruptcyListView.render(
                .init(
                    regionCode: "410403", regionName: "卫东区", filter: .init(progress: .late, text: "机械"),
                    list: .init(rows: rows, total: 51, next: .init(day: "2025-11-01", id: Self.id(62))), today: today,
                    rules: DueRules(), canMaintain: true),
                shell: court), "bankruptcy")
        let item = LedgerQueries.ItemFields(
            id: Self.id(63), listID: Self.id(64), listTitle: "办理破产府院联动协调事项", number: 3,
            title: "平顶山市卫东区某机械制造有限公司破产案：不动产处置", content: "（2026）豫0403破1号（破产重整）：厂区土地分割办证", area: .bankruptcy,
            deadline: .date(CalendarDay(year: 2026, month: 11, clampingDay: 29)), state: .inProgress,
            issuedOn: "2026-08-06", latestReport: "", parentItemID: nil, version: 2)
        let part = LedgerQueries.Part(
            id: Self.id(65), itemID: Self.id(63), unitID: Self.id(66), unitName: "卫东自然资源和规划分局", role: .lead,
            state: .inProgress, extendedTo: nil, nextDueOn: "2026-11-29", nextDueReason: "完成时限")
        var values = BankruptcyCaseView.Values()
        (values.caseNumber, values.debtor, values.procedure, values.stage) = (
            "（2026）豫0403破1号", "平顶山市卫东区某机械制造有限公司", .reorganization, .meeting
        )
        (values.judge, values.administrator, values.acceptedOn) = ("刘某", "河南某律师事务所", "2026-06-27")
        (values.claimsDueOn, values.firstMeetingOn) = ("2026-08-11", "2026-08-26")
        try expectGolden(
            BankruptcyCaseView.render(
                .init(
                    regionCode: "410403", regionName: "卫东区",
                    shown: .init(
                        id: Self.id(61), courtName: "卫东区人民法院", concludedOn: nil, daysRun: 160,
                        matters: [
                            .init(
                                kind: .realEstate,
                                row: .init(item: item, parts: [part], today: today, rules: DueRules()))
                        ]), values: values,
                    departments: [.init(id: Self.id(66), name: "卫东自然资源和规划分局")], canMaintain: true, today: today,
                    problems: ["尚有 1 项协调事项未办结，办结或确认不适用后才能终结程序"], notice: nil),
                shell: court), "bankruptcy-case")
        try expectGolden(
            BankruptcyCaseView.render(
                .init(
                    regionCode: "410403", regionName: "卫东区", shown: nil, values: .init(acceptedOn: "2026-12-04"),
                    departments: [], canMaintain: true, today: today, problems: ["债务人：不能为空"], notice: nil),
                shell: court), "bankruptcy-new")
    }
}
