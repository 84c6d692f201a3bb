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
    var q: String?
    var sort: Sort?
    var page: Int?

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

    /// A filter form sends every field, empty when not chosen; empty means "any", and so does a value that is
    /// not one of the choices.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            let value = try container.decodeIfPresent(String.self, forKey: key)?.trimmingCharacters(in: .whitespaces)
            return value?.isEmpty == false ? value : nil
        }
        list = try text(.list).flatMap(UUID.init(uuidString:))
        area = try text(.area).flatMap(TaskArea.init(rawValue:))
        unit = try text(.unit).flatMap(UUID.init(uuidString:))
        state = try text(.state).flatMap(ItemState.init(rawValue:))
        kind = try text(.kind).flatMap(Deadline.Kind.init(rawValue:))
        timeliness = try text(.timeliness).flatMap(Timeliness.init(rawValue:))
        q = try text(.q)
        sort = try text(.sort).flatMap(Sort.init(rawValue:))
        page = try text(.page).flatMap(Int.init)
    }

    /// The API is strict where the page's form is forgiving: a value that is not one of the choices is refused,
    /// naming the parameter, instead of being read as "any".
    static func strict(_ request: Request) throws -> LedgerFilter {
        let filter = try request.query.decode(LedgerFilter.self)
        let understood: [(CodingKeys, Bool)] = [
            (.list, filter.list != nil), (.area, filter.area != nil), (.unit, filter.unit != nil),
            (.state, filter.state != nil), (.kind, filter.kind != nil), (.timeliness, filter.timeliness != nil),
            (.sort, filter.sort != nil), (.page, filter.page != nil),
        ]
        var problems = FieldProblems()
        for (key, isUnderstood) in understood where !isUnderstood {
            if let raw = try? request.query.get(String.self, at: key.stringValue) {
                problems.add(key.stringValue, "取值“\(raw)”不在可选范围内")
            }
        }
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
            ("kind", kind?.rawValue), ("timeliness", timeliness?.rawValue), ("q", q),
            ("sort", sort?.rawValue),
        ].compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        return components.percentEncodedQuery ?? ""
    }
}

/// Read queries of the ledger; the page, the export and the API show the same rows because they call these.
enum LedgerQueries {
    struct Row {
        let item: WorkItem
        let listTitle: String
        let parts: [(part: ItemPart, unitName: String)]
        let timeliness: Timeliness

        func units(_ role: PartRole) -> [String] { parts.filter { $0.part.role == role }.map(\.unitName) }
    }

    /// The filtered rows of one region's ledger, a page of them or all (`page` nil), with the total count.
    static func rows(
        region: Region, filter: LedgerFilter, today: CalendarDay, rules: DueRules, paged: Bool, on db: any Database
    ) async throws -> (rows: [Row], total: Int) {
        let regionID = try region.requireID()
        var query = WorkItem.query(on: db).filter(\.$region.$id == regionID)
        if let list = filter.list { query = query.filter(\.$list.$id == list) }
        if let area = filter.area { query = query.filter(\.$area == area) }
        if let state = filter.state { query = query.filter(\.$state == state) }
        if let kind = filter.kind { query = query.filter(\.$deadlineKind == kind) }
        if let text = filter.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            query = query.group(.or) { $0.filter(\.$title ~~ text).filter(\.$content ~~ text) }
        }
        if let unit = filter.unit { query = query.filter(anyPart("\(ident: "unit_id") = \(bind: unit)")) }
        if let timeliness = filter.timeliness {
            let overdue: SQLQueryString = "\(ident: "next_due_on") < \(bind: today.description)"
            let soon: SQLQueryString =
                "\(ident: "next_due_on") < \(bind: today.adding(days: rules.dueSoonDays + 1).description)"
            switch timeliness {
            case .overdue: query = query.filter(anyPart(overdue))
            case .dueSoon: query = query.filter(anyPart(soon)).filter(anyPart(overdue, exists: false))
            case .onTime, .none: query = query.filter(anyPart(soon, exists: false))
            }
        }
        let total = try await query.copy().count()
        query = query.join(WorkList.self, on: \WorkItem.$list.$id == \WorkList.$id)
        switch filter.sort ?? .number {
        case .number:
            query = query.sort(WorkList.self, \.$createdAt).sort(\.$number)
        case .due:
            // Items with nothing due go last on both databases (SQLite and PostgreSQL order NULLs differently).
            query = query.sort(.custom(SQLRaw(#"CASE WHEN "work_items"."next_due_on" IS NULL THEN 1 ELSE 0 END"#)))
                .sort(\.$nextDueOn).sort(\.$number)
        case .updated:
            query = query.sort(\.$updatedAt, .descending).sort(\.$number)
        }
        if paged {
            let page = max(1, filter.page ?? 1)
            query = query.range(((page - 1) * LedgerFilter.pageSize)..<(page * LedgerFilter.pageSize))
        }
        let items = try await query.all()
        let parts = try await self.parts(of: items.compactMap(\.id), on: db)
        let rows = try items.map { item in
            let itemParts = parts[try item.requireID()] ?? []
            return Row(
                item: item, listTitle: try item.joined(WorkList.self).title, parts: itemParts,
                timeliness: timeliness(of: itemParts.map(\.part), today: today, rules: rules))
        }
        return (rows, total)
    }

    /// Items with a part that meets `condition`, as a filter inside the item query: the database follows the
    /// (item, unit) index from each candidate item instead of the application loading and re-sending ids.
    private static func anyPart(_ condition: SQLQueryString, exists: Bool = true) -> DatabaseQuery.Filter {
        .sql(
            embed:
                "\(unsafeRaw: exists ? "" : "NOT ")EXISTS (SELECT 1 FROM \(ident: ItemPart.schema) WHERE \(ident: ItemPart.schema).\(ident: "item_id") = \(ident: WorkItem.schema).\(ident: "id") AND \(condition))"
        )
    }

    /// Parts with their unit names, for many items in one query.
    static func parts(of itemIDs: [UUID], on db: any Database) async throws -> [UUID: [(
        part: ItemPart, unitName: String
    )]] {
        guard !itemIDs.isEmpty else { return [:] }
        let parts = try await ItemPart.query(on: db)
            .join(Unit.self, on: \ItemPart.$unit.$id == \Unit.$id)
            .filter(\.$item.$id ~~ itemIDs)
            .all()
        let order: [PartRole: Int] = [.lead: 0, .responsible: 1, .cooperating: 2]
        return try Dictionary(grouping: parts.map { ($0, try $0.joined(Unit.self).name) }, by: { $0.0.$item.id })
            .mapValues {
                $0.sorted { (order[$0.0.role]!, $0.1) < (order[$1.0.role]!, $1.1) }.map { (part: $0.0, unitName: $0.1) }
            }
    }

    /// An item's progress reports, newest first, straight into the shape the page and the API show: an item
    /// reported on monthly by several units for years has hundreds.
    static func reports(of itemID: UUID, on db: any Database) async throws -> [LedgerDTO.Report] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT u.name AS unit_name, r.reported_on, r.period_key AS period, r.text, r.figures, r.author \
            FROM progress_reports r JOIN units u ON u.id = r.unit_id \
            WHERE r.item_id = \(bind: itemID) ORDER BY r.created_at DESC
            """
        ).all(decoding: LedgerDTO.Report.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The worst mark of an item's open parts.
    static func timeliness(of parts: [ItemPart], today: CalendarDay, rules: DueRules) -> Timeliness {
        parts.map { timeliness(of: $0, today: today, rules: rules) }.max() ?? .none
    }

    static func timeliness(of part: ItemPart, today: CalendarDay, rules: DueRules) -> Timeliness {
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
