import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Reading enforcement cases, always within the caller's scope (applied in the query): the list, one case with its
/// payments, the choices a form offers.
enum EnforcementQueries {
    struct Filter: Sendable, Equatable {
        var organ: UUID?
        var state: EnforcementState?
        var campaign: UUID?
        /// Words looked for in the case number and the judgment it enforces.
        var text: String?
        /// Keyset paging: the rows after this one (newest filing first).
        var after: Cursor?

        init(
            organ: UUID? = nil, state: EnforcementState? = nil, campaign: UUID? = nil, text: String? = nil,
            after: Cursor? = nil
        ) {
            (self.organ, self.state, self.campaign, self.text, self.after) = (organ, state, campaign, text, after)
        }

        init(_ query: any URLQueryContainer) {
            self.init(
                organ: try? query.get(UUID.self, at: "organ"),
                state: (try? query.get(String.self, at: "state")).flatMap(EnforcementState.init(rawValue:)),
                campaign: try? query.get(UUID.self, at: "campaign"),
                text: (try? query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces),
                after: (try? query.get(String.self, at: "after")).flatMap(Cursor.init(token:)))
        }

        var queryItems: [URLQueryItem] {
            var items: [URLQueryItem] = []
            if let organ { items.append(.init(name: "organ", value: organ.uuidString)) }
            if let state { items.append(.init(name: "state", value: state.rawValue)) }
            if let campaign { items.append(.init(name: "campaign", value: campaign.uuidString)) }
            if let text, !text.isEmpty { items.append(.init(name: "q", value: text)) }
            return items
        }
    }

    /// The last row of a page: its filing day and id.
    typealias Cursor = DayCursor

    struct Row: Sendable, Decodable, Equatable {
        let id: UUID
        let caseNumber: String
        let court: String
        let organName: String
        let regionName: String
        let basis: String
        let obligation: Obligation
        let owedFen: Int64
        let paidFen: Int64
        let act: String
        let filedOn: String
        let state: EnforcementState
        let campaignName: String?

        var outstandingFen: Int64 {
            EnforcementCaseState(obligation: obligation, owedFen: owedFen, paidFen: paidFen, state: state)
                .outstandingFen
        }
    }

    struct Page: Sendable {
        let rows: [Row]
        let total: Int
        let next: Cursor?
    }

    static let pageSize = 50

    static func list(region: Region, scope: Scope, filter: Filter, limit: Int = pageSize, on db: any Database)
        async throws -> Page
    {
        let sql = try db.sql()
        var condition: SQLQueryString =
            "e.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))"
        if let organ = filter.organ { condition += " AND e.organ_id = \(bind: organ)" }
        if let state = filter.state { condition += " AND e.state = \(bind: state.rawValue)" }
        if let campaign = filter.campaign { condition += " AND e.campaign_id = \(bind: campaign)" }
        if let text = filter.text, !text.isEmpty {
            condition +=
                " AND (" + SQLDoor.contains("e.case_number", text) + " OR " + SQLDoor.contains("e.basis", text) + ")"
        }
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM enforcement_cases e WHERE " + condition).first()?
            .decode(column: "n", as: Int.self) ?? 0
        if let after = filter.after {
            condition +=
                " AND (e.filed_on < \(bind: after.day) OR (e.filed_on = \(bind: after.day) AND e.id < \(bind: after.id)))"
        }
        let rows = try await sql.raw(
            """
            SELECT e.id, e.case_number, e.court, u.name AS organ_name, r.name AS region_name, e.basis, e.obligation, \
            e.owed_fen, e.paid_fen, e.act, e.filed_on, e.state, c.name AS campaign_name \
            FROM enforcement_cases e JOIN units u ON u.id = e.organ_id JOIN regions r ON r.id = e.region_id \
            LEFT JOIN enforcement_campaigns c ON c.id = e.campaign_id \
            WHERE \(condition) ORDER BY e.filed_on DESC, e.id DESC LIMIT \(unsafeRaw: String(limit + 1))
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let shown = Array(rows.prefix(limit))
        let next = rows.count > limit ? shown.last.map { Cursor(day: $0.filedOn, id: $0.id) } : nil
        return Page(rows: shown, total: total, next: next)
    }

    struct Detail: Sendable {
        let item: EnforcementCase
        let region: Region
        let organName: String
        let campaign: EnforcementCampaign?
        let payments: [EnforcementPayment]
    }

    /// A case by id, or 404 when there is none or its region lies outside the scope (or outside `within`).
    static func detail(id: UUID, scope: Scope, within: Region? = nil, on db: any Database) async throws -> Detail {
        var query = scope.restrict(
            EnforcementCase.query(on: db).join(Region.self, on: \EnforcementCase.$region.$id == \Region.$id))
        if let within {
            query = query.group(.or) {
                $0.filter(Region.self, \.$path == within.path).filter(Region.self, \.$path =~ (within.path + "/"))
            }
        }
        guard let item = try await query.filter(\.$id == id).first() else { throw AppError.notFound("执行案件") }
        let organ = try await Unit.find(item.$organ.id, on: db)
        var campaign: EnforcementCampaign?
        if let id = item.$campaign.id { campaign = try await EnforcementCampaign.find(id, on: db) }
        let payments = try await EnforcementPayment.query(on: db).filter(\.$enforcementCase.$id == id)
            .sort(\.$paidOn).sort(\.$createdAt).all()
        return Detail(
            item: item, region: try item.joined(Region.self), organName: organ?.name ?? "", campaign: campaign,
            payments: payments)
    }

    struct Choice: Decodable, Sendable, Equatable {
        let id: UUID
        let name: String
    }

    /// The organs a case of `region` may name: the units of the region and of the regions above it (a county court
    /// enforces judgments against city agencies too), the region's own first.
    static func organChoices(of region: Region, on db: any Database) async throws -> [Choice] {
        let paths = ancestry(region)
        return try await db.sql().raw(
            """
            SELECT u.id, u.name FROM units u JOIN regions r ON r.id = u.region_id \
            WHERE r.path IN (\(binds: paths)) ORDER BY LENGTH(r.path) DESC, u.name
            """
        ).all(decoding: Choice.self)
    }

    /// The campaigns a case of `region` may belong to: its own and those of the regions above it.
    static func campaignChoices(of region: Region, on db: any Database) async throws -> [Choice] {
        try await db.sql().raw(
            """
            SELECT c.id, c.name FROM enforcement_campaigns c JOIN regions r ON r.id = c.region_id \
            WHERE r.path IN (\(binds: ancestry(region))) ORDER BY c.target_on, c.name
            """
        ).all(decoding: Choice.self)
    }

    /// The region's path and those of the regions above it.
    static func ancestry(_ region: Region) -> [String] {
        let codes = region.path.split(separator: "/")
        return (1...max(1, codes.count)).map { codes.prefix($0).joined(separator: "/") }
    }
}
