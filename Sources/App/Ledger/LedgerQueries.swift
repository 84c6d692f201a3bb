import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The ledger's filters, as the page's query string and the export share them.
struct LedgerFilter: Content, Sendable {
    var list: UUID?
    var area: TaskArea?
    var unit: UUID?
    var state: ItemState?
    var kind: Deadline.Kind?
    var timeliness: Timeliness?
    var attention: Attention?
    var q: String?
    var sort: Sort?
    var page: Int?

    /// Parts that ask for someone's attention (提醒), the home page's cards among them.
    enum Attention: String, Codable, CaseIterable, Sendable {
        /// Sent back by the office (退回) and not asked again since.
        case returned
        /// An extension request waits for the office's decision.
        case extensionPending
        /// An extension request was decided in the last `recentDays` days.
        case extensionDecided

        var label: String {
            switch self {
            case .returned: "被退回"
            case .extensionPending: "延期待审批"
            case .extensionDecided: "延期已审批（近 \(Self.recentDays) 日）"
            }
        }

        static let recentDays = 14
    }

    enum Sort: String, Codable, CaseIterable, Sendable {
        case number, due, updated

        var label: String {
            switch self {
            case .number: "按清单序号"
            case .due: "按最近时限"
            case .updated: "按最近更新"
            }
        }
    }

    static let pageSize = 25

    init() {}

    /// The query string's values as given, before they are read as choices.
    struct Given: Decodable {
        var list, area, unit, state, kind, timeliness, attention, q, sort, page: String?
    }

    /// A filter form sends every field, empty when not chosen; empty means "any", and so does a value that is
    /// not one of the choices.
    init(from decoder: any Decoder) throws {
        self.init(try Given(from: decoder))
    }

    private init(_ given: Given) {
        func text(_ value: String?) -> String? {
            let value = value?.trimmingCharacters(in: .whitespaces)
            return value?.isEmpty == false ? value : nil
        }
        list = text(given.list).flatMap(UUID.init(uuidString:))
        area = text(given.area).flatMap(TaskArea.init(rawValue:))
        unit = text(given.unit).flatMap(UUID.init(uuidString:))
        state = text(given.state).flatMap(ItemState.init(rawValue:))
        kind = text(given.kind).flatMap(Deadline.Kind.init(rawValue:))
        timeliness = text(given.timeliness).flatMap(Timeliness.init(rawValue:))
        attention = text(given.attention).flatMap(Attention.init(rawValue:))
        q = text(given.q)
        sort = text(given.sort).flatMap(Sort.init(rawValue:))
        page = text(given.page).flatMap(Int.init)
    }

    /// The API is strict where the page's form is forgiving: a value that is not one of the choices is refused,
    /// naming the parameter, instead of being read as "any".
    static func strict(_ given: Given) throws -> LedgerFilter {
        let filter = LedgerFilter(given)
        let read: [(String, String?, Bool)] = [
            ("list", given.list, filter.list != nil), ("area", given.area, filter.area != nil),
            ("unit", given.unit, filter.unit != nil), ("state", given.state, filter.state != nil),
            ("kind", given.kind, filter.kind != nil), ("timeliness", given.timeliness, filter.timeliness != nil),
            ("attention", given.attention, filter.attention != nil), ("sort", given.sort, filter.sort != nil),
            ("page", given.page, filter.page != nil),
        ]
        var problems = FieldProblems()
        for case (let name, let raw?, false) in read { problems.add(name, "取值“\(raw)”不在可选范围内") }
        if let page = filter.page, page < 1 { problems.add("page", "须为正整数") }
        try problems.throwIfAny()
        return filter
    }

    /// The same filter as a query string (without the page), for links and the export.
    var queryString: String {
        var components = URLComponents()
        components.queryItems = [
            ("list", list?.uuidString), ("area", area?.rawValue), ("unit", unit?.uuidString),
            ("state", state?.rawValue),
            ("kind", kind?.rawValue), ("timeliness", timeliness?.rawValue), ("attention", attention?.rawValue),
            ("q", q),
            ("sort", sort?.rawValue),
        ].compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        return components.percentEncodedQuery ?? ""
    }
}

/// Read queries of the ledger; the page, the export and the API show the same rows because they call these.
enum LedgerQueries {
    /// One unit's part of an item as the ledger shows it, with the unit's name.
    struct Part: Decodable, Sendable {
        let id: UUID
        let itemID: UUID
        let unitID: UUID
        let unitName: String
        let role: PartRole
        let state: UnitState
        let extendedTo: String?
        let nextDueOn: String?
        let nextDueReason: String
    }

    /// An item's own fields as the ledger shows them, with its list's title.
    struct ItemFields: Decodable, Sendable {
        let id: UUID
        let listID: UUID
        let listTitle: String
        let number: Int
        let title: String
        let content: String
        let area: TaskArea
        let deadline: Deadline
        let state: ItemState
        let issuedOn: String?
        let latestReport: String
        let parentItemID: UUID?
        let version: Int

        var issuedDay: CalendarDay? { issuedOn.flatMap(CalendarDay.init(parsing:)) }
    }

    /// One item of the ledger with its parts (lead, responsible, cooperating) and its worst mark.
    struct Row: Sendable {
        let item: ItemFields
        let parts: [Part]
        let timeliness: Timeliness

        init(item: ItemFields, parts: [Part], today: CalendarDay, rules: DueRules) {
            self.item = item
            self.parts = parts
            self.timeliness = LedgerQueries.timeliness(of: parts, today: today, rules: rules)
        }

        func units(_ role: PartRole) -> [String] { parts.filter { $0.role == role }.map(\.unitName) }

        /// The parts that put the item under the state filter `state` although the item as a whole is in another
        /// state (one unit asks for closure while another is still at work).
        func parts(behind state: ItemState?) -> [Part] {
            guard let state, state != item.state else { return [] }
            return parts.filter { $0.role != .cooperating && state.partStates.contains($0.state) }
        }
    }

    /// An item already loaded (with its list joined) as a row of the ledger.
    static func row(_ item: WorkItem, parts: [Part], today: CalendarDay, rules: DueRules) throws -> Row {
        Row(item: try ItemFields(item), parts: parts, today: today, rules: rules)
    }

    /// The columns of `ItemFields`, from `work_items i` joined to its list `work_lists l`.
    static let itemColumns: SQLQueryString = """
        i.id, i.list_id AS "listID", l.title AS "listTitle", i.number, i.title, i.content, i.area, \
        i.deadline, i.state, i.issued_on AS "issuedOn", i.latest_report AS "latestReport", \
        i.parent_item_id AS "parentItemID", i.version
        """

    /// The filtered rows of one region's ledger, a page of them or all (`paged` false), with the total count:
    /// three hand-written queries (the count, the page, the page's parts), whatever the filter.
    static func rows(
        region: Region, filter: LedgerFilter, today: CalendarDay, rules: DueRules, paged: Bool, on db: any Database
    ) async throws -> (rows: [Row], total: Int) {
        let sql = try db.sql()
        let condition = try self.condition(region: region, filter: filter, today: today, rules: rules)
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM work_items i WHERE \(condition)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let order: SQLQueryString =
            switch filter.sort ?? .number {
            case .number: "l.created_at, i.number, i.id"
            // Items with nothing due go last on both databases (SQLite and PostgreSQL order NULLs differently).
            case .due: "CASE WHEN i.next_due_on IS NULL THEN 1 ELSE 0 END, i.next_due_on, i.number, i.id"
            case .updated: "i.updated_at DESC, i.number, i.id"
            }
        var range: SQLQueryString = ""
        if paged {
            let offset = (Paging.page(filter.page, size: LedgerFilter.pageSize) - 1) * LedgerFilter.pageSize
            range = " LIMIT \(unsafeRaw: String(LedgerFilter.pageSize)) OFFSET \(unsafeRaw: String(offset))"
        }
        let items = try await sql.raw(
            "SELECT \(itemColumns) FROM work_items i JOIN work_lists l ON l.id = i.list_id WHERE \(condition) ORDER BY \(order)\(range)"
        ).all(decoding: ItemFields.self)
        let parts = try await self.parts(of: items.map(\.id), on: db)
        let rows = items.map { Row(item: $0, parts: parts[$0.id] ?? [], today: today, rules: rules) }
        return (rows, total)
    }

    /// The filter as the condition on `work_items i`. Unit, lateness and attention filters are on the parts (the
    /// database follows the (item, unit) index from each candidate item); with a unit chosen, the state, lateness and
    /// attention filters are on that unit's own parts: "公安局's items to sign for" are those where 公安局 has to sign.
    static func condition(region: Region, filter: LedgerFilter, today: CalendarDay, rules: DueRules) throws
        -> SQLQueryString
    {
        var condition: SQLQueryString = "i.region_id = \(bind: try region.requireID())"
        if let list = filter.list { condition += " AND i.list_id = \(bind: list)" }
        if let area = filter.area { condition += " AND i.area = \(bind: area.rawValue)" }
        if let kind = filter.kind { condition += " AND i.deadline_kind = \(bind: kind.rawValue)" }
        if let text = filter.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            condition += " AND (\(SQLDoor.contains("i.title", text)) OR \(SQLDoor.contains("i.content", text)))"
        }
        let unit: SQLQueryString = filter.unit.map { "p.unit_id = \(bind: $0) AND " } ?? ""
        func anyPart(_ partCondition: SQLQueryString, exists: Bool = true) -> SQLQueryString {
            " AND \(unsafeRaw: exists ? "" : "NOT ")EXISTS (SELECT 1 FROM item_parts p WHERE p.item_id = i.id AND \(unit)\(partCondition))"
        }
        if filter.unit != nil { condition += anyPart("1 = 1") }
        if let state = filter.state {
            let parts = state.partStates.map(\.rawValue)
            if parts.isEmpty {
                condition += " AND i.state = \(bind: state.rawValue)"
            } else if filter.unit != nil {
                condition +=
                    " AND i.state <> \(bind: ItemState.draft.rawValue)" + anyPart("p.state IN \(SQLBind.group(parts))")
            } else {
                // An item is under its own state, and under the state of any part its state follows (ItemState.partStates).
                // `i.region_id IS NOT NULL` keeps PostgreSQL from answering the EXISTS under OR by hashing every part of
                // the province (a scan of item_parts): with an outer column beside the join it probes the item's parts
                // by index instead (20 ms → 2 ms for a county of the generated province).
                condition +=
                    " AND i.state <> \(bind: ItemState.draft.rawValue) AND (i.state = \(bind: state.rawValue)"
                    + " OR EXISTS (SELECT 1 FROM item_parts p WHERE p.item_id = i.id AND i.region_id IS NOT NULL AND p.role <> \(bind: PartRole.cooperating.rawValue) AND p.state IN \(SQLBind.group(parts))))"
            }
        }
        if let timeliness = filter.timeliness {
            let late = overdue(today)
            let soon: SQLQueryString = "p.next_due_on <= \(bind: rules.lastDueSoonDay(today: today).description)"
            switch timeliness {
            case .overdue: condition += anyPart(late)
            case .dueSoon: condition += anyPart(soon) + anyPart(late, exists: false)
            case .onTime, .none: condition += anyPart(soon, exists: false)
            }
        }
        switch filter.attention {
        case .returned?:
            condition += anyPart("p.returned_on IS NOT NULL AND p.state = \(bind: UnitState.inProgress.rawValue)")
        case .extensionPending?:
            condition += anyPart(
                "EXISTS (SELECT 1 FROM extension_requests e WHERE e.part_id = p.id AND e.status = \(bind: ExtensionRequest.Status.pending.rawValue))"
            )
        case .extensionDecided?:
            let since = today.adding(days: -LedgerFilter.Attention.recentDays).description
            let decided = [ExtensionRequest.Status.approved, .refused].map(\.rawValue)
            condition += anyPart(
                "EXISTS (SELECT 1 FROM extension_requests e WHERE e.part_id = p.id AND e.status IN \(SQLBind.group(decided)) AND e.decided_on >= \(bind: since))"
            )
        case nil: break
        }
        return condition
    }

    /// A part `p` that is late today: the ledger's 逾期, its lower regions' and its progress's late alike.
    static func overdue(_ today: CalendarDay) -> SQLQueryString { "p.next_due_on < \(bind: today.description)" }

    /// Parts with their unit names, for many items in one query: lead, responsible, cooperating, each by name.
    static func parts(of itemIDs: [UUID], on db: any Database) async throws -> [UUID: [Part]] {
        guard !itemIDs.isEmpty else { return [:] }
        let parts = try await db.sql().raw(
            """
            SELECT p.id, p.item_id AS "itemID", p.unit_id AS "unitID", u.name AS "unitName", p.role, p.state, \
            p.extended_to AS "extendedTo", p.next_due_on AS "nextDueOn", p.next_due_reason AS "nextDueReason" \
            FROM item_parts p JOIN units u ON u.id = p.unit_id \
            WHERE p.item_id IN \(SQLBind.group(itemIDs))
            """
        ).all(decoding: Part.self)
        return Dictionary(grouping: parts, by: \.itemID).mapValues {
            $0.sorted { ($0.role.rank, $0.unitName) < ($1.role.rank, $1.unitName) }
        }
    }

    /// An item as a link or a dropdown names it.
    struct ItemLabel: Decodable, Sendable {
        let id: UUID
        let number: Int
        let title: String
        let state: ItemState

        var label: String { "第 \(number) 项 \(title)" }
    }

    /// The items paired with `item` (the measures answering a problem, or the problem a measure answers), and,
    /// when asked, the region's responsibility items not yet paired with it: a county's list has hundreds, so
    /// only the columns a link and a dropdown show are read.
    static func pairing(of item: WorkItem, offeringCandidates: Bool, on db: any Database) async throws -> (
        paired: [ItemLabel], candidates: [ItemLabel]
    ) {
        let sql = try db.sql()
        let itemID = try item.requireID()
        let paired = try await sql.raw(
            """
            SELECT i.id, i.number, i.title, i.state FROM item_links k \
            JOIN work_items i ON i.id = CASE WHEN k.problem_id = \(bind: itemID) THEN k.measure_id ELSE k.problem_id END \
            WHERE k.problem_id = \(bind: itemID) OR k.measure_id = \(bind: itemID) ORDER BY i.number, i.id
            """
        ).all(decoding: ItemLabel.self)
        guard offeringCandidates else { return (paired, []) }
        let taken = Set(paired.map(\.id))
        let candidates = try await sql.raw(
            """
            SELECT i.id, i.number, i.title, i.state FROM work_items i JOIN work_lists l ON l.id = i.list_id \
            WHERE i.region_id = \(bind: item.$region.id) AND l.kind = \(bind: ListKind.responsibility.rawValue) \
            ORDER BY l.created_at, i.number, i.id
            """
        ).all(decoding: ItemLabel.self)
        return (paired, candidates.filter { !taken.contains($0.id) })
    }

    /// An item's progress reports, newest first, straight into the shape the page and the API show, with how many
    /// there are: the newest `limit`, or all. An item reported on monthly by several units for years has hundreds.
    static func reports(of itemID: UUID, limit: Int? = nil, on db: any Database) async throws -> (
        shown: [LedgerDTO.Report], total: Int
    ) {
        let rows = try await db.sql().raw(
            """
            SELECT u.name AS unit_name, r.reported_on, r.period_key AS period, r.text, r.figures, r.author, \
            COUNT(*) OVER () AS total FROM progress_reports r JOIN units u ON u.id = r.unit_id \
            WHERE r.item_id = \(bind: itemID) ORDER BY r.created_at DESC, r.id\
            \(unsafeRaw: limit.map { " LIMIT \($0)" } ?? "")
            """
        ).all()
        return (
            try rows.map { try $0.decode(model: LedgerDTO.Report.self, keyDecodingStrategy: .convertFromSnakeCase) },
            try rows.first?.decode(column: "total", as: Int.self) ?? 0
        )
    }

    /// The worst mark of an item's open parts.
    static func timeliness(of parts: [Part], today: CalendarDay, rules: DueRules) -> Timeliness {
        parts.map { timeliness(of: $0, today: today, rules: rules) }.max() ?? .none
    }

    static func timeliness(of part: Part, today: CalendarDay, rules: DueRules) -> Timeliness {
        guard let day = part.nextDueOn.flatMap(CalendarDay.init(parsing:)) else { return .none }
        return rules.timeliness(Due(day: day, reason: part.nextDueReason), today: today)
    }

    /// A part of `item`, or 404.
    static func part(_ id: UUID, of item: WorkItem, on db: any Database) async throws -> ItemPart {
        guard
            let part = try await ItemPart.query(on: db).filter(\.$id == id).filter(\.$item.$id == item.requireID())
                .first()
        else { throw AppError.notFound("办理单位") }
        return part
    }

    /// Copies of `item` handed down to lower regions, with their region joined, by region code.
    static func children(of item: WorkItem, on db: any Database) async throws -> [WorkItem] {
        try await WorkItem.query(on: db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
            .filter(\.$parentItem.$id == item.requireID()).sort(Region.self, \.$code).all()
    }

    /// An item in the caller's scope, with its list and region joined, or 404.
    static func item(id: UUID, scope: Scope, on db: any Database) async throws -> WorkItem {
        guard
            let item = try await scope.restrict(
                WorkItem.query(on: db)
                    .join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .join(WorkList.self, on: \WorkItem.$list.$id == \WorkList.$id)
            ).filter(\.$id == id).first()
        else { throw AppError.notFound("事项") }
        return item
    }
}

extension LedgerQueries.ItemFields {
    /// The fields of an item loaded with its list joined.
    init(_ item: WorkItem) throws {
        try self.init(
            id: item.requireID(), listID: item.$list.id, listTitle: item.joined(WorkList.self).title,
            number: item.number, title: item.title, content: item.content, area: item.area, deadline: item.deadline,
            state: item.state, issuedOn: item.issuedOn, latestReport: item.latestReport,
            parentItemID: item.$parentItem.id, version: item.version)
    }
}

extension LedgerQueries {
    /// An item as a home card lists it: with the day its unit's part (or, without a unit filter, any part) is due.
    struct CardItem: Decodable, Sendable {
        let id: UUID
        let title: String
        let issuedOn: String?
        let dueOn: String?
        let total: Int
    }

    /// The count of the ledger's rows under `filter` with the first `limit` of them, soonest due first, in one query:
    /// the same condition as the ledger's, so that the card and the list it links to agree.
    static func card(
        region: Region, filter: LedgerFilter, today: CalendarDay, rules: DueRules, limit: Int, on db: any Database
    )
        async throws -> (total: Int, items: [CardItem])
    {
        let condition = try self.condition(region: region, filter: filter, today: today, rules: rules)
        let unit: SQLQueryString = filter.unit.map { " AND p.unit_id = \(bind: $0)" } ?? ""
        // Soonest due first, by the day the card shows (the unit's own with a unit chosen), those with none last.
        let items = try await db.sql().raw(
            """
            SELECT * FROM (SELECT i.id, i.title, i.number, i.issued_on AS "issuedOn", \
            (SELECT MIN(p.next_due_on) FROM item_parts p WHERE p.item_id = i.id\(unit)) AS "dueOn", \
            COUNT(*) OVER () AS total FROM work_items i WHERE \(condition)) c \
            ORDER BY CASE WHEN c."dueOn" IS NULL THEN 1 ELSE 0 END, c."dueOn", c.number, c.id \
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: CardItem.self)
        return (items.first?.total ?? 0, items)
    }

    /// A lower region's ledger at a glance: items open, late, closed this month, and the day of its latest report.
    struct LowerRegion: Decodable, Sendable {
        let code: String
        let name: String
        let open: Int
        let late: Int
        let closedThisMonth: Int
        let latestReport: String?
    }

    /// The regions directly below `region` within `scope`, each with its ledger at a glance, in one query.
    static func lowerRegions(of region: Region, scope: Scope, today: CalendarDay, on db: any Database) async throws
        -> [LowerRegion]
    {
        let unfinished = [ItemState.draft, .closed, .notApplicable].map(\.rawValue)
        let monthStart = CalendarDay(year: today.year, month: today.month, clampingDay: 1).description
        return try await db.sql().raw(
            """
            SELECT r.code, r.name, \
            COUNT(CASE WHEN i.state NOT IN \(SQLBind.group(unfinished)) THEN 1 END) AS open, \
            COUNT(CASE WHEN i.state NOT IN \(SQLBind.group(unfinished)) AND EXISTS (SELECT 1 FROM item_parts p \
            WHERE p.item_id = i.id AND \(overdue(today))) THEN 1 END) AS late, \
            COUNT(CASE WHEN i.closed_on >= \(bind: monthStart) THEN 1 END) AS "closedThisMonth", \
            (SELECT MAX(pr.reported_on) FROM progress_reports pr JOIN work_items w ON w.id = pr.item_id \
            WHERE w.region_id = r.id) AS "latestReport" \
            FROM regions r LEFT JOIN work_items i ON i.region_id = r.id \
            WHERE r.parent_id = \(bind: try region.requireID()) AND \(scope.paths) \
            GROUP BY r.id, r.code, r.name ORDER BY r.code
            """
        ).all(decoding: LowerRegion.self)
    }

    /// A region's items by task area: drafts (a handed-down list 待部署 among them), issued, finished (closed or
    /// found not applicable), late.
    struct AreaProgress: Decodable, Sendable {
        let area: TaskArea
        let drafts: Int
        let issued: Int
        let finished: Int
        let late: Int
    }

    static func progress(region: Region, today: CalendarDay, on db: any Database) async throws -> [AreaProgress] {
        let finished = [ItemState.closed, .notApplicable].map(\.rawValue)
        return try await db.sql().raw(
            """
            SELECT i.area, COUNT(CASE WHEN i.state = \(bind: ItemState.draft.rawValue) THEN 1 END) AS drafts, \
            COUNT(CASE WHEN i.state <> \(bind: ItemState.draft.rawValue) THEN 1 END) AS issued, \
            COUNT(CASE WHEN i.state IN \(SQLBind.group(finished)) THEN 1 END) AS finished, \
            COUNT(CASE WHEN EXISTS (SELECT 1 FROM item_parts p WHERE p.item_id = i.id \
            AND \(overdue(today))) THEN 1 END) AS late \
            FROM work_items i WHERE i.region_id = \(bind: try region.requireID()) GROUP BY i.area
            """
        ).all(decoding: AreaProgress.self).sorted {
            (TaskArea.allCases.firstIndex(of: $0.area) ?? 0) < (TaskArea.allCases.firstIndex(of: $1.area) ?? 0)
        }
    }
}

extension LedgerQueries {
    /// A unit with late or falling-due parts of issued items: how many items of each; `total` is the count of the
    /// ledger's late items (the list `timeliness=overdue`), the same on every row.
    struct LateUnit: Decodable, Sendable {
        let id: UUID
        let name: String
        let late: Int
        let dueSoon: Int
        let total: Int
    }

    /// The units of the region's ledger with late or falling-due parts, most late first, with the count of the late
    /// items as the ledger's filter counts them, in one query.
    static func lateUnits(region: Region, today: CalendarDay, rules: DueRules, on db: any Database) async throws
        -> [LateUnit]
    {
        var overdue = LedgerFilter()
        overdue.timeliness = .overdue
        let condition = try self.condition(region: region, filter: overdue, today: today, rules: rules)
        let day = today.description
        return try await db.sql().raw(
            """
            SELECT u.id, u.name, \
            COUNT(DISTINCT CASE WHEN q.next_due_on < \(bind: day) THEN w.id END) AS late, \
            COUNT(DISTINCT CASE WHEN q.next_due_on >= \(bind: day) THEN w.id END) AS "dueSoon", \
            (SELECT COUNT(*) FROM work_items i WHERE \(condition)) AS total \
            FROM item_parts q JOIN work_items w ON w.id = q.item_id JOIN units u ON u.id = q.unit_id \
            WHERE w.region_id = \(bind: try region.requireID()) AND w.state <> \(bind: ItemState.draft.rawValue) \
            AND q.next_due_on <= \(bind: rules.lastDueSoonDay(today: today).description) \
            GROUP BY u.id, u.name ORDER BY late DESC, "dueSoon" DESC, u.name
            """
        ).all(decoding: LateUnit.self)
    }
}
