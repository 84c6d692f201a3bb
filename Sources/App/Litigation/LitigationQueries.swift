import Fluent
import FuyuanCore
import Vapor

/// The figures of a region with its lower regions, for a period and the same period a year before, with breakdowns.
/// Every page, export and API answer takes its figures from here, and here from `LitigationFigures.of`.
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

    struct Loaded {
        let adminCase: AdminCase
        let unitName: String
        /// The region path of the case, to group a region's cases by its lower regions.
        let regionPath: String
        let facts: CaseFacts
    }

    /// Cases of `region` and the regions below it that can count in `period` or the year before.
    static func cases(region: Region, unit: UUID?, period: DayRange, on db: any Database) async throws -> [Loaded] {
        let earliest = period.yearBefore.from.description
        var query = AdminCase.query(on: db)
            .join(Region.self, on: \AdminCase.$region.$id == \Region.$id)
            .join(Unit.self, on: \AdminCase.$defendant.$id == \Unit.$id)
            .group(.or) {
                $0.filter(Region.self, \.$path == region.path).filter(Region.self, \.$path =~ (region.path + "/"))
            }
            .filter(\.$filedOn <= period.to.description)
            .group(.or) { $0.filter(\.$concludedOn == nil).filter(\.$concludedOn >= earliest) }
        if let unit { query = query.filter(\.$defendant.$id == unit) }
        let cases = try await query.all()
        let ids = cases.compactMap(\.id)
        var hearings: [UUID: [CaseFacts.Hearing]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 900).map({ Array(ids[$0..<min($0 + 900, ids.count)]) }) {
            for hearing in try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ chunk).all() {
                guard let day = CalendarDay(parsing: hearing.heldOn) else { continue }
                hearings[hearing.$adminCase.id, default: []].append(
                    .init(
                        day: day, headAppeared: hearing.headAppeared, principal: hearing.principal, spoke: hearing.spoke
                    ))
            }
        }
        return try cases.map { item in
            Loaded(
                adminCase: item, unitName: try item.joined(Unit.self).name,
                regionPath: try item.joined(Region.self).path,
                facts: CaseFacts(
                    filed: CalendarDay(parsing: item.filedOn)!,
                    concluded: item.concludedOn.flatMap(CalendarDay.init(parsing:)),
                    procedure: item.procedure, outcome: item.outcome, hearings: hearings[item.id!] ?? []))
        }
    }

    static func figures(region: Region, unit: UUID?, period: DayRange, breakdown: Breakdown?, on db: any Database)
        async throws -> Result
    {
        result(
            of: try await cases(region: region, unit: unit, period: period, on: db), period: period,
            breakdown: breakdown)
    }

    /// The figures of cases already loaded, so that one page can show several breakdowns from one load.
    static func result(of loaded: [Loaded], period: DayRange, breakdown: Breakdown?) -> Result {
        let facts = loaded.map(\.facts)
        let current = LitigationFigures.of(facts, in: period)
        let previous = LitigationFigures.of(facts, in: period.yearBefore)
        var rows: [Row] = []
        switch breakdown {
        case .unit:
            rows = Dictionary(grouping: loaded, by: { $0.adminCase.$defendant.id }).map { id, group in
                Row(key: id.uuidString, label: group[0].unitName, figures: .of(group.map(\.facts), in: period))
            }
        case .actionType:
            rows = Dictionary(grouping: loaded, by: { $0.adminCase.actionType }).map { type, group in
                Row(key: type.rawValue, label: type.label, figures: .of(group.map(\.facts), in: period))
            }
        case .cause:
            let lost = loaded.filter { $0.adminCase.lossCause != nil }
            rows = Dictionary(grouping: lost, by: { $0.adminCase.lossCause! }).map { cause, group in
                Row(key: cause.rawValue, label: cause.label, figures: .of(group.map(\.facts), in: period))
            }
        case .month:
            var start = CalendarDay(year: period.from.year, month: period.from.month, day: 1)!
            while start <= period.to {
                let end = min(CalendarDay.lastDay(year: start.year, month: start.month), period.to)
                let month = DayRange(from: max(start, period.from), to: end)
                rows.append(
                    Row(
                        key: String(start.description.prefix(7)), label: "\(start.year)年\(start.month)月",
                        figures: .of(facts, in: month)))
                start = end.adding(days: 1)
            }
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
        return Result(current: current, previous: previous, rows: rows)
    }
}
