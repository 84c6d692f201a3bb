import FuyuanCore
import Testing

@Suite struct BankruptcyRulesTests {
    let accepted = CalendarDay(year: 2025, month: 11, day: 20)!
    let today = CalendarDay(year: 2026, month: 3, day: 1)!

    var running: BankruptcyCaseState { BankruptcyCaseState(stage: .meeting, acceptedOn: accepted, concludedOn: nil) }

    /// 2025-11-20 → 2026-03-01: 10 + 31 + 31 + 28 + 1 = 101 days; concluded on 2026-01-31, 72.
    @Test func daysRunCountFromAcceptanceToTheEndOrToday() {
        #expect(running.daysRun(today: today) == 101)
        let ended = BankruptcyCaseState(
            stage: .concluded, acceptedOn: accepted, concludedOn: CalendarDay(year: 2026, month: 1, day: 31))
        #expect(ended.daysRun(today: today) == 72)
    }

    @Test func theStageMovesButOnlyConcludingEndsIt() throws {
        #expect(try running.moving(to: .plan) == .plan)
        #expect(throws: BankruptcyRefusal("程序阶段：终结请用“终结程序”，须各协调事项办结", isInput: true)) {
            try running.moving(to: .concluded)
        }
        let ended = BankruptcyCaseState(stage: .concluded, acceptedOn: accepted, concludedOn: today)
        #expect(throws: BankruptcyRefusal("破产案件已终结，不能再修改")) { try ended.moving(to: .claims) }
    }

    @Test func aMatterIsListedWhileTheCaseRunsAndNotDueInThePast() throws {
        try running.listing(deadline: today, today: today)
        #expect(throws: BankruptcyRefusal("办理时限：不能早于今天", isInput: true)) {
            try running.listing(deadline: today.adding(days: -1), today: today)
        }
        let ended = BankruptcyCaseState(stage: .concluded, acceptedOn: accepted, concludedOn: today)
        #expect(throws: BankruptcyRefusal("破产案件已终结，不能再列出协调事项")) {
            try ended.listing(deadline: today, today: today)
        }
    }

    @Test func theCaseConcludesOnceNoMatterIsOpen() throws {
        #expect(throws: BankruptcyRefusal("尚有 2 项协调事项未办结，办结或确认不适用后才能终结程序")) {
            try running.concluding(on: today, openMatters: 2, today: today)
        }
        #expect(throws: BankruptcyRefusal("终结日期：不能早于受理日期 2025-11-20", isInput: true)) {
            try running.concluding(on: accepted.adding(days: -1), openMatters: 0, today: today)
        }
        #expect(throws: BankruptcyRefusal("终结日期：不能晚于今天", isInput: true)) {
            try running.concluding(on: today.adding(days: 1), openMatters: 0, today: today)
        }
        let ended = try running.concluding(
            on: CalendarDay(year: 2026, month: 1, day: 31)!, openMatters: 0, today: today)
        #expect(
            ended
                == BankruptcyCaseState(
                    stage: .concluded, acceptedOn: accepted, concludedOn: CalendarDay(year: 2026, month: 1, day: 31)))
        #expect(throws: BankruptcyRefusal("破产案件已终结")) { try ended.concluding(on: today, openMatters: 0, today: today) }
    }
}
