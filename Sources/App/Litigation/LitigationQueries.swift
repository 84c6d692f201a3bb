import Fluent
import FuyuanCore
import Vapor

/// The figures of a region with its lower regions, for a period and the same period a year before, with breakdowns.
/// Every page, export and API answer takes its figures from here, and here from `FiguresSQL`.
enum LitigationQueries {
    enum Breakdown: String, Codable, CaseIterable, Sendable {
        case unit, actionType, cause, month
    }

    struct Row {
        let key: String
        let label: String
        let figures: LitigationFigures
    }

    struct Result {
        let current: LitigationFigures
        let previous: LitigationFigures
        let rows: [Row]

        var doubleDecline: Bool { LitigationFigures.doubleDecline(current: current, previous: previous) }
    }

    static func figures(region: Region, unit: UUID?, period: DayRange, breakdown: Breakdown?, on db: any Database)
        async throws -> Result
    {
        let totals = try await FiguresSQL.count(
            regionPath: region.path, unit: unit, periods: [period, period.yearBefore], key: .none, on: db
        ).first?.figures
        var rows: [Row] = []
        switch breakdown {
        case .unit:
            rows = try await groups(region, unit, period, .unit, db).map {
                Row(key: $0.key, label: $0.label, figures: $0.figures[0])
            }
        case .actionType:
            rows = try await groups(region, unit, period, .actionType, db).compactMap { group in
                ActionType(rawValue: group.key).map {
                    Row(key: $0.rawValue, label: $0.label, figures: group.figures[0])
                }
            }
        case .cause:
            rows = try await groups(region, unit, period, .cause, db).compactMap { group in
                LossCause(rawValue: group.key).map { Row(key: $0.rawValue, label: $0.label, figures: group.figures[0]) }
            }
        case .month:
            rows = try await months(region: region, unit: unit, period: period, on: db)
        case nil:
            break
        }
        if breakdown != .month {
            rows = rows.filter { $0.figures.received > 0 || $0.figures.heard > 0 }
                .sorted {
                    ($0.figures.losses, $0.figures.received, $1.label) > (
                        $1.figures.losses, $1.figures.received, $0.label
                    )
                }
        }
        return Result(current: totals?[0] ?? .init(), previous: totals?[1] ?? .init(), rows: rows)
    }

    /// The figures of each calendar month of the period (the period's own ends cut the first and last), in one query.
    static func months(region: Region, unit: UUID?, period: DayRange, on db: any Database) async throws -> [Row] {
        var months: [(key: String, label: String, range: DayRange)] = []
        var start = CalendarDay(year: period.from.year, month: period.from.month, day: 1)!
        while start <= period.to {
            let end = min(CalendarDay.lastDay(year: start.year, month: start.month), period.to)
            months.append(
                (
                    String(start.description.prefix(7)), "\(start.year)年\(start.month)月",
                    DayRange(from: max(start, period.from), to: end)
                ))
            start = end.adding(days: 1)
        }
        let figures = try await FiguresSQL.count(
            regionPath: region.path, unit: unit, periods: months.map(\.range), key: .none, on: db
        ).first?.figures
        return months.enumerated().map { index, month in
            Row(key: month.key, label: month.label, figures: figures?[index] ?? .init())
        }
    }

    /// The current figures of each lower region, in one query.
    static func lowerRegions(of region: Region, _ lower: [Region], period: DayRange, on db: any Database) async throws
        -> [(code: String, name: String, figures: LitigationFigures)]
    {
        let byPath = Dictionary(
            try await FiguresSQL.count(
                regionPath: region.path, unit: nil, periods: [period], key: .lowerRegion(under: region.path), on: db
            ).map { ($0.key, $0.figures[0]) }, uniquingKeysWith: { first, _ in first })
        return lower.map { ($0.code, $0.name, byPath[$0.path] ?? .init()) }
    }

    private static func groups(
        _ region: Region, _ unit: UUID?, _ period: DayRange, _ key: FiguresSQL.Key, _ db: any Database
    ) async throws -> [FiguresSQL.Group] {
        try await FiguresSQL.count(regionPath: region.path, unit: unit, periods: [period], key: key, on: db)
    }
}
