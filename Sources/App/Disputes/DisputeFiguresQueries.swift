import Fluent
import Foundation
import FuyuanCore
import SQLKit

/// The figures of the resolution centre for a period: the disputes registered in it (`DisputeFigures`, against the
/// same period a year before) and, from the litigation register, the new cases and the mediated withdrawals the
/// targets are written in; for the region and each lower region side by side, against the region's targets.
enum DisputeFiguresQueries {
    /// One line of the figures: a region, its disputes, and its litigation now and a year before.
    struct Line: Sendable, Equatable {
        let id: UUID
        let code: String
        let name: String
        let disputes: DisputeFigures
        let cases: LitigationFigures
        let casesYearBefore: LitigationFigures

        /// 新收行政案件同比: the change of new cases against the year before, as a fraction.
        var newCasesChange: Double? { yearOnYearChange(cases.new, casesYearBefore.new) }
    }

    struct Result: Sendable {
        let total: Line
        /// The regions right below it, each with its whole subtree, by code.
        let lower: [Line]
        let targets: DisputeTargets
    }

    static func figures(region: Region, scope: Scope, period: DayRange, today: CalendarDay, on db: any Database)
        async throws -> Result
    {
        let lower = try await OrgQueries.lowerRegions(of: region, scope: scope, on: db)
        let total = try await total(region: region, period: period, today: today, on: db)
        var lines: [Line] = []
        if !lower.isEmpty {
            let counted = Dictionary(
                try await counted(
                    "c.id IN (\(binds: try lower.map { try $0.requireID() }))", period: period, today: today,
                    byLowerRegion: true, on: db
                ).compactMap { line in line.id.map { ($0, line.figures) } }, uniquingKeysWith: { first, _ in first })
            let now = try await LitigationQueries.lowerRegions(of: region, lower, period: period, on: db)
            let before = try await LitigationQueries.lowerRegions(
                of: region, lower, period: period.yearBefore, on: db)
            lines = try lower.enumerated().map { index, child in
                Line(
                    id: try child.requireID(), code: child.code, name: child.name,
                    disputes: counted[try child.requireID()] ?? DisputeFigures(), cases: now[index].figures,
                    casesYearBefore: before[index].figures)
            }
        }
        return Result(total: total, lower: lines, targets: try await DisputeQueries.targets(of: region, on: db))
    }

    /// The line of `region` and its whole subtree, without the lower regions (the leader's home card).
    static func total(region: Region, period: DayRange, today: CalendarDay, on db: any Database) async throws -> Line {
        let litigation = try await LitigationQueries.figures(
            region: region, unit: nil, period: period, breakdown: nil, on: db)
        return Line(
            id: try region.requireID(), code: region.code, name: region.name,
            disputes: try await counted(
                "d.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)))", period: period,
                today: today, on: db
            ).first?.figures ?? DisputeFigures(), cases: litigation.current, casesYearBefore: litigation.previous)
    }

    /// The counts of `DisputeFigures` over `disputes d` where `condition` holds: one row, or one per lower region
    /// `c` (each with the disputes of its subtree) when `byLowerRegion`.
    private static func counted(
        _ condition: SQLQueryString, period: DayRange, today: CalendarDay, byLowerRegion: Bool = false,
        on db: any Database
    ) async throws -> [(id: UUID?, figures: DisputeFigures)] {
        let before = period.yearBefore
        let now: SQLQueryString =
            "d.registered_on >= \(bind: period.from.description) AND d.registered_on <= \(bind: period.to.description)"
        let then: SQLQueryString =
            "d.registered_on >= \(bind: before.from.description) AND d.registered_on <= \(bind: before.to.description)"
        let closed: SQLQueryString = "d.state = \(bind: DisputeState.closed.rawValue)"
        let resolved = FiguresSQL.list(DisputeOutcome.allCases.filter(\.isResolved))
        var query: SQLQueryString = "SELECT " + (byLowerRegion ? "c.id AS region, " : "")
        func count(_ condition: SQLQueryString, _ name: String) -> SQLQueryString {
            SQLDoor.total("CASE WHEN " + condition + " THEN 1 ELSE 0 END") + " AS \(unsafeRaw: name)"
        }
        query += count(now, "registered") + ", " + count(now + " AND " + closed, "closed") + ", "
        query += count(now + " AND d.outcome IN (\(unsafeRaw: resolved))", "resolved") + ", "
        query +=
            count(now + " AND d.outcome = \(bind: DisputeOutcome.mediatedWithdrawal.rawValue)", "withdrawals") + ", "
        query += count(now + " AND d.step_due > '' AND d.step_due < \(bind: today.description)", "overdue") + ", "
        query += SQLDoor.total("CASE WHEN " + now + " AND " + closed + " THEN d.close_days ELSE 0 END") + " AS days, "
        query += count(then, "prior") + " "
        query +=
            byLowerRegion
            ? "FROM regions c JOIN regions r ON (r.path = c.path OR r.path LIKE c.path || '/%') JOIN disputes d ON d.region_id = r.id "
            : "FROM disputes d "
        // One range from a year before to the period's end (the index reads it in order); the sums pick the two parts.
        query +=
            "WHERE " + condition
            + " AND d.registered_on >= \(bind: before.from.description) AND d.registered_on <= \(bind: period.to.description)"
        if byLowerRegion { query += " GROUP BY c.id" }
        struct Counted: Decodable {
            let region: UUID?
            let registered: Int
            let closed: Int
            let resolved: Int
            let withdrawals: Int
            let overdue: Int
            let days: Int
            let prior: Int
        }
        return try await db.sql().raw(query).all(decoding: Counted.self).map {
            (
                $0.region,
                DisputeFigures(
                    registered: $0.registered, closed: $0.closed, resolved: $0.resolved,
                    mediatedWithdrawals: $0.withdrawals, overdue: $0.overdue, closeDays: $0.days,
                    registeredYearBefore: $0.prior)
            )
        }
    }
}
