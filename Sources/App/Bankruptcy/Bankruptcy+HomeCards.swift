import Foundation
import FuyuanCore

extension HomeCard {
    /// The bankruptcy matters past their deadline in the region (and below): for the court that listed them, the
    /// office that supervises the ledger, and leaders. Shown only when there are some.
    static let bankruptcy: Source = { context in
        let role = context.caller.role
        guard role.may(.readLitigation), role != .liaison else { return [] }
        let late = try await BankruptcyQueries.lateMatters(
            region: context.region, scope: context.caller.scope, today: context.today, limit: rowLimit,
            on: context.db)
        guard late.total > 0 else { return [] }
        return [
            HomeCard(
                key: "bankruptcy.late", title: "逾期的破产协调事项", count: late.total,
                href: .bankruptcy(context.regionCode, filter: .init(progress: .late)),
                rows: late.rows.map {
                    Row(
                        title: "\($0.debtor)破产案：\($0.kind.label)", href: .bankruptcyCase($0.caseID),
                        note: "\($0.unitName)，时限 \(HomeCard.day($0.nextDueOn))")
                }, empty: "没有逾期的破产协调事项",
                urgency: role.may(.coordinateBankruptcy) && context.isOwnRegion ? .now : .overview)
        ]
    }
}
