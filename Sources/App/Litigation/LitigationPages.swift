import Fluent
import FuyuanCore
import Vapor

/// The region dashboard and the quarterly appearance bulletin; figures come from `LitigationQueries`.
struct LitigationPages {
    func dashboard(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let today = CalendarDay(containing: request.now)
        let from =
            (try? request.query.get(String.self, at: "from")).flatMap(CalendarDay.init(parsing:))
            ?? CalendarDay(year: today.year, month: 1, clampingDay: 1)
        let to = (try? request.query.get(String.self, at: "to")).flatMap(CalendarDay.init(parsing:)) ?? today
        let period = DayRange(from: min(from, to), to: max(from, to))
        let byUnit = try await LitigationQueries.figures(
            region: region, unit: nil, period: period, breakdown: .unit, on: request.db)
        let chart = try await LitigationQueries.chart(region: region, period: period, on: request.db)
        let lower = try await OrgQueries.lowerRegions(of: region, scope: caller.scope, on: request.db)
        let lowerRows =
            lower.isEmpty
            ? [] : try await LitigationQueries.lowerRegions(of: region, lower, period: period, on: request.db)
        let model = DashboardView.Model(
            regionCode: region.code, regionName: region.name, period: period, result: byUnit, chart: chart,
            thresholds: request.application.config.warnings,
            canSupervise: caller.role.may(.manageLedger) && caller.regionID == region.id,
            lower: lowerRows, presets: DashboardView.presets(today: today),
            allUnits: (try? request.query.get(String.self, at: "units")) == "all")
        return DashboardView.render(model, shell: try await request.shell(regionCode: region.code))
    }

    /// Turns a unit's warning into an urge (催办) in the ledger's supervision, with the figures that raised it.
    func superviseWarning(_ request: Request) async throws -> Response {
        struct Form: Content {
            var unitID: UUID
            var from: String
            var to: String
        }
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let form = try request.content.decode(Form.self)
        guard let from = CalendarDay(parsing: form.from), let to = CalendarDay(parsing: form.to) else {
            throw AppError.invalid("统计期间：日期无效")
        }
        let unit = try await caller.scope.unit(id: form.unitID, on: request.db)
        let period = DayRange(from: from, to: to)
        let figures = try await LitigationQueries.figures(
            region: region, unit: unit.requireID(), period: period, breakdown: nil, on: request.db
        ).current
        let level = request.application.config.warnings.level(figures)
        guard level != .none else { throw AppError.invalid("\(unit.name)在该期间没有预警") }
        let text =
            "行政诉讼\(level.label)：\(period.from.chinese)至\(period.to.chinese)，\(unit.name)结案 \(figures.concluded) 件、败诉 \(figures.losses) 件，"
            + "败诉率 \(Rate.text(figures.lossRate))，负责人出庭率 \(Rate.text(figures.appearanceRate))。请分析原因，报告整改措施。"
        _ = try await SupervisionStore.issue(
            .init(
                kind: .urge, tone: nil, unitIDs: [unit.requireID()], itemID: nil, text: text,
                respondBy: CalendarDay(containing: request.now).adding(days: 14).description),
            region: region, as: try request.acting())
        return request.redirect(to: SitePath.supervision(region.code).url)
    }

    func bulletin(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let today = CalendarDay(containing: request.now)
        let year = (try? request.query.get(Int.self, at: "year")) ?? today.year
        let quarter = min(4, max(1, (try? request.query.get(Int.self, at: "quarter")) ?? ((today.month - 1) / 3 + 1)))
        let span = ReportingPeriod.quarter.span(
            containing: CalendarDay(year: year, month: quarter * 3, day: 1) ?? today)
        let period = DayRange(from: span.start, to: span.end)
        let result = try await LitigationQueries.figures(
            region: region, unit: nil, period: period, breakdown: .unit, on: request.db)
        let model = BulletinView.Model(
            regionCode: region.code, regionName: region.name, label: span.label, year: year, quarter: quarter,
            rows: result.rows.filter { $0.figures.heard > 0 }.sorted { $0.label < $1.label }, total: result.current)
        return BulletinView.render(model, shell: try await request.shell(regionCode: region.code))
    }
}
