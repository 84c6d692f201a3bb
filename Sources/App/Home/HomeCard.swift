import Fluent
import FuyuanCore
import Vapor

/// A card of the home page, given by a feature (`Feature.homeCards`): how many things wait for the caller, the first
/// few of them, and the list behind them, whose filters are in `href` so that the list shows the same count.
struct HomeCard: Sendable {
    struct Row: Sendable, Equatable {
        let title: String
        let href: SitePath
        let note: String
    }

    /// How soon the card asks for the caller: the home page lists the cards by it, then in the order of the features.
    enum Urgency: Int, Sendable {
        /// Late, or waiting on the caller to act (sign for, review, decide).
        case now
        /// Falling due, or answered and to be read.
        case soon
        /// Figures and progress to know.
        case overview
    }

    /// Stable and namespaced by the feature (`ledger.toSign`): the API's clients and the browser tests find it by it.
    let key: String
    let title: String
    let count: Int
    let href: SitePath
    /// The first few of what is counted (`rowLimit`); for a figures card, one row per figure.
    let rows: [Row]
    /// What the card says when `count` is 0 (今日无待签收事项).
    let empty: String
    let urgency: Urgency

    /// The most rows a card lists; the rest are behind its link.
    static let rowLimit = 5

    /// What a feature's cards are made for: who is looking at which region, on what day.
    struct Context: Sendable {
        let caller: Caller
        let region: Region
        let regionID: UUID
        let now: Date
        let dueRules: DueRules
        let warnings: WarningThresholds
        let db: any Database

        init(
            caller: Caller, region: Region, now: Date, dueRules: DueRules, warnings: WarningThresholds,
            db: any Database
        ) throws {
            (self.caller, self.region, self.regionID) = (caller, region, try region.requireID())
            (self.now, self.dueRules, self.warnings, self.db) = (now, dueRules, warnings, db)
        }

        /// The day of `now` in Asia/Shanghai.
        var today: CalendarDay { CalendarDay(containing: now) }
        var regionCode: String { region.code }
        /// The caller works in this region: a liaison's, a clerk's and an office's own cards are for it alone.
        var isOwnRegion: Bool { caller.regionID == regionID }
    }

    /// A `YYYY-MM-DD` day as a card's note says it (2024年3月1日), or — when there is none.
    static func day(_ text: String?) -> String {
        text.flatMap(CalendarDay.init(parsing:))?.chinese ?? "—"
    }

    /// A feature's cards for `context`: at most one query each.
    typealias Source = @Sendable (_ context: Context) async throws -> [HomeCard]
}
