import Foundation
import FuyuanCore
import Testing

struct CalendarDayTests {
    @Test(arguments: ["2023-07-24", "2023/7/24", "2023年7月24日", "2023年7月24", " ２０２３-０７-２４ "])
    func readsTheUsualForms(_ text: String) throws {
        let day = try #require(CalendarDay(parsing: text))
        #expect(day.description == "2023-07-24")
        #expect(day.chinese == "2023年7月24日")
    }

    @Test(arguments: [
        "2023-02-29", "2023-13-01", "23-07-24", "2023-07", "", "二〇二三年七月", "2023-07-24-01", "1900-02-29",
        "2100-02-29", "2023-04-31", "2023-00-10", "2023-07-00", "2023-1a-01", "2023-07-+1", "1899-12-31",
    ])
    func refusesWhatIsNotADate(_ text: String) {
        #expect(CalendarDay(parsing: text) == nil)
    }

    @Test func leapDayExists() {
        #expect(CalendarDay(parsing: "2024-02-29") != nil)
        #expect(CalendarDay(parsing: "2000-02-29") != nil)
    }

    /// The month lengths worked out by hand are Foundation's Gregorian calendar's, over every supported year.
    @Test func monthLengthsAreGregorian() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        for year in 1900...2999 {
            for month in 1...12 {
                let first = try #require(calendar.date(from: DateComponents(year: year, month: month, day: 1)))
                let length = try #require(calendar.range(of: .day, in: .month, for: first)).count
                #expect(CalendarDay(year: year, month: month, day: length) != nil, "\(year)-\(month)")
                #expect(CalendarDay(year: year, month: month, day: length + 1) == nil, "\(year)-\(month)")
            }
        }
    }

    @Test func dayBoundariesAreShanghai() throws {
        // 2021-10-31 16:00 UTC is already 1 November in Shanghai.
        let instant = try #require(ISO8601DateFormatter().date(from: "2021-10-31T16:00:00Z"))
        #expect(CalendarDay(containing: instant).description == "2021-11-01")
        #expect(CalendarDay(containing: instant.addingTimeInterval(-1)).description == "2021-10-31")
        #expect(try #require(CalendarDay(parsing: "2021-11-01")).start == instant)
    }

    @Test func ordersByDate() throws {
        let a = try #require(CalendarDay(parsing: "2021-10-31"))
        let b = try #require(CalendarDay(parsing: "2021-11-01"))
        #expect(a < b)
    }

    @Test func codableAsText() throws {
        let day = try #require(CalendarDay(parsing: "2021年9月16日"))
        let data = try JSONEncoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2021-09-16\"]")
        #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data("[\"2021-02-30\"]".utf8))
        }
    }

    @Test func minutesShowInShanghai() throws {
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-11-23T04:04:00Z"))
        #expect(ChineseTime.minute(instant) == "2026年11月23日 12:04")
    }
}

struct RegionCodeTests {
    @Test(arguments: [
        ("410000", RegionLevel.province), ("410400", .city), ("410423", .county), ("410482", .county),
        ("411322", .county), ("410423100", .township),
    ])
    func levelFollowsTheCode(_ code: String, _ level: RegionLevel) throws {
        #expect(try #require(RegionCode(code)).level == level)
    }

    @Test(arguments: ["41042", "4104230", "41o423", "000000", "410423000", ""])
    func refusesMalformedCodes(_ code: String) {
        #expect(RegionCode(code) == nil)
        #expect(RegionCode.problem(code) != nil)
    }
}
