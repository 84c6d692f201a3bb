import Fluent
import FuyuanCore

/// A card on a region's home page, given by a feature (`Feature.homeCards`): a title, the rows that need the
/// caller, and a link to the list behind them. A card with no rows is not shown.
struct HomeCard: Sendable {
    struct Row: Sendable {
        let lead: String
        let text: String
    }

    /// The card's element id, for links and browser tests.
    let id: String
    let title: String
    let rows: [Row]
    let linkLabel: String
    let link: SitePath

    /// What a feature's cards are made for: who is looking at which region, on what day.
    struct Context: Sendable {
        let caller: Caller
        let regionID: UUID
        let regionCode: String
        let today: CalendarDay
        let db: any Database
    }

    /// A feature's cards for `context`.
    typealias Source = @Sendable (_ context: Context) async throws -> [HomeCard]
}
