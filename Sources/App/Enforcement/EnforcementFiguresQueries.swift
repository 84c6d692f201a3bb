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

    /// The first of the organs late for their campaign, and how many pairs of organ and campaign and open cases
    /// there are in all.
    struct LateList: Sendable, Equatable {
        var rows: [Late] = []
        var pairs = 0
        var open = 0
    }

    struct Result: Sendable {
        let total: Figures
        /// Organs with cases in the region and below, the most outstanding first: at most `shown` of `organCount`.
        let organs: [Line]
        let organCount: Int
        let lower: [Line]
        /// Campaigns with open cases first, each group by its day: at most `shown` of `campaignCount`.
        let campaigns: [Campaign]
        let campaignCount: Int
        let late: LateList
    }

    /// How many organs, campaigns and late organs a page or an answer lists; a province has thousands of each.
    static let shown = 50

    static func figures(region: Region, scope: Scope, today: CalendarDay, on db: any Database) async throws -> Result {
        let sql = try db.sql()
        let inRegion = within(region, scope)
        let total =
            try await lines(
                sql,
                "SELECT \(bind: try region.requireID()) AS id, '' AS name, " + counts
                    + " FROM enforcement_cases e WHERE " + inRegion
            )
            .lines.first?.figures ?? Figures()
        let organs = try await lines(
            sql,
            "SELECT u.id, u.name, " + counts + ", COUNT(*) OVER () AS whole FROM enforcement_cases e "
                + "JOIN units u ON u.id = e.organ_id WHERE " + inRegion
                + " GROUP BY u.id, u.name ORDER BY outstanding_fen DESC, u.name LIMIT \(unsafeRaw: String(shown))")
        let children = try await OrgQueries.lowerRegions(of: region, scope: scope, on: db)
        let counted =
            children.isEmpty
            ? []
            : try await lines(
                sql,
                "SELECT c.id, c.name, " + counts
                    + " FROM regions c JOIN regions r ON (r.path = c.path OR r.path LIKE c.path || '/%') "
                    + "JOIN enforcement_cases e ON e.region_id = r.id WHERE c.id IN (\(binds: try children.map { try $0.requireID() })) "
                    + "GROUP BY c.id, c.name"
            ).lines
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
            let whole: Int
        }
        let campaignRows = try await sql.raw(
            "SELECT k.id, k.name, g.name AS region_name, k.target_on, " + counts + ", COUNT(*) OVER () AS whole"
                + " FROM enforcement_campaigns k JOIN regions g ON g.id = k.region_id "
                + "JOIN enforcement_cases e ON e.campaign_id = k.id WHERE " + inRegion
                + " GROUP BY k.id, k.name, g.name, k.target_on "
                + "ORDER BY CASE WHEN SUM(CASE WHEN e.state IN (\(unsafeRaw: openStates)) THEN 1 ELSE 0 END) > 0 THEN 0 ELSE 1 END, "
                + "k.target_on, k.name LIMIT \(unsafeRaw: String(shown))"
        ).all(decoding: CampaignRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let campaigns = campaignRows.map {
            Campaign(
                id: $0.id, name: $0.name, regionName: $0.regionName, targetOn: $0.targetOn,
                figures: Figures(
                    cases: $0.cases, open: $0.open, owedFen: $0.owedFen, paidFen: $0.paidFen,
                    outstandingFen: $0.outstandingFen))
        }
        let late = try await self.late(region: region, scope: scope, today: today, on: db)
        return Result(
            total: total, organs: organs.lines, organCount: organs.whole, lower: lower, campaigns: campaigns,
            campaignCount: campaignRows.first?.whole ?? 0, late: late)
    }

    /// Organs with cases still open in a campaign past its day, in `region` and below (within the scope), or only
    /// `organ`'s: the region's own organs first (its office urges those), each part by the earliest campaign, at most
    /// `limit` of them, with the counts of all.
    static func late(
        region: Region, scope: Scope, today: CalendarDay, organ: UUID? = nil, limit: Int = shown, on db: any Database
    ) async throws -> LateList {
        let only: SQLQueryString = organ.map { " AND e.organ_id = \(bind: $0)" } ?? ""
        let rows = try await db.sql().raw(
            """
            SELECT u.id AS organ, u.name AS "organName", u.region_id AS "organRegion", k.name AS "campaignName", \
            k.target_on AS "targetOn", COUNT(*) AS open, \(SQLDoor.total("e.owed_fen - e.paid_fen")) AS "outstandingFen", \
            MIN(e.case_number) AS "firstCase", COUNT(*) OVER () AS pairs, \(SQLDoor.totalOfAll("COUNT(*)")) AS all_open \
            FROM enforcement_cases e JOIN enforcement_campaigns k ON k.id = e.campaign_id \
            JOIN units u ON u.id = e.organ_id \
            WHERE \(within(region, scope)) AND e.state IN (\(unsafeRaw: openStates)) \
            AND k.target_on < \(bind: today.description)\(only) \
            GROUP BY u.id, u.name, u.region_id, k.name, k.target_on \
            ORDER BY CASE WHEN u.region_id = \(bind: try region.requireID()) THEN 0 ELSE 1 END, k.target_on, u.name \
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        guard let first = rows.first else { return LateList() }
        return LateList(
            rows: try rows.map { try $0.decode(model: Late.self) },
            pairs: try first.decode(column: "pairs", as: Int.self),
            open: try first.decode(column: "all_open", as: Int.self))
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

    /// The lines of `query`, and its `whole` column when it has one (how many lines there are before the LIMIT).
    private static func lines(_ sql: SQLDoor, _ query: SQLQueryString) async throws -> (lines: [Line], whole: Int) {
        struct Counted: Decodable {
            let id: UUID
            let name: String
            let cases: Int
            let open: Int
            let owedFen: Int64
            let paidFen: Int64
            let outstandingFen: Int64
            let whole: Int?
        }
        let rows = try await sql.raw(query).all(decoding: Counted.self, keyDecodingStrategy: .convertFromSnakeCase)
        let lines = rows.map {
            Line(
                id: $0.id, name: $0.name,
                figures: Figures(
                    cases: $0.cases, open: $0.open, owedFen: $0.owedFen, paidFen: $0.paidFen,
                    outstandingFen: $0.outstandingFen))
        }
        return (lines, rows.first?.whole ?? rows.count)
    }
}
