import Fluent
import Foundation
import FuyuanCore
import SQLKit

/// The figures of judicial suggestions (`SuggestionFigures`) for a period, by agency and by lower region: one
/// aggregate query each, over the suggestions issued in the period, counted as of `today`.
enum SuggestionFiguresQueries {
    /// One line of a figures table: an agency or a region, and its figures.
    struct Line: Sendable, Equatable {
        let id: UUID
        let name: String
        let figures: SuggestionFigures
    }

    struct Result: Sendable {
        let total: SuggestionFigures
        /// The agencies of the region itself, the lowest reply rate first.
        let agencies: [Line]
        /// The regions right below it, each with the suggestions of its whole subtree, by code.
        let lower: [Line]
    }

    /// The figures of `region`, with the lower regions in the caller's scope side by side.
    static func figures(region: Region, scope: Scope, period: DayRange, today: CalendarDay, on db: any Database)
        async throws -> Result
    {
        let lower = try await OrgQueries.lowerRegions(of: region, scope: scope, on: db)
        return try await figures(region: region, lower: lower, period: period, today: today, on: db)
    }

    private static func figures(
        region: Region, lower: [Region], period: DayRange, today: CalendarDay, on db: any Database
    )
        async throws -> Result
    {
        let inPeriod: SQLQueryString =
            "s.issued_on >= \(bind: period.from.description) AND s.issued_on <= \(bind: period.to.description)"
        let subtree: (Region) -> SQLQueryString = {
            "s.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: $0.path)))"
        }
        let total =
            try await lines(
                "SELECT \(bind: try region.requireID()) AS id, '' AS name, " + counts(today)
                    + " FROM judicial_suggestions s WHERE " + subtree(region) + " AND " + inPeriod, on: db
            ).first?.figures ?? SuggestionFigures()
        let agencies = try await lines(
            "SELECT a.id, a.name, " + counts(today)
                + " FROM judicial_suggestions s JOIN units a ON a.id = s.agency_id WHERE s.region_id = \(bind: try region.requireID()) AND "
                + inPeriod + " GROUP BY a.id, a.name", on: db
        ).sorted { (rank($0), $0.name) < (rank($1), $1.name) }
        // Each lower region with the suggestions of its subtree, in one statement; a region without any is zeros.
        let counted =
            lower.isEmpty
            ? []
            : try await lines(
                "SELECT c.id, c.name, " + counts(today)
                    + " FROM regions c JOIN regions r ON (r.path = c.path OR r.path LIKE c.path || '/%') "
                    + "JOIN judicial_suggestions s ON s.region_id = r.id WHERE c.id IN (\(binds: try lower.map { try $0.requireID() })) AND "
                    + inPeriod + " GROUP BY c.id, c.name", on: db)
        let lowerLines = try lower.map { child in
            try counted.first { $0.id == child.id }
                ?? Line(id: child.requireID(), name: child.name, figures: SuggestionFigures())
        }
        return Result(total: total, agencies: agencies, lower: lowerLines)
    }

    /// Lowest reply rate first; those owed nothing yet last.
    private static func rank(_ line: Line) -> Double { line.figures.replyRate?.value ?? 2 }

    /// The six counts of `SuggestionFigures`, as columns over `judicial_suggestions s`.
    private static func counts(_ today: CalendarDay) -> SQLQueryString {
        let day = today.description
        return """
            COUNT(*) AS issued, \
            COALESCE(SUM(CASE WHEN s.replied_on IS NOT NULL OR s.reply_due < \(bind: day) THEN 1 ELSE 0 END), 0) AS due, \
            COALESCE(SUM(CASE WHEN s.replied_on IS NOT NULL THEN 1 ELSE 0 END), 0) AS replied, \
            COALESCE(SUM(CASE WHEN s.replied_on <= s.reply_due THEN 1 ELSE 0 END), 0) AS replied_on_time, \
            COALESCE(SUM(CASE WHEN s.adoption IN (\(unsafeRaw: FiguresSQL.list(Adoption.allCases.filter(\.isAdopted)))) THEN 1 ELSE 0 END), 0) AS adopted, \
            COALESCE(SUM(CASE WHEN s.replied_on IS NULL AND s.reply_due < \(bind: day) THEN 1 ELSE 0 END), 0) AS overdue
            """
    }

    private static func lines(_ query: SQLQueryString, on db: any Database) async throws -> [Line] {
        struct Counted: Decodable {
            let id: UUID
            let name: String
            let issued: Int
            let due: Int
            let replied: Int
            let repliedOnTime: Int
            let adopted: Int
            let overdue: Int
        }
        return try await db.sql().raw(query).all(decoding: Counted.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map {
                Line(
                    id: $0.id, name: $0.name,
                    figures: SuggestionFigures(
                        issued: $0.issued, due: $0.due, replied: $0.replied, repliedOnTime: $0.repliedOnTime,
                        adopted: $0.adopted, overdue: $0.overdue))
            }
    }
}
