import Fluent
import FuyuanCore
import Vapor

/// The figures of a region with its lower regions, for a period and the same period a year before, with breakdowns.
/// Every page, export and API answer takes its figures from here, and here from `FiguresSQL`, counted once and then
/// kept in `FiguresCache` until anything they are counted from changes.
enum LitigationQueries {
    enum Breakdown: String, Codable, CaseIterable, Sendable {
        case unit, actionType, cause, month
    }

    struct Row: Sendable {
        let key: String
        let label: String
        let figures: LitigationFigures
    }

    struct Result: Sendable {
        let current: LitigationFigures
        let previous: LitigationFigures
        let rows: [Row]

        var doubleDecline: Bool { LitigationFigures.doubleDecline(current: current, previous: previous) }
    }

    /// The figures of the region (or of one unit in it) for the period and a year before, with a breakdown. By unit
    /// and by action type the totals are the sums of the groups (each case is in exactly one), so one query gives
    /// both; by cause (only lost cases have one) and by month (a case counts in every month it is open) they are
    /// counted on their own.
    static func figures(region: Region, unit: UUID?, period: DayRange, breakdown: Breakdown?, on db: any Database)
        async throws -> Result
    {
        let path = region.path
        return try await FiguresCache.value(
            "figures " + key(region: region, unit: unit, period: period, breakdown: breakdown), on: db,
            weight: { $0.rows.count + 1 }
        ) { try await counted(path, unit, period, breakdown, db) }
    }

    /// What names a region's figures in `FiguresCache`, for them and for what is kept beside them.
    static func key(region: Region, unit: UUID?, period: DayRange, breakdown: Breakdown?) -> String {
        "\(region.path) \(unit?.uuidString ?? "-") \(period.from)…\(period.to) \(breakdown?.rawValue ?? "-")"
    }

    private static func counted(
        _ path: String, _ unit: UUID?, _ period: DayRange, _ breakdown: Breakdown?, _ db: any Database
    ) async throws -> Result {
        switch breakdown {
        case .unit: return try await summed(path, unit, period, .unit, db)
        case .actionType: return try await summed(path, unit, period, .actionType, db)
        case .cause, .month, nil: break
        }
        let totals = try await FiguresSQL.count(
            regionPath: path, unit: unit, periods: [period, period.yearBefore], key: .none, on: db
        ).first?.figures
        var rows: [Row] = []
        if breakdown == .cause {
            rows = ranked(
                try await FiguresSQL.count(regionPath: path, unit: unit, periods: [period], key: .cause, on: db)
                    .compactMap { group in
                        LossCause(rawValue: group.key).map {
                            Row(key: $0.rawValue, label: $0.label, figures: group.figures[0])
                        }
                    })
        } else if breakdown == .month {
            rows = try await months(regionPath: path, unit: unit, period: period, on: db)
        }
        return Result(current: totals?[0] ?? .init(), previous: totals?[1] ?? .init(), rows: rows)
    }

    /// A month of the dashboard's chart.
    struct Month: Equatable, Sendable {
        let key: String
        let label: String
        let new: Int
        let losses: Int
    }

    /// The dashboard's chart: for each calendar month of the period, the cases filed and the cases lost in it (the
    /// period's own ends cut the first and last) — two counts, not a month's whole figures, so one pass over the
    /// cases' index.
    static func chart(region: Region, period: DayRange, on db: any Database) async throws -> [Month] {
        let path = region.path
        return try await FiguresCache.value(
            "chart \(path) \(period.from)…\(period.to)", on: db, weight: { $0.count }
        ) {
            let counts = try await FiguresSQL.monthly(regionPath: path, period: period, on: db)
            return monthsOf(period).map {
                Month(key: $0.key, label: $0.label, new: counts.new[$0.key] ?? 0, losses: counts.losses[$0.key] ?? 0)
            }
        }
    }

    /// The figures of each calendar month of the period (the period's own ends cut the first and last), in one query.
    static func months(regionPath: String, unit: UUID?, period: DayRange, on db: any Database) async throws -> [Row] {
        let months = monthsOf(period)
        let figures = try await FiguresSQL.count(
            regionPath: regionPath, unit: unit, periods: months.map(\.range), key: .none, on: db
        ).first?.figures
        return months.enumerated().map { index, month in
            Row(key: month.key, label: month.label, figures: figures?[index] ?? .init())
        }
    }

    private static func monthsOf(_ period: DayRange) -> [(key: String, label: String, range: DayRange)] {
        var months: [(key: String, label: String, range: DayRange)] = []
        var start = CalendarDay(year: period.from.year, month: period.from.month, clampingDay: 1)
        while start <= period.to {
            let end = min(CalendarDay.lastDay(year: start.year, month: start.month), period.to)
            months.append(
                (
                    String(start.description.prefix(7)), "\(start.year)年\(start.month)月",
                    DayRange(from: max(start, period.from), to: end)
                ))
            start = end.adding(days: 1)
        }
        return months
    }

    /// Groups by unit or action type for the period and a year before, with the totals summed from them.
    private static func summed(
        _ path: String, _ unit: UUID?, _ period: DayRange, _ key: FiguresSQL.Key, _ db: any Database
    ) async throws -> Result {
        let groups = try await FiguresSQL.count(
            regionPath: path, unit: unit, periods: [period, period.yearBefore], key: key, on: db)
        let current = groups.reduce(LitigationFigures()) { $0 + $1.figures[0] }
        let previous = groups.reduce(LitigationFigures()) { $0 + $1.figures[1] }
        let rows = groups.compactMap { group -> Row? in
            guard case .actionType = key else {
                return Row(key: group.key, label: group.label, figures: group.figures[0])
            }
            return ActionType(rawValue: group.key).map {
                Row(key: $0.rawValue, label: $0.label, figures: group.figures[0])
            }
        }
        return Result(current: current, previous: previous, rows: ranked(rows))
    }

    /// The groups with anything to show, most losses first, then most cases, then by name.
    private static func ranked(_ rows: [Row]) -> [Row] {
        rows.filter { $0.figures.received > 0 || $0.figures.heard > 0 }
            .sorted {
                ($0.figures.losses, $0.figures.received, $1.label) > ($1.figures.losses, $1.figures.received, $0.label)
            }
    }

    /// The current figures of each lower region, in one query.
    static func lowerRegions(of region: Region, _ lower: [Region], period: DayRange, on db: any Database) async throws
        -> [(code: String, name: String, figures: LitigationFigures)]
    {
        let path = region.path
        let byPath = try await FiguresCache.value(
            "lower \(path) \(period.from)…\(period.to)", on: db, weight: { $0.count }
        ) {
            Dictionary(
                try await FiguresSQL.count(
                    regionPath: path, unit: nil, periods: [period], key: .lowerRegion(under: path), on: db
                ).map { ($0.key, $0.figures[0]) }, uniquingKeysWith: { first, _ in first })
        }
        return lower.map { ($0.code, $0.name, byPath[$0.path] ?? .init()) }
    }
}
