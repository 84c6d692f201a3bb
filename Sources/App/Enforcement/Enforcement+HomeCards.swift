import Foundation
import FuyuanCore

extension HomeCard {
    /// The organs with cases still open in a clean-up campaign past its day (in the region and below): for the
    /// office that urges them, the court that enforces, and leaders. Shown only when there are some.
    static let enforcement: Source = { context in
        let role = context.caller.role
        guard role.may(.readLitigation), role != .liaison else { return [] }
        let late = try await EnforcementFiguresQueries.late(
            region: context.region, scope: context.caller.scope, today: context.today, on: context.db)
        guard late.open > 0 else { return [] }
        let href = SitePath.enforcementFigures(context.regionCode)
        return [
            HomeCard(
                key: "enforcement.late", title: "专项清理逾期未清零", count: late.open, href: href,
                rows: late.rows.prefix(rowLimit).map {
                    Row(
                        title: "\($0.organName)：\($0.open) 件未履行", href: href,
                        note: "\($0.campaignName)，\(HomeCard.day($0.targetOn))前清零"
                            + ($0.outstandingFen > 0 ? "，未履行 \(Money.yuan($0.outstandingFen)) 元" : ""))
                }, empty: "没有逾期未清零的执行案件",
                urgency: role == .office ? .now : role == .court ? .soon : .overview)
        ]
    }
}
