import Foundation
import FuyuanCore

extension HomeCard {
    /// For an agency's people, the suggestions it has still to answer; for the court, the office and leaders, the
    /// replies past their day in the region (and below). Neither card shows when there is nothing in it: most units
    /// receive a suggestion or two a year.
    static let suggestions: Source = { context in
        let role = context.caller.role
        var cards: [HomeCard] = []
        if role.may(.handleParts) && context.isOwnRegion {
            let open = try await SuggestionQueries.awaitingReply(
                agency: context.caller.unitID, limit: rowLimit, on: context.db)
            if open.total > 0 {
                cards.append(
                    HomeCard(
                        key: "suggestions.toAnswer", title: "待回复的司法建议", count: open.total,
                        href: .suggestions(
                            context.regionCode, filter: .init(agency: context.caller.unitID, order: .due)),
                        rows: open.rows.map {
                            Row(
                                title:
                                    "\($0.reference.isEmpty ? "司法建议" : $0.reference)：\(Layout.excerpt($0.problem))",
                                href: .suggestion($0.id), note: "请于 \(HomeCard.day($0.replyDue)) 前回复")
                        }, empty: "没有待回复的司法建议", urgency: .now))
            }
        }
        if role != .liaison && role.may(.readLitigation) {
            let overdue = try await SuggestionQueries.overdue(
                region: context.region, scope: context.caller.scope, today: context.today, limit: rowLimit,
                on: context.db)
            if overdue.total > 0 {
                cards.append(
                    HomeCard(
                        key: "suggestions.overdue", title: "逾期未回复的司法建议", count: overdue.total,
                        href: .suggestions(context.regionCode, filter: .init(state: .overdue, order: .due)),
                        rows: overdue.rows.map {
                            Row(
                                title:
                                    "\($0.agencyName)：\($0.reference.isEmpty ? Layout.excerpt($0.problem) : $0.reference)",
                                href: .suggestion($0.id), note: "回复期限 \(HomeCard.day($0.replyDue))")
                        }, empty: "没有逾期未回复的司法建议", urgency: role == .court ? .soon : .overview))
            }
        }
        return cards
    }
}
