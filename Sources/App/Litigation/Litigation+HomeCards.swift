import Foundation
import FuyuanCore

extension HomeCard {
    /// For court staff, the cases to attend to (hearings soon, heads absent, over six months, judged with no hearing
    /// entered: the import refuses a file with any problem whole, so what is stored and still wants the clerk is
    /// what the rules let through); for court staff
    /// and leaders, the units under warning; for leaders, this year's figures against a year before, with the regions
    /// below side by side — the dashboard's own figures (`LitigationQueries`).
    static let litigation: Source = { context in
        let role = context.caller.role
        guard role.may(.readLitigation) else { return [] }
        var cards: [HomeCard] = []
        let period = DayRange(from: CalendarDay(year: context.today.year, month: 1, clampingDay: 1), to: context.today)
        if role == .court {
            cards += [
                try await cases(
                    "litigation.hearingSoon", .hearingSoon, empty: "\(CaseQueries.hearingWindow) 日内没有开庭", .soon,
                    context, note: { "\($0.unitName) · 开庭 \(day($0.nextHearing))" }),
                try await cases(
                    "litigation.headAbsent", .headAbsent, empty: "近期开庭负责人均已出庭", .now, context,
                    note: { "\($0.unitName) · \(day($0.lastHearing)) 开庭，负责人未出庭，请核实出庭情况" }),
                try await cases(
                    "litigation.overTime", .overTime, empty: "没有超过六个月未结的案件", .now, context,
                    note: { "\($0.unitName) · 立案 \(day($0.filedOn))" }),
                try await cases(
                    "litigation.unheard", .unheard, empty: "已判决案件的开庭情况均已录入", .now, context,
                    note: { "\($0.unitName) · \(day($0.concludedOn)) 结案，请补录开庭与出庭情况" }),
            ]
        }
        if role == .court || role == .leader {
            cards.append(try await warnings(context, period: period))
        }
        if role == .leader { cards.append(try await figures(context, period: period)) }
        return cards
    }

    private static func cases(
        _ key: String, _ state: CaseQueries.State, empty: String, _ urgency: Urgency, _ context: Context,
        note: (CaseQueries.CardCase) -> String
    ) async throws -> HomeCard {
        let found = try await CaseQueries.card(
            region: context.region, scope: context.caller.scope, state: state, today: context.today, limit: rowLimit,
            on: context.db)
        return HomeCard(
            key: key, title: state.label, count: found.total, href: .cases(context.regionCode, state: state),
            rows: found.cases.map { Row(title: $0.number, href: .adminCase($0.id), note: note($0)) }, empty: empty,
            urgency: urgency)
    }

    /// The units whose figures this year raise a warning, the most alarming first.
    private static func warnings(_ context: Context, period: DayRange) async throws -> HomeCard {
        let byUnit = try await LitigationQueries.figures(
            region: context.region, unit: nil, period: period, breakdown: .unit, on: context.db)
        let raised = byUnit.rows.map { ($0, context.warnings.level($0.figures)) }.filter { $0.1 != .none }
            .sorted { $0.1 > $1.1 }
        return HomeCard(
            key: "litigation.warnings", title: "行政诉讼预警", count: raised.count,
            href: .litigationAllUnits(context.regionCode),
            rows: raised.prefix(rowLimit).map { row, level in
                Row(
                    title: row.label, href: .litigationAllUnits(context.regionCode),
                    note:
                        "\(level.label) · 败诉率 \(Rate.text(row.figures.lossRate)) · 负责人出庭率 \(Rate.text(row.figures.appearanceRate))"
                )
            }, empty: "本年度没有单位触发预警", urgency: .now)
    }

    /// This year's caseload, loss rate and appearance rate against the same days a year before, and each region below.
    private static func figures(_ context: Context, period: DayRange) async throws -> HomeCard {
        let total = try await LitigationQueries.figures(
            region: context.region, unit: nil, period: period, breakdown: nil, on: context.db)
        let lower = try await OrgQueries.lowerRegions(of: context.region, scope: context.caller.scope, on: context.db)
        let lowerFigures =
            lower.isEmpty
            ? [] : try await LitigationQueries.lowerRegions(of: context.region, lower, period: period, on: context.db)
        let (now, before) = (total.current, total.previous)
        var rows = [
            Row(
                title: "发案量（一审新收）", href: .litigation(context.regionCode),
                note: "\(now.caseload) 件（上年同期 \(before.caseload) 件）"),
            Row(
                title: "败诉率", href: .litigation(context.regionCode),
                note: "\(Rate.text(now.lossRate))（上年同期 \(Rate.text(before.lossRate))）"),
            Row(
                title: "负责人出庭率", href: .litigation(context.regionCode),
                note: "\(Rate.text(now.appearanceRate))（上年同期 \(Rate.text(before.appearanceRate))）"),
        ]
        if total.doubleDecline {
            rows.append(Row(title: "双下降", href: .litigation(context.regionCode), note: "发案量与败诉率同比双下降"))
        }
        rows += lowerFigures.map {
            Row(
                title: $0.name, href: .litigation($0.code),
                note:
                    "发案量 \($0.figures.caseload) 件 · 败诉率 \(Rate.text($0.figures.lossRate)) · 出庭率 \(Rate.text($0.figures.appearanceRate))"
            )
        }
        return HomeCard(
            key: "litigation.figures", title: "行政诉讼（\(context.today.year)年至今）", count: now.caseload,
            href: .litigation(context.regionCode), rows: rows, empty: "", urgency: .overview)
    }
}
