import Fluent
import Foundation
import FuyuanCore
import SQLKit

/// The litigation figures counted by the database, one query per breakdown whatever the number of cases. The rules
/// are `LitigationFigures.of`'s; `FiguresSQLTests` holds every count here to it on generated cases.
enum FiguresSQL {
    /// What the counts are grouped by.
    enum Key: Sendable {
        case none, unit, actionType, cause
        /// The lower region (one level below the region at `path`) each case belongs to; the region's own cases
        /// are left out.
        case lowerRegion(under: String)
    }

    struct Group: Sendable {
        /// A unit's id, an action type's or cause's raw value, a lower region's path, or "".
        let key: String
        /// The unit's name for `.unit`; otherwise the key.
        let label: String
        /// One per period asked for, in their order.
        let figures: [LitigationFigures]
    }

    static func count(regionPath: String, unit: UUID?, periods: [DayRange], key: Key, on db: any Database)
        async throws -> [Group]
    {
        let sql = try db.sql()
        guard let first = periods.first else { return [] }
        let earliest = periods.map(\.from).min() ?? first.from
        let latest = periods.map(\.to).max() ?? first.to
        var select: SQLQueryString = "SELECT c.id, "
        var from: SQLQueryString = " FROM admin_cases c"
        // The region ids first, so that the cases are found through their (region_id, filed_on, …) index.
        var filter: SQLQueryString =
            " WHERE c.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: regionPath)))"
        switch key {
        case .none:
            select += "'' AS k, '' AS label"
        case .unit:
            select += "c.defendant_id AS k, u.name AS label"
            from += " JOIN units u ON u.id = c.defendant_id"
        case .actionType:
            select += "c.action_type AS k, c.action_type AS label"
        case .cause:
            select += "c.loss_cause AS k, c.loss_cause AS label"
            filter += " AND c.loss_cause IS NOT NULL"
        case .lowerRegion(let path):
            let prefix = "substr(r.path, 1, \(path.count + 7))"
            select += "\(unsafeRaw: prefix) AS k, \(unsafeRaw: prefix) AS label"
            from += " JOIN regions r ON r.id = c.region_id"
            filter += " AND r.path <> \(bind: path)"
        }
        if let unit { filter += " AND c.defendant_id = \(bind: unit)" }
        filter += " AND c.filed_on <= \(bind: latest.description)"
        filter += " AND (c.concluded_on IS NULL OR c.concluded_on >= \(bind: earliest.description))"
        let losses = list(Outcome.allCases.filter(\.isLoss))
        let mediated = list(Outcome.allCases.filter(\.isMediatedOrWithdrawn))
        var hearings: SQLQueryString = "SELECT h.case_id"
        var counts: SQLQueryString = "SELECT c.k, MIN(c.label) AS label"
        for (index, period) in periods.enumerated() {
            let (start, end) = (period.from.description, period.to.description)
            for (name, condition) in [
                ("heard", ""), ("appeared", " AND h.head_appeared"),
                ("principal", " AND h.head_appeared AND h.principal"), ("spoke", " AND h.head_appeared AND h.spoke"),
            ] {
                hearings +=
                    ", MAX(CASE WHEN h.held_on BETWEEN \(bind: start) AND \(bind: end)\(unsafeRaw: condition) THEN 1 ELSE 0 END) AS \(unsafeRaw: name + String(index))"
                counts +=
                    ", SUM(COALESCE(h.\(unsafeRaw: name + String(index)), 0)) AS \(unsafeRaw: name + String(index))"
            }
            let filed: SQLQueryString = "c.filed_on BETWEEN \(bind: start) AND \(bind: end)"
            let concluded: SQLQueryString = "c.concluded_on BETWEEN \(bind: start) AND \(bind: end)"
            let open: SQLQueryString =
                "c.filed_on < \(bind: start) AND (c.concluded_on IS NULL OR c.concluded_on >= \(bind: start))"
            let firstInstance: SQLQueryString = " AND c.procedure = \(bind: Procedure.firstInstance.rawValue)"
            for (name, condition) in [
                ("carried", open), ("new", filed), ("caseload", filed + firstInstance), ("concluded", concluded),
                ("losses", concluded + " AND c.outcome IN (\(unsafeRaw: losses))"),
                ("mediated", concluded + " AND c.outcome IN (\(unsafeRaw: mediated))"),
            ] {
                counts += ", SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END) AS \(unsafeRaw: name + String(index))"
            }
        }
        let query: SQLQueryString =
            "WITH c AS (" + select + ", c.filed_on, c.concluded_on, c.procedure, c.outcome" + from + filter
            // CROSS JOIN keeps SQLite from scanning every hearing; PostgreSQL plans it as it likes.
            + "), h AS (" + hearings + " FROM c CROSS JOIN hearings h WHERE h.case_id = c.id GROUP BY h.case_id) "
            + counts
            + " FROM c LEFT JOIN h ON h.case_id = c.id GROUP BY c.k"
        // A county's path is province/city/county; anything shorter spans a city or the province.
        let rows =
            regionPath.split(separator: "/").count < 3
            ? try await Gate.wideFigures.pass { try await sql.raw(query).all() } : try await sql.raw(query).all()
        return try rows.map { row in
            let key: String =
                if case .unit = key { try row.decode(column: "k", as: UUID.self).uuidString } else {
                    try row.decode(column: "k", as: String.self)
                }
            return Group(
                key: key, label: try row.decode(column: "label", as: String.self),
                figures: try periods.indices.map { index in
                    func count(_ name: String) throws -> Int { try row.decode(column: "\(name)\(index)", as: Int.self) }
                    var figures = LitigationFigures()
                    figures.carriedOver = try count("carried")
                    figures.new = try count("new")
                    figures.caseload = try count("caseload")
                    figures.concluded = try count("concluded")
                    figures.losses = try count("losses")
                    figures.mediatedOrWithdrawn = try count("mediated")
                    figures.heard = try count("heard")
                    figures.appeared = try count("appeared")
                    figures.principalAppeared = try count("principal")
                    figures.spoke = try count("spoke")
                    return figures
                })
        }
    }

    typealias Monthly = (new: [String: Int], losses: [String: Int])

    /// Cases filed and cases lost in each calendar month ("YYYY-MM") of the period, within the region and its lower
    /// regions: two grouped counts over the cases' list index, cheap enough for any region without the gate.
    static func monthly(regionPath: String, period: DayRange, on db: any Database) async throws -> Monthly {
        let sql = try db.sql()
        let (start, end) = (period.from.description, period.to.description)
        let cases: SQLQueryString =
            "FROM admin_cases c WHERE c.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: regionPath)))"
        let rows = try await sql.raw(
            "SELECT 'new' AS kind, substr(c.filed_on, 1, 7) AS month, COUNT(*) AS n " + cases
                + " AND c.filed_on BETWEEN \(bind: start) AND \(bind: end) GROUP BY substr(c.filed_on, 1, 7)"
                + " UNION ALL SELECT 'losses' AS kind, substr(c.concluded_on, 1, 7) AS month, COUNT(*) AS n " + cases
                + " AND c.concluded_on BETWEEN \(bind: start) AND \(bind: end)"
                + " AND c.outcome IN (\(unsafeRaw: list(Outcome.allCases.filter(\.isLoss))))"
                + " GROUP BY substr(c.concluded_on, 1, 7)"
        ).all()
        var counts: Monthly = ([:], [:])
        for row in rows {
            let (month, count) = (
                try row.decode(column: "month", as: String.self), try row.decode(column: "n", as: Int.self)
            )
            if try row.decode(column: "kind", as: String.self) == "new" {
                counts.new[month] = count
            } else {
                counts.losses[month] = count
            }
        }
        return counts
    }

    /// `'a', 'b'` for an IN list of choices' stored values (constants of the code, not input).
    static func list<Choice: RawRepresentable<String>>(_ choices: [Choice]) -> String {
        choices.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
