import Fluent
import FuyuanCore
import Vapor

/// A region's home for one caller: every feature's cards, the most urgent first, those with nothing in them last.
struct Home: Sendable {
    let region: Region
    let parent: (code: String, name: String)?
    let cards: [HomeCard]

    /// The home of `regionCode` (in the caller's scope) for `caller` at `now`. Every role has one: the features give
    /// each only the cards of its own work.
    static func load(
        regionCode: String, caller: Caller, now: Date, features: [Feature], dueRules: DueRules,
        warnings: WarningThresholds, on db: any Database
    ) async throws -> Home {
        let region = try await caller.scope.region(code: regionCode, on: db)
        let context = try HomeCard.Context(
            caller: caller, region: region, now: now, dueRules: dueRules, warnings: warnings, db: db)
        var cards: [HomeCard] = []
        for source in features.compactMap(\.homeCards) { cards += try await source(context) }
        let ordered = cards.enumerated().sorted {
            ($0.element.isEmpty ? 1 : 0, $0.element.urgency.rawValue, $0.offset)
                < ($1.element.isEmpty ? 1 : 0, $1.element.urgency.rawValue, $1.offset)
        }
        var parent: (code: String, name: String)?
        if let parentID = region.$parent.id,
            let upper = try await caller.scope.regions(on: db).filter(\.$id == parentID).first()
        {
            parent = (upper.code, upper.name)
        }
        return Home(region: region, parent: parent, cards: ordered.map(\.element))
    }
}

extension HomeCard {
    /// Nothing to count and nothing to show: the card says so in one line.
    var isEmpty: Bool { count == 0 && rows.isEmpty }
}
