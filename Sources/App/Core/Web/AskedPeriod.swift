import FuyuanCore
import Vapor

/// The period a figures page or API call asks for with `from` and `to`: by default this year to today.
enum AskedPeriod {
    /// For a page: a day that does not parse is left out.
    static func page(_ request: Request) -> (DayRange, today: CalendarDay) {
        let today = CalendarDay(containing: request.now)
        return (
            period(
                from: (try? request.query.get(String.self, at: "from")).flatMap(CalendarDay.init(parsing:)),
                to: (try? request.query.get(String.self, at: "to")).flatMap(CalendarDay.init(parsing:)), today: today),
            today
        )
    }

    /// For the API: a day that does not parse is refused (422, naming the parameter).
    static func api(_ request: Request) throws -> (DayRange, today: CalendarDay) {
        struct Query: Content {
            var from: String?
            var to: String?
        }
        let query = try request.query.decode(Query.self)
        func day(_ text: String?, _ name: String) throws -> CalendarDay? {
            guard let text else { return nil }
            guard let day = CalendarDay(parsing: text) else { throw AppError.invalid("\(name)：须为日期，如 2026-01-01") }
            return day
        }
        let today = CalendarDay(containing: request.now)
        return (period(from: try day(query.from, "from"), to: try day(query.to, "to"), today: today), today)
    }

    /// From `from` (the year's first day when nil) to `to` (today when nil), in order.
    static func period(from: CalendarDay?, to: CalendarDay?, today: CalendarDay) -> DayRange {
        let from = from ?? CalendarDay(year: today.year, month: 1, clampingDay: 1)
        let to = to ?? today
        return DayRange(from: min(from, to), to: max(from, to))
    }
}
