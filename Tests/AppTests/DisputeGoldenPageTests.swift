import Foundation
import FuyuanCore
import Testing

@testable import App

/// The resolution centre's pages from plain values, each against its golden HTML (`GoldenPageTests.expectGolden`).
extension GoldenPageTests {
    @Test func disputePages() throws {
        let court = PageShell(
            displayName: "鲁山县法院书记员（演示）", unitName: "鲁山县人民法院", roleLabel: "法院工作人员", csrfToken: "csrf-token",
            nav: Feature.menu(of: Feature.all, for: .court, region: "410423"), regions: [], currentRegionCode: "410423")
        let today = CalendarDay(year: 2026, month: 12, clampingDay: 4)
        let housing = Self.id(51)
        let rows = [
            DisputeQueries.Row(
                id: Self.id(52), number: "鲁山县争〔2026〕4号", source: .hotline, applicant: "赵某", agencyName: "鲁山县住房和城乡建设局",
                actionType: .expropriation, claim: "征收补偿款计算有误。", regionName: "鲁山县", registeredOn: "2026-11-17",
                state: .assigned, stepDue: "2026-12-01", handlingName: "鲁山县住房和城乡建设局", handler: "征收办周某",
                deadline: "2026-12-01", outcome: nil, closedOn: nil, caseNumber: ""),
            DisputeQueries.Row(
                id: Self.id(53), number: "鲁山县争〔2025〕1号", source: .litigation, applicant: "宋某", agencyName: "张官营镇人民政府",
                actionType: .registration, claim: "宅基地确权。", regionName: "鲁山县", registeredOn: "2025-08-29",
                state: .closed,
                stepDue: "", handlingName: "鲁山县人民法院", handler: "王春晓", deadline: "2025-10-17",
                outcome: .mediatedWithdrawal, closedOn: "2025-10-17", caseNumber: "（2025）豫0423行初8008号"),
        ]
        try expectGolden(
            DisputesView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", agencies: [(housing, "鲁山县住房和城乡建设局")],
                    filter: .init(source: .hotline, state: .open, text: "征收", order: .due),
                    list: .init(rows: rows, total: 51, next: .init(day: "2026-12-01", id: Self.id(52))), today: today,
                    rules: DueRules(), canRegister: true, problems: [], notice: "导入完成：新增 2 件，未变 6 件。"),
                shell: court), "disputes")
        var values = DisputeView.Values(today: today)
        values.agencyID = housing
        values.applicant = "赵某"
        values.claim = "征收补偿款计算有误。"
        values.registeredOn = "2026-11-17"
        let shown = DisputeView.Shown(
            id: Self.id(52), number: "鲁山县争〔2026〕4号", state: .assigned, timeliness: .overdue, values: values,
            agencyName: "鲁山县住房和城乡建设局", registeredBy: "鲁山县法院书记员（演示）", handlingName: "鲁山县住房和城乡建设局",
            handler: "征收办周某", deadline: "2026-12-01", stepDue: "2026-12-01", urges: 1, feedback: nil, answeredOn: nil,
            outcome: nil, result: nil, closedOn: nil, closeDays: nil, caseID: nil,
            participants: [("人大代表", "赵某", "县人大代表")],
            events: [(Date(timeIntervalSince1970: 1_796_000_000), "鲁山县法院书记员（演示）", "交办征收办周某，2026年12月1日前反馈")])
        try expectGolden(
            DisputeView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", shown: shown, values: values,
                    agencies: [(housing, "鲁山县住房和城乡建设局")], isCentre: true, isHandling: false, handlingDays: 10,
                    today: today, problems: ["反馈情况：不能为空"], notice: nil),
                shell: court), "dispute-assigned")
        try expectGolden(
            DisputeView.render(
                .init(
                    regionCode: "410423", regionName: "鲁山县", shown: nil, values: DisputeView.Values(today: today),
                    agencies: [(housing, "鲁山县住房和城乡建设局")], isCentre: true, isHandling: false, handlingDays: 10,
                    today: today, problems: ["申请人：不能为空"], notice: nil),
                shell: court), "dispute-new")
        let figures = DisputeFigures(
            registered: 6, closed: 5, resolved: 4, mediatedWithdrawals: 2, overdue: 1, closeDays: 150,
            registeredYearBefore: 4)
        var cases = LitigationFigures()
        cases.new = 4
        cases.concluded = 2
        cases.mediatedOrWithdrawn = 1
        var before = LitigationFigures()
        before.new = 5
        let line = DisputeFiguresQueries.Line(
            id: Self.id(54), code: "410423", name: "鲁山县", disputes: figures, cases: cases, casesYearBefore: before)
        try expectGolden(
            DisputeFiguresView.render(
                .init(
                    regionCode: "410400", regionName: "平顶山市",
                    period: DayRange(from: CalendarDay(year: 2026, month: 1, clampingDay: 1), to: today),
                    result: .init(total: line, lower: [line], targets: .standard), today: today, canSetTargets: true,
                    problems: [], notice: "目标已保存"),
                shell: court), "dispute-figures")
    }
}
