import FuyuanCore
import Testing

@Suite struct SuggestionWorkflowTests {
    @Test func theAgencySignsThenRepliesOnce() throws {
        #expect(try SuggestionState.issued.signing() == .signed)
        #expect(try SuggestionState.signed.replying() == .replied)
        #expect(throws: SuggestionRefusal("请先签收该司法建议，再回复")) { try SuggestionState.issued.replying() }
        #expect(throws: SuggestionRefusal("该司法建议已签收，不能重复签收")) { try SuggestionState.signed.signing() }
        #expect(throws: SuggestionRefusal("该司法建议已签收，不能重复签收")) { try SuggestionState.replied.signing() }
        #expect(throws: SuggestionRefusal("该司法建议已回复，不能重复回复")) { try SuggestionState.replied.replying() }
        #expect(SuggestionState.allCases.filter(\.mayEdit) == [.issued, .signed])
    }

    /// Due on 2026-03-10: the first urge from 03-03, the second from the day; a day missed sends the later one only.
    @Test func remindersComeAWeekBeforeAndOnTheDay() throws {
        let due = try #require(CalendarDay(year: 2026, month: 3, day: 10))
        let rules = SuggestionRules()
        func on(_ day: Int, sent: SuggestionRules.Reminder? = nil) -> SuggestionRules.Reminder? {
            rules.reminder(due: due, today: CalendarDay(year: 2026, month: 3, clampingDay: day), sent: sent)
        }
        #expect(on(2) == nil)
        #expect(on(3) == .weekBefore)
        #expect(on(9) == .weekBefore)
        #expect(on(9, sent: .weekBefore) == nil)
        #expect(on(10, sent: .weekBefore) == .dueDay)
        #expect(on(12) == .dueDay)
        #expect(on(12, sent: .dueDay) == nil)
    }

    @Test func lightsAndLatenessReadTheReplyDay() throws {
        let due = try #require(CalendarDay(year: 2026, month: 3, day: 10))
        let rules = SuggestionRules()
        let dueRules = DueRules(dueSoonDays: 7)
        func light(_ day: Int, replied: Int? = nil) -> Timeliness {
            rules.timeliness(
                due: due, repliedOn: replied.map { CalendarDay(year: 2026, month: 3, clampingDay: $0) },
                today: CalendarDay(year: 2026, month: 3, clampingDay: day), rules: dueRules)
        }
        #expect(light(2) == .onTime)
        #expect(light(3) == .dueSoon)
        #expect(light(10) == .dueSoon)
        #expect(light(11) == .overdue)
        #expect(light(20, replied: 12) == .none)
        #expect(rules.isLate(repliedOn: CalendarDay(year: 2026, month: 3, clampingDay: 11), due: due))
        #expect(!rules.isLate(repliedOn: due, due: due))
    }

    @Test func ratesAreOverWhatIsOwed() {
        let figures = SuggestionFigures(issued: 5, due: 4, replied: 3, repliedOnTime: 2, adopted: 2, overdue: 1)
        #expect(figures.replyRate?.percent == "75.0%")
        #expect(figures.onTimeRate?.percent == "50.0%")
        #expect(figures.adoptionRate?.percent == "66.7%")
        #expect(SuggestionFigures().replyRate == nil)
        #expect(
            figures + figures
                == SuggestionFigures(issued: 10, due: 8, replied: 6, repliedOnTime: 4, adopted: 4, overdue: 2))
        #expect(Adoption.allCases.filter(\.isAdopted) == [.full, .partial])
        #expect(Adoption.allCases.filter(\.needsReasons) == [.partial, .none])
    }
}
