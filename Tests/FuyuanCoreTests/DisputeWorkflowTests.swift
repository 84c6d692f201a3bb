import Testing

@testable import FuyuanCore

@Suite struct DisputeWorkflowTests {
    private func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text)! }

    @Test func eachStepFollowsTheOneBeforeAndOutOfOrderIsRefused() throws {
        #expect(try DisputeState.registered.transferring() == .transferred)
        #expect(try DisputeState.transferred.assigning() == .assigned)
        #expect(try DisputeState.assigned.urging() == .assigned)
        #expect(try DisputeState.assigned.answering() == .answered)
        #expect(try DisputeState.answered.closing() == .closed)
        #expect(throws: DisputeRefusal("请先移送，再交办承办人")) { try DisputeState.registered.assigning() }
        #expect(throws: DisputeRefusal("该争议已移送，不能重复移送")) { try DisputeState.assigned.transferring() }
        #expect(throws: DisputeRefusal("该争议尚未交办，不能反馈")) { try DisputeState.transferred.answering() }
        #expect(throws: DisputeRefusal("该争议尚未交办，不能催办")) { try DisputeState.registered.urging() }
        #expect(throws: DisputeRefusal("该争议已反馈，无需催办")) { try DisputeState.answered.urging() }
        #expect(throws: DisputeRefusal("承办单位反馈后才能办结")) { try DisputeState.assigned.closing() }
        #expect(throws: DisputeRefusal("该争议已办结")) { try DisputeState.closed.closing() }
    }

    /// 2026-12-04 is a Friday: two working days later is Tuesday the 8th, ten is Friday the 18th.
    @Test func workingDaysSkipWeekends() {
        #expect(day("2026-12-04").adding(workingDays: 2) == day("2026-12-08"))
        #expect(day("2026-12-04").adding(workingDays: 10) == day("2026-12-18"))
        #expect(day("2026-12-05").adding(workingDays: 1) == day("2026-12-07"))
        #expect(day("2026-12-07").adding(workingDays: 0) == day("2026-12-07"))
        #expect(!day("2026-12-06").isWorkingDay)
        #expect(day("2026-12-07").isWorkingDay)
    }

    @Test func eachStepHasItsDayAndLight() {
        let rules = DisputeRules()
        let friday = day("2026-12-04")
        #expect(rules.stepDue(after: .registered, on: friday, handlerDeadline: nil) == day("2026-12-08"))
        #expect(rules.stepDue(after: .assigned, on: friday, handlerDeadline: day("2026-12-31")) == day("2026-12-31"))
        #expect(rules.stepDue(after: .answered, on: friday, handlerDeadline: nil) == day("2026-12-11"))
        #expect(rules.stepDue(after: .closed, on: friday, handlerDeadline: nil) == nil)
        let due = DueRules()
        #expect(rules.timeliness(.assigned, stepDue: day("2026-12-03"), today: friday, rules: due) == .overdue)
        #expect(rules.timeliness(.assigned, stepDue: day("2026-12-11"), today: friday, rules: due) == .dueSoon)
        #expect(rules.timeliness(.assigned, stepDue: day("2026-12-31"), today: friday, rules: due) == .onTime)
        #expect(rules.timeliness(.closed, stepDue: day("2026-12-03"), today: friday, rules: due) == Timeliness.none)
    }

    /// Seed 004: new cases −20 % year on year, mediated withdrawals at least 20 %.
    @Test func theTargetsAreMetAtTheirBounds() {
        let targets = DisputeTargets.standard
        #expect(targets.meetsNewCases(-0.2) == true)
        #expect(targets.meetsNewCases(-0.19) == false)
        #expect(targets.meetsNewCases(nil) == nil)
        #expect(targets.meetsWithdrawals(Rate.of(1, over: 5)) == true)
        #expect(targets.meetsWithdrawals(Rate.of(1, over: 6)) == false)
        #expect(targets.meetsResolution(Rate.of(3, over: 5)) == true)
        #expect(targets.problems.isEmpty)
        let wrong = DisputeTargets(newCasesChange: 0, mediatedWithdrawalRate: 120, resolutionRate: 50, handlingDays: 61)
        #expect(wrong.problems.map(\.field) == ["调解撤诉率目标", "承办期限"])
    }

    @Test func theFiguresRatesAndAverage() {
        let figures = DisputeFigures(
            registered: 12, closed: 9, resolved: 6, mediatedWithdrawals: 2, overdue: 1, closeDays: 100,
            registeredYearBefore: 16)
        #expect(figures.resolutionRate?.percent == "66.7%")
        #expect(figures.averageDays == 11.1)
        #expect(figures.registeredChange == -0.25)
        #expect(DisputeFigures().averageDays == nil)
        #expect(DisputeFigures(registered: 3).registeredChange == nil)
        #expect((figures + figures).registered == 24)
        #expect(yearOnYearChange(4, 5) == -0.2)
    }
}
