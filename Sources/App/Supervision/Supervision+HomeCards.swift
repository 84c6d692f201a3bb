import Foundation
import FuyuanCore

extension HomeCard {
    /// Supervision awaiting the caller's unit's response; for a leader, what the office issued this quarter.
    static let supervision: Source = { context in
        let role = context.caller.role
        var cards: [HomeCard] = []
        if role.may(.handleParts) && context.isOwnRegion {
            let open = try await SupervisionQueries.awaiting(
                unit: context.caller.unitID, limit: rowLimit, on: context.db)
            cards.append(
                HomeCard(
                    key: "supervision.toAnswer", title: "待回复的督办", count: open.total,
                    href: .supervision(context.regionCode),
                    rows: open.rows.map {
                        Row(
                            title: "\($0.reference)：\($0.text)", href: .supervision(context.regionCode),
                            note: "请于 \(CalendarDay(parsing: $0.respondBy)?.chinese ?? $0.respondBy) 前回复")
                    }, empty: "没有待回复的督办", urgency: .now))
        }
        if role == .leader {
            let quarter = ReportingPeriod.quarter.span(containing: context.today)
            let issued = try await SupervisionQueries.issued(
                region: context.regionID, from: quarter.start, limit: rowLimit, on: context.db)
            cards.append(
                HomeCard(
                    key: "supervision.quarter", title: "本季度督办", count: issued.total,
                    href: .supervision(context.regionCode),
                    rows: issued.rows.map {
                        Row(
                            title: "\($0.reference)：\($0.text)", href: .supervision(context.regionCode),
                            note: "\($0.answered)/\($0.targets) 个单位已回复")
                    }, empty: "\(quarter.label)尚未发出督办", urgency: .overview))
        }
        return cards
    }
}
