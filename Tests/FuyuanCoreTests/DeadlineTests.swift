import Foundation
import FuyuanCore
import Testing

func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text)! }

struct DeadlineParsingTests {
    @Test(arguments: [
        ("2021年10月31日", Deadline.date(day("2021-10-31"))),
        ("2021年12月20日", .date(day("2021-12-20"))),
        ("2023年12月", .month(year: 2023, month: 12)),
        ("2023年12月底前", .month(year: 2023, month: 12)),
        ("2021年10月31日前", .date(day("2021-10-31"))),
        ("2025年6月底之前", .month(year: 2025, month: 6)),
        ("2027年底前", .month(year: 2027, month: 12)),
        ("长期坚持", .longTerm),
        ("持续推进", .continuous),
        ("每季度定期开展", .periodic(.quarter, graceDays: 10)),
        ("每月", .periodic(.month, graceDays: 10)),
        ("每半年", .periodic(.halfYear, graceDays: 10)),
        ("每年", .periodic(.year, graceDays: 10)),
        ("适时召开", .asNeeded),
        ("适时", .asNeeded),
    ])
    func readsTheSeedsForms(_ text: String, _ expected: Deadline) {
        #expect(Deadline(parsing: text) == expected)
    }

    @Test(arguments: ["", "尽快", "2023年13月", "明年", "2021年2月30日", "年底前", "2021年2月30日前"])
    func refusesOthers(_ text: String) {
        #expect(Deadline(parsing: text) == nil)
    }

    @Test func labelsAndKinds() {
        #expect(Deadline.month(year: 2023, month: 12).label == "2023年12月底前")
        #expect(Deadline.month(year: 2023, month: 12).completionDay == day("2023-12-31"))
        #expect(Deadline.month(year: 2024, month: 2).completionDay == day("2024-02-29"))
        #expect(Deadline.periodic(.quarter, graceDays: 10).label == "每季度（期满后 10 日内报送进展）")
        #expect(Deadline.date(day("2021-10-31")).kind == .date)
        #expect(Deadline.month(year: 2023, month: 12).kind == .date)
        #expect(Deadline.longTerm.closesAsOngoing && Deadline.continuous.closesAsOngoing)
        #expect(!Deadline.asNeeded.closesAsOngoing && !Deadline.date(day("2021-10-31")).closesAsOngoing)
    }

    @Test func codable() throws {
        let all: [Deadline] = [
            .date(day("2021-10-31")), .month(year: 2023, month: 12), .longTerm, .continuous,
            .periodic(.halfYear, graceDays: 15), .asNeeded,
        ]
        let data = try JSONEncoder().encode(all)
        #expect(try JSONDecoder().decode([Deadline].self, from: data) == all)
    }
}

struct PeriodTests {
    @Test(arguments: [
        (ReportingPeriod.month, "2024-02-10", "2024-M02", "2024年2月", "2024-02-01", "2024-02-29"),
        (.quarter, "2024-05-31", "2024-Q2", "2024年第2季度", "2024-04-01", "2024-06-30"),
        (.quarter, "2024-12-31", "2024-Q4", "2024年第4季度", "2024-10-01", "2024-12-31"),
        (.halfYear, "2024-07-01", "2024-H2", "2024年下半年", "2024-07-01", "2024-12-31"),
        (.halfYear, "2024-06-30", "2024-H1", "2024年上半年", "2024-01-01", "2024-06-30"),
        (.year, "2024-03-03", "2024", "2024年度", "2024-01-01", "2024-12-31"),
    ])
    func spans(_ period: ReportingPeriod, _ on: String, _ key: String, _ label: String, _ start: String, _ end: String)
    {
        let span = period.span(containing: day(on))
        #expect(span.key == key)
        #expect(span.label == label)
        #expect(span.start == day(start))
        #expect(span.end == day(end))
    }

    @Test func nextCrossesTheYear() {
        #expect(ReportingPeriod.quarter.span(containing: day("2024-11-01")).next.key == "2025-Q1")
        #expect(ReportingPeriod.month.span(containing: day("2024-12-01")).next.key == "2025-M01")
        #expect(ReportingPeriod.halfYear.span(containing: day("2024-12-01")).next.key == "2025-H1")
    }
}

struct DueRulesTests {
    let rules = DueRules()

    @Test func datedItems() {
        let deadline = Deadline.date(day("2021-10-31"))
        let due = rules.nextDue(deadline, issuedOn: day("2021-09-16"), reportedPeriods: [])
        #expect(due == Due(day: day("2021-10-31"), reason: "完成时限"))
        #expect(rules.timeliness(due, today: day("2021-10-23")) == .onTime)
        #expect(rules.timeliness(due, today: day("2021-10-24")) == .dueSoon)
        #expect(rules.timeliness(due, today: day("2021-10-31")) == .dueSoon)
        #expect(rules.timeliness(due, today: day("2021-11-01")) == .overdue)
    }

    @Test func anExtensionMovesTheDay() {
        let due = rules.nextDue(
            .month(year: 2023, month: 12), issuedOn: day("2022-11-24"), extendedTo: day("2024-03-31"),
            reportedPeriods: [])
        #expect(due == Due(day: day("2024-03-31"), reason: "延期后的完成时限"))
        #expect(rules.timeliness(due, today: day("2024-01-15")) == .onTime)
    }

    @Test func dueSoonWindowIsConfigurable() {
        let due = rules.nextDue(.date(day("2021-10-31")), issuedOn: day("2021-09-16"), reportedPeriods: [])
        #expect(DueRules(dueSoonDays: 14).timeliness(due, today: day("2021-10-17")) == .dueSoon)
        #expect(DueRules(dueSoonDays: 0).timeliness(due, today: day("2021-10-30")) == .onTime)
    }

    @Test func periodicItemsOweOneReportPerPeriod() {
        let deadline = Deadline.periodic(.quarter, graceDays: 10)
        let issued = day("2021-09-16")
        // Nothing reported: the 2021 Q3 report is due on 10 October.
        let first = rules.nextDue(deadline, issuedOn: issued, reportedPeriods: [])
        #expect(first == Due(day: day("2021-10-10"), reason: "2021年第3季度进展报告"))
        #expect(rules.timeliness(first, today: day("2021-10-11")) == .overdue)
        // Q3 reported: Q4 is next, due 10 January.
        let second = rules.nextDue(deadline, issuedOn: issued, reportedPeriods: ["2021-Q3"])
        #expect(second == Due(day: day("2022-01-10"), reason: "2021年第4季度进展报告"))
        #expect(rules.timeliness(second, today: day("2021-12-01")) == .onTime)
        // A missing Q4 keeps the item overdue even when later quarters are reported.
        let gap = rules.nextDue(deadline, issuedOn: issued, reportedPeriods: ["2021-Q3", "2022-Q1"])
        #expect(gap?.reason == "2021年第4季度进展报告")
        #expect(rules.timeliness(gap, today: day("2022-05-01")) == .overdue)
    }

    @Test(arguments: [Deadline.longTerm, .continuous, .asNeeded])
    func openEndedItemsAreNeverLate(_ deadline: Deadline) {
        let due = rules.nextDue(deadline, issuedOn: day("2021-09-16"), reportedPeriods: [])
        #expect(due == nil)
        #expect(rules.timeliness(due, today: day("2030-01-01")) == Timeliness.none)
    }

    @Test func marksAreGreenYellowRed() {
        #expect([Timeliness.onTime, .dueSoon, .overdue].map(\.colour) == ["green", "yellow", "red"])
        #expect(Timeliness.overdue > .dueSoon && Timeliness.dueSoon > .onTime)
    }
}

struct WorkflowTests {
    let dated = Deadline.date(day("2021-10-31"))

    @Test func theWholePathWithASendBack() throws {
        var state = UnitState.assigned
        state = try Workflow.next(state, .signFor, deadline: dated)
        #expect(state == .inProgress)
        state = try Workflow.next(state, .requestClosure, deadline: dated)
        #expect(state == .closureRequested)
        state = try Workflow.next(state, .sendBack, deadline: dated)
        #expect(state == .inProgress)
        state = try Workflow.next(state, .requestClosure, deadline: dated)
        state = try Workflow.next(state, .approveClosure, deadline: dated)
        #expect(state == .closed)
    }

    @Test func longTermWorkBecomesOngoingThenClosed() throws {
        let ongoing = try Workflow.next(.closureRequested, .approveClosure, deadline: .longTerm)
        #expect(ongoing == .ongoing)
        #expect(try Workflow.next(ongoing, .approveClosure, deadline: .longTerm) == .closed)
        #expect(try Workflow.next(.closureRequested, .approveClosure, deadline: .continuous) == .ongoing)
    }

    @Test func notApplicableIsConfirmedByTheOffice() throws {
        let requested = try Workflow.next(.assigned, .requestNotApplicable, deadline: dated)
        #expect(requested == .notApplicableRequested)
        #expect(try Workflow.next(requested, .confirmNotApplicable, deadline: dated) == .notApplicable)
        #expect(try Workflow.next(requested, .sendBack, deadline: dated) == .inProgress)
    }

    @Test func suspendAndResume() throws {
        for state in [UnitState.assigned, .inProgress, .closureRequested, .notApplicableRequested, .ongoing] {
            #expect(try Workflow.next(state, .suspend, deadline: dated) == .suspended)
        }
        #expect(try Workflow.next(.suspended, .resume, deadline: dated) == .inProgress)
    }

    /// Every pair not in the table is refused with a message naming the state and the step.
    @Test func illegalStepsAreRefused() {
        let legal: Set<String> = [
            "assigned.signFor", "inProgress.requestClosure", "closureRequested.approveClosure",
            "ongoing.approveClosure",
            "closureRequested.sendBack", "notApplicableRequested.sendBack", "assigned.requestNotApplicable",
            "inProgress.requestNotApplicable", "notApplicableRequested.confirmNotApplicable", "assigned.suspend",
            "inProgress.suspend", "closureRequested.suspend", "notApplicableRequested.suspend", "ongoing.suspend",
            "suspended.resume",
        ]
        var refused = 0
        for state in UnitState.allCases {
            for action in WorkflowAction.allCases {
                let key = "\(state.rawValue).\(action.rawValue)"
                do {
                    _ = try Workflow.next(state, action, deadline: dated)
                    #expect(legal.contains(key), "\(key) should be refused")
                } catch {
                    #expect(!legal.contains(key), "\(key) should be allowed")
                    #expect(error.description == "当前状态为“\(state.label)”，不能\(action.label)")
                    refused += 1
                }
            }
        }
        #expect(refused == UnitState.allCases.count * WorkflowAction.allCases.count - legal.count)
    }

    @Test func actionsOfferedToEachActor() {
        #expect(Workflow.actions(from: .assigned, by: .unit, deadline: dated) == [.signFor, .requestNotApplicable])
        #expect(Workflow.actions(from: .assigned, by: .office, deadline: dated) == [.suspend])
        #expect(
            Workflow.actions(from: .closureRequested, by: .office, deadline: dated) == [
                .approveClosure, .sendBack, .suspend,
            ])
        #expect(Workflow.actions(from: .closed, by: .office, deadline: dated) == [])
    }

    @Test(arguments: [
        (false, [UnitState.inProgress], ItemState.draft),
        (true, [], .issued),
        (true, [.assigned, .assigned], .issued),
        (true, [.assigned, .inProgress], .inProgress),
        (true, [.closureRequested, .notApplicableRequested], .awaitingReview),
        (true, [.closureRequested, .closed], .awaitingReview),
        (true, [.closureRequested, .inProgress], .inProgress),
        (true, [.closed, .notApplicable], .closed),
        (true, [.notApplicable, .notApplicable], .notApplicable),
        (true, [.ongoing, .closed], .ongoing),
        (true, [.suspended, .closed], .suspended),
        (true, [.suspended, .inProgress], .inProgress),
        (true, [.ongoing, .closureRequested], .awaitingReview),
    ])
    func itemStateFollowsItsUnits(_ issued: Bool, _ units: [UnitState], _ expected: ItemState) {
        #expect(Workflow.itemState(issued: issued, units: units) == expected)
    }

    @Test func tallyCountsInStateOrder() {
        let tally = Workflow.tally([.closed, .inProgress, .closed, .notApplicable, .inProgress, .closed])
        #expect(tally.map { "\($0.0.label)\($0.1)" } == ["推进中2", "已销号3", "无相关问题事项1"])
    }
}
