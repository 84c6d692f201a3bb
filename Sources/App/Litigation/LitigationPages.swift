import Fluent
import FuyuanCore
import Vapor

/// The region dashboard and the quarterly appearance bulletin; figures come from `LitigationQueries`.
struct LitigationPages {
    func dashboard(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let today = CalendarDay(containing: request.now)
        let from =
            (try? request.query.get(String.self, at: "from")).flatMap(CalendarDay.init(parsing:)) ?? CalendarDay(
                year: today.year, month: 1, day: 1)!
        let to = (try? request.query.get(String.self, at: "to")).flatMap(CalendarDay.init(parsing:)) ?? today
        let period = DayRange(from: min(from, to), to: max(from, to))
        let byUnit = try await LitigationQueries.figures(
            region: region, unit: nil, period: period, breakdown: .unit, on: request.db)
        let byMonth = try await LitigationQueries.figures(
            region: region, unit: nil, period: period, breakdown: .month, on: request.db)
        let lower = try await OrgQueries.lowerRegions(of: region, scope: caller.scope, on: request.db)
        var lowerRows: [(String, String, LitigationFigures)] = []
        for child in lower {
            let result = try await LitigationQueries.figures(
                region: child, unit: nil, period: period, breakdown: nil, on: request.db)
            lowerRows.append((child.code, child.name, result.current))
        }
        let model = DashboardView.Model(
            regionCode: region.code, regionName: region.name, period: period, result: byUnit, months: byMonth.rows,
            lower: lowerRows, presets: DashboardView.presets(today: today))
        return DashboardView.render(model, shell: try await request.shell(regionCode: region.code))
    }

    func bulletin(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLedger)
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
