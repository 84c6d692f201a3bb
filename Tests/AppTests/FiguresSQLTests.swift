import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The database's figures (`FiguresSQL`) against the definition (`LitigationFigures.of`, whose own tests are hand
/// computed), on some 5 000 generated cases: totals, the year before, by unit, by month and by lower region.
@Suite struct FiguresSQLTests {
    @Test func theDatabaseCountsWhatTheDefinitionCounts() async throws {
        try await withTestApp(demo: false) { app in
            _ = try await Generator.run(app, options: GeneratorTests.options) { _ in }
            let regions = try await Region.query(on: app.db).all()
            let pathOf = Dictionary(uniqueKeysWithValues: regions.map { ($0.id!, $0.path) })
            let hearings = Dictionary(grouping: try await Hearing.query(on: app.db).all(), by: { $0.$adminCase.id })
            let cases = try await AdminCase.query(on: app.db).all().map { item in
                (
                    item: item, path: pathOf[item.$region.id]!,
                    facts: CaseFacts(
                        filed: CalendarDay(parsing: item.filedOn)!,
                        concluded: item.concludedOn.flatMap(CalendarDay.init(parsing:)), procedure: item.procedure,
                        outcome: item.outcome,
                        hearings: (hearings[item.id!] ?? []).map {
                            .init(
                                day: CalendarDay(parsing: $0.heldOn)!, headAppeared: $0.headAppeared,
                                principal: $0.principal, spoke: $0.spoke)
                        })
                )
            }
            let periods = [
                DayRange(from: CalendarDay(parsing: "2026-01-01")!, to: CalendarDay(parsing: "2026-11-23")!),
                DayRange(from: CalendarDay(parsing: "2024-03-15")!, to: CalendarDay(parsing: "2024-09-30")!),
            ]
            for region in regions {
                let inScope = cases.filter { $0.path == region.path || $0.path.hasPrefix(region.path + "/") }
                for period in periods {
                    let result = try await LitigationQueries.figures(
                        region: region, unit: nil, period: period, breakdown: .unit, on: app.db)
                    #expect(result.current == LitigationFigures.of(inScope.map(\.facts), in: period))
                    #expect(result.previous == LitigationFigures.of(inScope.map(\.facts), in: period.yearBefore))
                    #expect(result.current.received > 100 && result.current.heard > 50)
                    let byUnit = Dictionary(grouping: inScope, by: { $0.item.$defendant.id.uuidString })
                    let shown = byUnit.values.map { LitigationFigures.of($0.map(\.facts), in: period) }
                        .filter { $0.received > 0 || $0.heard > 0 }
                    #expect(result.rows.count == shown.count)
                    for row in result.rows {
                        #expect(row.figures == LitigationFigures.of(byUnit[row.key]!.map(\.facts), in: period))
                    }
                }
                let months = try await LitigationQueries.months(
                    regionPath: region.path, unit: nil, period: periods[1], on: app.db)
                // The dashboard's chart counts what the months' figures count; by unit and by action type the totals
                // are the groups' sums.
                let chart = try await LitigationQueries.chart(region: region, period: periods[1], on: app.db)
                #expect(chart.map(\.key) == months.map(\.key))
                #expect(chart.map(\.new) == months.map(\.figures.new))
                #expect(chart.map(\.losses) == months.map(\.figures.losses))
                #expect(chart.map(\.new).reduce(0, +) > 20 && chart.map(\.losses).reduce(0, +) > 2)
                let byUnit = try await LitigationQueries.figures(
                    region: region, unit: nil, period: periods[1], breakdown: .unit, on: app.db)
                let byAction = try await LitigationQueries.figures(
                    region: region, unit: nil, period: periods[1], breakdown: .actionType, on: app.db)
                #expect(byUnit.current == LitigationFigures.of(inScope.map(\.facts), in: periods[1]))
                #expect((byAction.current, byAction.previous) == (byUnit.current, byUnit.previous))
                let byActionType = Dictionary(grouping: inScope, by: { $0.item.actionType.rawValue })
                for row in byAction.rows {
                    #expect(row.figures == LitigationFigures.of(byActionType[row.key]!.map(\.facts), in: periods[1]))
                }
                #expect(
                    months.map(\.key) == ["2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"])
                #expect(
                    months[0].figures
                        == LitigationFigures.of(
                            inScope.map(\.facts),
                            in: DayRange(
                                from: CalendarDay(parsing: "2024-03-15")!, to: CalendarDay(parsing: "2024-03-31")!)))
                #expect(
                    months[3].figures
                        == LitigationFigures.of(
                            inScope.map(\.facts),
                            in: DayRange(
                                from: CalendarDay(parsing: "2024-06-01")!, to: CalendarDay(parsing: "2024-06-30")!)))
            }
            let province = regions.first { $0.code == "410000" }!
            let city = regions.first { $0.code == "410400" }!
            let lower = try await LitigationQueries.lowerRegions(of: province, [city], period: periods[0], on: app.db)
            let inCity = cases.filter { $0.path.hasPrefix(city.path) }.map(\.facts)
            #expect(lower.map(\.code) == ["410400"])
            #expect(lower[0].figures == LitigationFigures.of(inCity, in: periods[0]))
            #expect(
                lower[0].figures.received
                    < (try await LitigationQueries.figures(
                        region: province, unit: nil, period: periods[0], breakdown: nil, on: app.db)).current.received)
        }
    }
}
