import Fluent
import Foundation
import FuyuanCore
import SQLKit

/// The figures of enforcement cases against organs: cases and amounts owed, paid and outstanding, by organ and by
/// lower region, and each clean-up campaign's way to zero (清零). One aggregate statement each.
enum EnforcementFiguresQueries {
    struct Figures: Sendable, Equatable, Codable {
        var cases = 0
        /// Not yet off the list: 未履行 or 部分履行.
        var open = 0
        var owedFen: Int64 = 0
        var paidFen: Int64 = 0
        var outstandingFen: Int64 = 0
    }

    struct Line: Sendable, Equatable {
        let id: UUID
        let name: String
        let figures: Figures
    }

    struct Campaign: Sendable, Equatable {
        let id: UUID
        let name: String
        let regionName: String
        let targetOn: String
        let figures: Figures

        /// Off the list, of all its cases: the bar's length.
        var cleared: Int { figures.cases - figures.open }
    }

    /// An organ with cases still open in a campaign past its day: what the office supervises.
    struct Late: Sendable, Equatable, Decodable {
        let organ: UUID
        let organName: String
        let organRegion: UUID
        let campaignName: String
        let targetOn: String
        let open: Int
        let outstandingFen: Int64
        /// The first of its open cases by number, to name them (（2023）…号等 3 件).
        let firstCase: String
    }

    struct Result: Sendable {
        let total: Figures
        /// Organs with cases in the region and below, the most outstanding first.
        let organs: [Line]
        let lower: [Line]
        let campaigns: [Campaign]
        let late: [Late]
    }

    static func figures(region: Region, scope: Scope, today: CalendarDay, on db: any Database) async throws -> Result {
        let sql = try db.sql()
        let inRegion = within(region, scope)
        let total =
            try await lines(
                sql,
                "SELECT \(bind: try region.requireID()) AS id, '' AS name, " + counts
                    + " FROM enforcement_cases e WHERE " + inRegion
            )
            .first?.figures ?? Figures()
        let organs = try await lines(
            sql,
            "SELECT u.id, u.name, " + counts + " FROM enforcement_cases e JOIN units u ON u.id = e.organ_id WHERE "
                + inRegion + " GROUP BY u.id, u.name"
        ).sorted { ($0.figures.outstandingFen, $1.name) > ($1.figures.outstandingFen, $0.name) }
        let children = try await OrgQueries.lowerRegions(of: region, scope: scope, on: db)
        let counted =
            children.isEmpty
            ? []
            : try await lines(
                sql,
                "SELECT c.id, c.name, " + counts
                    + " FROM regions c JOIN regions r ON (r.path = c.path OR r.path LIKE c.path || '/%') "
                    + "JOIN enforcement_cases e ON e.region_id = r.id WHERE c.id IN (\(binds: try children.map { try $0.requireID() })) "
                    + "GROUP BY c.id, c.name")
        let lower = try children.map { child in
            try counted.first { $0.id == child.id } ?? Line(id: child.requireID(), name: child.name, figures: Figures())
        }
        struct CampaignRow: Decodable {
            let id: UUID
            let name: String
            let regionName: String
            let targetOn: String
            let cases: Int
            let open: Int
            let owedFen: Int64
            let paidFen: Int64
            let outstandingFen: Int64
        }
        let campaigns = try await sql.raw(
            "SELECT k.id, k.name, g.name AS region_name, k.target_on, " + counts
                + " FROM enforcement_campaigns k JOIN regions g ON g.id = k.region_id "
                + "JOIN enforcement_cases e ON e.campaign_id = k.id WHERE " + inRegion
                + " GROUP BY k.id, k.name, g.name, k.target_on ORDER BY k.target_on, k.name"
        ).all(decoding: CampaignRow.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            Campaign(
                id: $0.id, name: $0.name, regionName: $0.regionName, targetOn: $0.targetOn,
                figures: Figures(
                    cases: $0.cases, open: $0.open, owedFen: $0.owedFen, paidFen: $0.paidFen,
                    outstandingFen: $0.outstandingFen))
        }
        let late = try await self.late(region: region, scope: scope, today: today, on: db)
        return Result(total: total, organs: organs, lower: lower, campaigns: campaigns, late: late)
    }

    /// Organs with cases still open in a campaign past its day, in `region` and below (within the scope): the
    /// earliest campaign first.
    static func late(region: Region, scope: Scope, today: CalendarDay, on db: any Database) async throws -> [Late] {
        try await db.sql().raw(
            """
            SELECT u.id AS organ, u.name AS organ_name, u.region_id AS organ_region, k.name AS campaign_name, \
            k.target_on, COUNT(*) AS open, \(SQLDoor.total("e.owed_fen - e.paid_fen")) AS outstanding_fen, \
            MIN(e.case_number) AS first_case \
            FROM enforcement_cases e JOIN enforcement_campaigns k ON k.id = e.campaign_id \
            JOIN units u ON u.id = e.organ_id \
            WHERE \(within(region, scope)) AND e.state IN (\(unsafeRaw: openStates)) \
            AND k.target_on < \(bind: today.description) \
            GROUP BY u.id, u.name, u.region_id, k.name, k.target_on ORDER BY k.target_on, u.name
            """
        ).all(decoding: Late.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The cases of `region` and below, within the scope, as a condition on `enforcement_cases e`.
    private static func within(_ region: Region, _ scope: Scope) -> SQLQueryString {
        "e.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))"
    }

    /// The states still on the list, as an IN list.
    static let openStates = FiguresSQL.list(EnforcementState.allCases.filter { !$0.isCleared })

    /// The five counts of `Figures`, as columns over `enforcement_cases e`.
    private static let counts: SQLQueryString =
        "COUNT(*) AS cases, COALESCE(SUM(CASE WHEN e.state IN (\(unsafeRaw: openStates)) THEN 1 ELSE 0 END), 0) AS open, "
        + "\(SQLDoor.total("e.owed_fen")) AS owed_fen, \(SQLDoor.total("e.paid_fen")) AS paid_fen, "
        + "\(SQLDoor.total("CASE WHEN e.state IN (\(unsafeRaw: openStates)) AND e.obligation IN (\(unsafeRaw: FiguresSQL.list([Obligation.money]))) THEN e.owed_fen - e.paid_fen ELSE 0 END")) AS outstanding_fen"

    private static func lines(_ sql: SQLDoor, _ query: SQLQueryString) async throws -> [Line] {
        struct Counted: Decodable {
            let id: UUID
            let name: String
            let cases: Int
            let open: Int
            let owedFen: Int64
            let paidFen: Int64
            let outstandingFen: Int64
        }
        return try await sql.raw(query).all(decoding: Counted.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            Line(
                id: $0.id, name: $0.name,
                figures: Figures(
                    cases: $0.cases, open: $0.open, owedFen: $0.owedFen, paidFen: $0.paidFen,
                    outstandingFen: $0.outstandingFen))
        }
    }
}
