import Foundation
import FuyuanCore

extension HomeCard {
    /// A unit's work (to sign for, late, falling due, sent back, extensions decided), the office's (to review,
    /// extensions to decide, late by unit, periodic reports missing, the lower regions), and a leader's progress.
    static let ledger: Source = { context in
        let role = context.caller.role
        var cards: [HomeCard] = []
        if role.may(.handleParts) && context.isOwnRegion { cards += try await unitCards(context) }
        if role.may(.manageLedger) && context.isOwnRegion { cards += try await officeCards(context) }
        if role == .leader || (role.may(.manageLedger) && !context.isOwnRegion) {
            cards.append(try await progress(context))
        }
        return cards
    }

    private static func unitCards(_ context: Context) async throws -> [HomeCard] {
        func mine(_ change: (inout LedgerFilter) -> Void) -> LedgerFilter {
            filter(unit: context.caller.unitID, change)
        }
        return [
            try await items(
                "ledger.toSign", "待签收", empty: "今日无待签收事项", .now, mine { $0.state = .issued }, context,
                note: { "交办于 \(day($0.issuedOn))" }),
            try await items(
                "ledger.late", "逾期未办", empty: "没有逾期事项", .now, mine { $0.timeliness = .overdue }, context,
                note: { late($0.dueOn, context) }),
            try await items(
                "ledger.returned", "被退回", empty: "没有被退回的事项", .now, mine { $0.attention = .returned }, context,
                note: { _ in "请按退回理由办理后重新申请" }),
            try await items(
                "ledger.dueSoon", "临期", empty: "近 \(context.dueRules.dueSoonDays) 日没有到期事项", .soon,
                mine { $0.timeliness = .dueSoon }, context, note: { "时限 \(day($0.dueOn))" }),
            try await items(
                "ledger.extensionDecided", "延期审批结果", empty: "近 \(LedgerFilter.Attention.recentDays) 日没有延期审批结果",
                .soon, mine { $0.attention = .extensionDecided }, context, note: { _ in "请到事项页面查看审批意见" }),
        ]
    }

    private static func officeCards(_ context: Context) async throws -> [HomeCard] {
        func all(_ change: (inout LedgerFilter) -> Void) -> LedgerFilter { filter(unit: nil, change) }
        var cards = [
            try await items(
                "ledger.toReview", "待审核（销号与无相关问题事项）", empty: "没有待审核的申请", .now,
                all { $0.state = .awaitingReview }, context, note: { _ in "单位已申请，待联席办审核" }),
            try await items(
                "ledger.extensionPending", "延期申请待审批", empty: "没有待审批的延期申请", .now,
                all { $0.attention = .extensionPending }, context, note: { "现时限 \(day($0.dueOn))" }),
            try await lateByUnit(context),
            try await items(
                "ledger.periodicMissing", "定期报告未报", empty: "定期报告均已按时报送", .now,
                all {
                    $0.kind = .periodic
                    $0.timeliness = .overdue
                }, context, note: { late($0.dueOn, context) }),
        ]
        let lower = try await LedgerQueries.lowerRegions(
            of: context.region, scope: context.caller.scope, today: context.today, on: context.db)
        if !lower.isEmpty {
            cards.append(
                HomeCard(
                    key: "ledger.lowerRegions", title: "下级区划工作进展", count: lower.count,
                    href: .units(context.regionCode),
                    rows: lower.map {
                        Row(
                            title: $0.name, href: .ledger($0.code),
                            note: "在办 \($0.open) 项 · 逾期 \($0.late) 项 · 本月销号 \($0.closedThisMonth) 项 · 最近报送 "
                                + ($0.latestReport.flatMap(CalendarDay.init(parsing:))?.chinese ?? "无"))
                    }, empty: "没有下级区划", urgency: .overview))
        }
        return cards
    }

    /// The late items, counted as the ledger counts them, with the units late on them, most late first, and how many
    /// more each has falling due; each row is that unit's late items in the ledger.
    private static func lateByUnit(_ context: Context) async throws -> HomeCard {
        let units = try await LedgerQueries.lateUnits(
            region: context.region, today: context.today, rules: context.dueRules, on: context.db)
        var overdue = LedgerFilter()
        overdue.timeliness = .overdue
        return HomeCard(
            key: "ledger.lateByUnit", title: "逾期事项（按单位）", count: units.first?.total ?? 0,
            href: .ledger(context.regionCode, filter: overdue),
            rows: units.filter { $0.late > 0 }.prefix(rowLimit).map { unit in
                var filter = LedgerFilter()
                filter.unit = unit.id
                filter.timeliness = .overdue
                return Row(
                    title: unit.name, href: .ledger(context.regionCode, filter: filter),
                    note: "逾期 \(unit.late) 项 · 临期 \(unit.dueSoon) 项")
            }, empty: "没有逾期事项", urgency: .now)
    }

    /// A leader's view of the region's ledger: issued, finished, in progress and late, in all and by task area, and
    /// the drafts still to be issued (a list handed down from above 待部署).
    private static func progress(_ context: Context) async throws -> HomeCard {
        let areas = try await LedgerQueries.progress(region: context.region, today: context.today, on: context.db)
        func line(_ drafts: Int, _ issued: Int, _ finished: Int, _ late: Int) -> String {
            "已交办 \(issued) 项 · 已办结 \(finished) 项 · 未办结 \(issued - finished) 项 · 逾期 \(late) 项"
                + (drafts > 0 ? " · 待交办 \(drafts) 项" : "")
        }
        let sum = { (field: KeyPath<LedgerQueries.AreaProgress, Int>) in areas.reduce(0) { $0 + $1[keyPath: field] } }
        let total = sum(\.drafts) + sum(\.issued)
        let all = Row(
            title: "全部", href: .ledger(context.regionCode),
            note: line(sum(\.drafts), sum(\.issued), sum(\.finished), sum(\.late)))
        return HomeCard(
            key: "ledger.progress", title: "工作台账进展", count: total, href: .ledger(context.regionCode),
            rows: total == 0
                ? []
                : [all]
                    + areas.map { area in
                        var filter = LedgerFilter()
                        filter.area = area.area
                        return Row(
                            title: area.area.label, href: .ledger(context.regionCode, filter: filter),
                            note: line(area.drafts, area.issued, area.finished, area.late))
                    }, empty: "本区划的工作台账尚无事项", urgency: .overview)
    }

    /// The ledger's filter of a card: the unit's own parts (`unit`) or the whole region's, as `change` sets it.
    private static func filter(unit: UUID?, _ change: (inout LedgerFilter) -> Void) -> LedgerFilter {
        var filter = LedgerFilter()
        filter.unit = unit
        change(&filter)
        return filter
    }

    /// A card of the ledger's items under `filter`: their count and the first few, soonest due first.
    private static func items(
        _ key: String, _ title: String, empty: String, _ urgency: Urgency, _ filter: LedgerFilter, _ context: Context,
        note: (LedgerQueries.CardItem) -> String
    ) async throws -> HomeCard {
        let found = try await LedgerQueries.card(
            region: context.region, filter: filter, today: context.today, rules: context.dueRules, limit: rowLimit,
            on: context.db)
        return HomeCard(
            key: key, title: title, count: found.total, href: .ledger(context.regionCode, filter: filter),
            rows: found.items.map { Row(title: $0.title, href: .item($0.id), note: note($0)) }, empty: empty,
            urgency: urgency)
    }

    private static func late(_ dueOn: String?, _ context: Context) -> String {
        guard let due = dueOn.flatMap(CalendarDay.init(parsing:)) else { return "时限 —" }
        return "时限 \(due.chinese)，已逾期 \(due.days(until: context.today)) 天"
    }
}
