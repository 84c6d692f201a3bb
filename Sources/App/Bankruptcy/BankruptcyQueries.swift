import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Reading bankruptcy cases, always within the caller's scope (applied in the query): the list with each case's
/// matters counted and its worst light, one case with its matters as ledger rows, the departments a matter may go to.
enum BankruptcyQueries {
    /// 办理中, 有逾期事项, 已终结.
    enum Progress: String, CaseIterable, Sendable {
        case open, late, concluded

        var label: String {
            switch self {
            case .open: "办理中"
            case .late: "有逾期事项"
            case .concluded: "已终结"
            }
        }
    }

    struct Filter: Sendable, Equatable {
        var procedure: BankruptcyProcedure?
        var progress: Progress?
        /// Words looked for in the case number, the debtor and the administrator.
        var text: String?
        /// Keyset paging: the rows after this one (newest acceptance first).
        var after: Cursor?

        init(
            procedure: BankruptcyProcedure? = nil, progress: Progress? = nil, text: String? = nil, after: Cursor? = nil
        ) {
            (self.procedure, self.progress, self.text, self.after) = (procedure, progress, text, after)
        }

        init(_ query: any URLQueryContainer) {
            self.init(
                procedure: (try? query.get(String.self, at: "procedure")).flatMap(BankruptcyProcedure.init(rawValue:)),
                progress: (try? query.get(String.self, at: "progress")).flatMap(Progress.init(rawValue:)),
                text: (try? query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces),
                after: (try? query.get(String.self, at: "after")).flatMap(Cursor.init(token:)))
        }

        var queryItems: [URLQueryItem] {
            var items: [URLQueryItem] = []
            if let procedure { items.append(.init(name: "procedure", value: procedure.rawValue)) }
            if let progress { items.append(.init(name: "progress", value: progress.rawValue)) }
            if let text, !text.isEmpty { items.append(.init(name: "q", value: text)) }
            return items
        }
    }

    /// The last row of a page: its acceptance day and id.
    typealias Cursor = DayCursor

    struct Row: Sendable, Decodable, Equatable {
        let id: UUID
        let caseNumber: String
        let debtor: String
        let procedure: BankruptcyProcedure
        let stage: BankruptcyStage
        let judge: String
        let administrator: String
        let acceptedOn: String
        let concludedOn: String?
        let regionName: String
        let courtName: String
        let matters: Int
        let openMatters: Int
        /// The earliest day something is due in its open matters.
        let nextDueOn: String?

        var state: BankruptcyCaseState {
            BankruptcyCaseState(stage: stage, acceptedOn: acceptedOn, concludedOn: concludedOn)
        }

        func timeliness(today: CalendarDay, rules: DueRules) -> Timeliness {
            rules.timeliness(
                nextDueOn.flatMap(CalendarDay.init(parsing:)).map { Due(day: $0, reason: "协调事项") }, today: today)
        }
    }

    struct Page: Sendable {
        let rows: [Row]
        let total: Int
        let next: Cursor?
    }

    static let pageSize = 50

    static func list(
        region: Region, scope: Scope, filter: Filter, today: CalendarDay, limit: Int = pageSize, on db: any Database
    ) async throws -> Page {
        let sql = try db.sql()
        var condition: SQLQueryString =
            "b.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))"
        if let procedure = filter.procedure { condition += " AND b.procedure = \(bind: procedure.rawValue)" }
        switch filter.progress {
        case .open?: condition += " AND b.concluded_on IS NULL"
        case .concluded?: condition += " AND b.concluded_on IS NOT NULL"
        case .late?:
            // Only an open case has a late matter: the open ones first, so that only they are looked into.
            condition +=
                " AND b.concluded_on IS NULL AND EXISTS (SELECT 1 FROM bankruptcy_matters m JOIN work_items i ON i.id = m.item_id WHERE m.case_id = b.id AND i.next_due_on < \(bind: today.description))"
        case nil: break
        }
        if let text = filter.text, !text.isEmpty {
            condition +=
                " AND (" + SQLDoor.contains("b.case_number", text) + " OR " + SQLDoor.contains("b.debtor", text)
                + " OR "
                + SQLDoor.contains("b.administrator", text) + ")"
        }
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM bankruptcy_cases b WHERE " + condition).first()?
            .decode(column: "n", as: Int.self) ?? 0
        if let after = filter.after {
            condition +=
                " AND (b.accepted_on < \(bind: after.day) OR (b.accepted_on = \(bind: after.day) AND b.id < \(bind: after.id)))"
        }
        let finished = [ItemState.closed, .notApplicable].map(\.rawValue)
        let rows = try await sql.raw(
            """
            SELECT b.id, b.case_number, b.debtor, b.procedure, b.stage, b.judge, b.administrator, b.accepted_on, \
            b.concluded_on, r.name AS region_name, u.name AS court_name, \
            (SELECT COUNT(*) FROM bankruptcy_matters m WHERE m.case_id = b.id) AS matters, \
            (SELECT COUNT(*) FROM bankruptcy_matters m JOIN work_items i ON i.id = m.item_id \
            WHERE m.case_id = b.id AND i.state NOT IN \(SQLBind.group(finished))) AS open_matters, \
            (SELECT MIN(i.next_due_on) FROM bankruptcy_matters m JOIN work_items i ON i.id = m.item_id \
            WHERE m.case_id = b.id) AS next_due_on \
            FROM bankruptcy_cases b JOIN regions r ON r.id = b.region_id JOIN units u ON u.id = b.court_id \
            WHERE \(condition) ORDER BY b.accepted_on DESC, b.id DESC LIMIT \(unsafeRaw: String(limit + 1))
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let shown = Array(rows.prefix(limit))
        let next = rows.count > limit ? shown.last.map { Cursor(day: $0.acceptedOn, id: $0.id) } : nil
        return Page(rows: shown, total: total, next: next)
    }

    /// A matter of a case with its ledger item as the ledger shows it (its units' parts and light).
    struct Matter: Sendable {
        let kind: BankruptcyMatterKind
        let row: LedgerQueries.Row
    }

    struct Detail: Sendable {
        let item: BankruptcyCase
        let region: Region
        let courtName: String
        let matters: [Matter]
    }

    /// A case by id, or 404 when there is none or its region lies outside the scope (or outside `within`).
    static func detail(
        id: UUID, scope: Scope, within: Region? = nil, today: CalendarDay, rules: DueRules, on db: any Database
    ) async throws -> Detail {
        var query = scope.restrict(
            BankruptcyCase.query(on: db).join(Region.self, on: \BankruptcyCase.$region.$id == \Region.$id))
        if let within {
            query = query.group(.or) {
                $0.filter(Region.self, \.$path == within.path).filter(Region.self, \.$path =~ (within.path + "/"))
            }
        }
        guard let item = try await query.filter(\.$id == id).first() else { throw AppError.notFound("破产案件") }
        let court = try await Unit.find(item.$court.id, on: db)
        struct Listed: Decodable {
            let itemID: UUID
            let kind: BankruptcyMatterKind
        }
        let sql = try db.sql()
        let listed = try await sql.raw(
            """
            SELECT m.item_id AS "itemID", m.kind FROM bankruptcy_matters m JOIN work_items i ON i.id = m.item_id \
            WHERE m.case_id = \(bind: id) ORDER BY i.number
            """
        ).all(decoding: Listed.self)
        let ids = listed.map(\.itemID)
        let fields =
            ids.isEmpty
            ? []
            : try await sql.raw(
                "SELECT \(LedgerQueries.itemColumns) FROM work_items i JOIN work_lists l ON l.id = i.list_id WHERE i.id IN \(SQLBind.group(ids))"
            ).all(decoding: LedgerQueries.ItemFields.self)
        let byID = Dictionary(uniqueKeysWithValues: fields.map { ($0.id, $0) })
        let parts = try await LedgerQueries.parts(of: ids, on: db)
        let matters = listed.compactMap { matter in
            byID[matter.itemID].map {
                Matter(
                    kind: matter.kind,
                    row: LedgerQueries.Row(item: $0, parts: parts[$0.id] ?? [], today: today, rules: rules))
            }
        }
        return Detail(
            item: item, region: try item.joined(Region.self), courtName: court?.name ?? "", matters: matters)
    }

    /// How many of a case's matters are still open (neither closed nor found not to apply).
    static func openMatters(of caseID: UUID, on db: any Database) async throws -> Int {
        let finished = [ItemState.closed, .notApplicable].map(\.rawValue)
        return try await db.sql().raw(
            """
            SELECT COUNT(*) AS n FROM bankruptcy_matters m JOIN work_items i ON i.id = m.item_id \
            WHERE m.case_id = \(bind: caseID) AND i.state NOT IN \(SQLBind.group(finished))
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    struct Choice: Decodable, Sendable, Equatable {
        let id: UUID
        let name: String
    }

    /// The units a matter may go to: the region's government departments and other units, not its court or
    /// procuratorate.
    static func departments(of regionID: UUID, on db: any Database) async throws -> [Choice] {
        try await db.sql().raw(
            """
            SELECT id, name FROM units WHERE region_id = \(bind: regionID) \
            AND kind NOT IN \(SQLBind.group([UnitKind.court.rawValue, UnitKind.procuratorate.rawValue])) ORDER BY name
            """
        ).all(decoding: Choice.self)
    }
}

extension BankruptcyQueries {
    /// A matter whose item is late or due soon, with its case and its lead unit.
    struct DueMatter: Sendable, Decodable, Equatable {
        let caseID: UUID
        let regionID: UUID
        let courtID: UUID
        let caseNumber: String
        let debtor: String
        let kind: BankruptcyMatterKind
        let unitName: String
        let nextDueOn: String
    }

    /// The matters under `condition` due on or before `day`, soonest first (the first `limit` of them), with how many
    /// there are: one statement, the count a window over the whole.
    private static func matters(_ condition: SQLQueryString, dueBy day: CalendarDay, limit: Int?, on db: any Database)
        async throws -> (rows: [DueMatter], total: Int)
    {
        let rows = try await db.sql().raw(
            """
            SELECT b.id AS "caseID", b.region_id AS "regionID", b.court_id AS "courtID", \
            b.case_number AS "caseNumber", b.debtor, m.kind, \
            (SELECT MIN(u.name) FROM item_parts p JOIN units u ON u.id = p.unit_id \
            WHERE p.item_id = i.id AND p.role = \(bind: PartRole.lead.rawValue)) AS "unitName", \
            i.next_due_on AS "nextDueOn", COUNT(*) OVER () AS total \
            FROM bankruptcy_matters m JOIN work_items i ON i.id = m.item_id JOIN bankruptcy_cases b ON b.id = m.case_id \
            WHERE \(condition) AND i.next_due_on <= \(bind: day.description) \
            ORDER BY i.next_due_on, b.case_number\(unsafeRaw: limit.map { " LIMIT \($0)" } ?? "")
            """
        ).all()
        return (
            try rows.map { try $0.decode(model: DueMatter.self) },
            try rows.first?.decode(column: "total", as: Int.self) ?? 0
        )
    }

    /// The late matters of the cases in `region` (and below, within the scope): the first `limit` and the count.
    static func lateMatters(region: Region, scope: Scope, today: CalendarDay, limit: Int, on db: any Database)
        async throws -> (rows: [DueMatter], total: Int)
    {
        try await matters(
            "b.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))",
            dueBy: today.adding(days: -1), limit: limit, on: db)
    }

    /// Every matter late or due by `day`, for the daily digest.
    static func dueMatters(by day: CalendarDay, on db: any Database) async throws -> [DueMatter] {
        try await matters("1 = 1", dueBy: day, limit: nil, on: db).rows
    }
}
