import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Reading judicial suggestions, always within the caller's scope (applied in the query): the list, one suggestion
/// with its history, and what an agency still owes.
enum SuggestionQueries {
    /// What the list can be narrowed to besides the workflow's states: lateness, which reads the day.
    enum State: String, CaseIterable, Sendable {
        case issued, signed, replied, dueSoon, overdue, late

        var label: String {
            switch self {
            case .issued: SuggestionState.issued.label
            case .signed: SuggestionState.signed.label
            case .replied: SuggestionState.replied.label
            case .dueSoon: "临期未回复"
            case .overdue: "逾期未回复"
            case .late: "逾期回复"
            }
        }
    }

    /// The list's orders: newest issued first, or the reply due soonest first.
    enum Order: String, CaseIterable, Sendable {
        case issued, due

        var label: String {
            switch self {
            case .issued: "按发出日期（新在前）"
            case .due: "按回复期限（近在前）"
            }
        }
    }

    struct Filter: Sendable, Equatable {
        var agency: UUID?
        var state: State?
        /// Words looked for in the reference, the case number, the problem and the suggestion.
        var text: String?
        var order = Order.issued
        /// Keyset paging: the rows after this one in the list's order.
        var after: Cursor?

        /// The filter in words, for the audit log of an export.
        var summary: String {
            let items = queryItems.map { "\($0.name)=\($0.value ?? "")" }
            return items.isEmpty ? "全部" : items.joined(separator: "&")
        }

        /// The filter as the list's address has it (without `after`).
        var queryItems: [URLQueryItem] {
            var items: [URLQueryItem] = []
            if let agency { items.append(.init(name: "agency", value: agency.uuidString)) }
            if let state { items.append(.init(name: "state", value: state.rawValue)) }
            if let text, !text.isEmpty { items.append(.init(name: "q", value: text)) }
            if order != .issued { items.append(.init(name: "order", value: order.rawValue)) }
            return items
        }

        init(
            agency: UUID? = nil, state: State? = nil, text: String? = nil, order: Order = .issued, after: Cursor? = nil
        ) {
            (self.agency, self.state, self.text, self.order, self.after) = (agency, state, text, order, after)
        }

        /// The filter a list's address asks for; what does not parse is left out.
        init(_ query: any URLQueryContainer) {
            self.init(
                agency: try? query.get(UUID.self, at: "agency"),
                state: (try? query.get(String.self, at: "state")).flatMap(State.init(rawValue:)),
                text: (try? query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces),
                order: (try? query.get(String.self, at: "order")).flatMap(Order.init(rawValue:)) ?? .issued,
                after: (try? query.get(String.self, at: "after")).flatMap(Cursor.init(token:)))
        }
    }

    /// Where a page of the list ends: the last row's day in the list's order (issued or due) and its id.
    typealias Cursor = DayCursor

    /// A suggestion as the list shows it.
    struct Row: Sendable, Decodable, Equatable {
        let id: UUID
        let reference: String
        let caseNumber: String
        let problem: String
        let agencyName: String
        let regionName: String
        let issuedOn: String
        let replyDue: String
        let state: SuggestionState
        let repliedOn: String?
        let adoption: Adoption?

        /// Its light today: red or yellow while the reply is missing.
        func timeliness(today: CalendarDay, rules: DueRules) -> Timeliness {
            guard let due = CalendarDay(parsing: replyDue) else { return .none }
            return SuggestionRules().timeliness(
                due: due, repliedOn: repliedOn.flatMap(CalendarDay.init(parsing:)), today: today, rules: rules)
        }

        /// Replied after its day.
        var isLate: Bool {
            guard let replied = repliedOn.flatMap(CalendarDay.init(parsing:)), let due = CalendarDay(parsing: replyDue)
            else { return false }
            return SuggestionRules().isLate(repliedOn: replied, due: due)
        }
    }

    struct Page: Sendable {
        let rows: [Row]
        let total: Int
        /// Where the next page starts; nil on the last.
        let next: Cursor?
    }

    static let pageSize = 50

    /// Suggestions of `region` and the regions below it (within the caller's scope), one page in the filter's order,
    /// with the count of all that match.
    static func list(
        region: Region, scope: Scope, filter: Filter, today: CalendarDay, rules: DueRules, limit: Int = pageSize,
        on db: any Database
    ) async throws -> Page {
        let sql = try db.sql()
        let condition = Self.condition(region: region, scope: scope, filter: filter, today: today, rules: rules)
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM judicial_suggestions s WHERE " + condition).first()?
            .decode(column: "n", as: Int.self) ?? 0
        var page = condition
        let (column, direction) = filter.order == .issued ? ("s.issued_on", "DESC") : ("s.reply_due", "ASC")
        if let after = filter.after {
            let comparison = filter.order == .issued ? "<" : ">"
            page +=
                " AND (\(unsafeRaw: column) \(unsafeRaw: comparison) \(bind: after.day) OR (\(unsafeRaw: column) = \(bind: after.day) AND s.id \(unsafeRaw: comparison) \(bind: after.id)))"
        }
        let rows = try await sql.raw(
            """
            SELECT s.id, s.reference, s.case_number, s.problem, a.name AS agency_name, r.name AS region_name, \
            s.issued_on, s.reply_due, s.state, s.replied_on, s.adoption \
            FROM judicial_suggestions s JOIN units a ON a.id = s.agency_id JOIN regions r ON r.id = s.region_id \
            WHERE \(page) ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), s.id \(unsafeRaw: direction) \
            LIMIT \(unsafeRaw: String(limit + 1))
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let shown = Array(rows.prefix(limit))
        let next =
            rows.count > limit
            ? shown.last.map { Cursor(day: filter.order == .issued ? $0.issuedOn : $0.replyDue, id: $0.id) } : nil
        return Page(rows: shown, total: total, next: next)
    }

    /// The filter as the condition on `judicial_suggestions s`, the caller's scope in it.
    static func condition(region: Region, scope: Scope, filter: Filter, today: CalendarDay, rules: DueRules)
        -> SQLQueryString
    {
        var condition: SQLQueryString =
            "s.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))"
        if let agency = filter.agency { condition += " AND s.agency_id = \(bind: agency)" }
        let day = today.description
        switch filter.state {
        case .issued: condition += " AND s.state = \(bind: SuggestionState.issued.rawValue)"
        case .signed: condition += " AND s.state = \(bind: SuggestionState.signed.rawValue)"
        case .replied: condition += " AND s.state = \(bind: SuggestionState.replied.rawValue)"
        case .dueSoon:
            condition +=
                " AND s.replied_on IS NULL AND s.reply_due >= \(bind: day) AND s.reply_due <= \(bind: rules.lastDueSoonDay(today: today).description)"
        case .overdue: condition += " AND s.replied_on IS NULL AND s.reply_due < \(bind: day)"
        case .late: condition += " AND s.replied_on > s.reply_due"
        case nil: break
        }
        if let text = filter.text, !text.isEmpty {
            condition +=
                " AND (" + SQLDoor.contains("s.reference", text) + " OR " + SQLDoor.contains("s.case_number", text)
                + " OR " + SQLDoor.contains("s.problem", text) + " OR " + SQLDoor.contains("s.suggestion", text) + ")"
        }
        return condition
    }

    /// One suggestion with its names and history.
    struct Detail: Sendable {
        let suggestion: JudicialSuggestion
        let region: Region
        let agencyName: String
        let courtName: String
        let events: [SuggestionEvent]
    }

    /// A suggestion by id, or 404 when there is none or its region lies outside the scope (or outside `within`, the
    /// region an address names).
    static func detail(id: UUID, scope: Scope, within: Region? = nil, on db: any Database) async throws -> Detail {
        var query = scope.restrict(
            JudicialSuggestion.query(on: db).join(Region.self, on: \JudicialSuggestion.$region.$id == \Region.$id))
        if let within {
            query = query.group(.or) {
                $0.filter(Region.self, \.$path == within.path).filter(Region.self, \.$path =~ (within.path + "/"))
            }
        }
        guard let suggestion = try await query.filter(\.$id == id).first() else { throw AppError.notFound("司法建议") }
        let names = try await Unit.query(on: db).filter(\.$id ~~ [suggestion.$agency.id, suggestion.$court.id]).all()
        func name(_ id: UUID) -> String { names.first { $0.id == id }?.name ?? "" }
        let events = try await SuggestionEvent.query(on: db).filter(\.$suggestion.$id == id).sort(\.$at).all()
        return Detail(
            suggestion: suggestion, region: try suggestion.joined(Region.self),
            agencyName: name(suggestion.$agency.id), courtName: name(suggestion.$court.id), events: events)
    }
}

extension SuggestionQueries {
    /// A suggestion as a home card lists it.
    struct Brief: Decodable, Sendable {
        let id: UUID
        let reference: String
        let problem: String
        let agencyName: String
        let replyDue: String
        let total: Int
    }

    /// Suggestions `agency` has not replied to, the soonest due first, with the count, in one query.
    static func awaitingReply(agency: UUID, limit: Int, on db: any Database) async throws -> (total: Int, rows: [Brief])
    {
        try await briefs(
            "s.agency_id = \(bind: agency) AND s.replied_on IS NULL", order: "s.reply_due, s.id", limit: limit,
            on: db)
    }

    /// Suggestions of `region` (and below, within the scope) past their day without a reply, the longest late first.
    static func overdue(region: Region, scope: Scope, today: CalendarDay, limit: Int, on db: any Database) async throws
        -> (total: Int, rows: [Brief])
    {
        var filter = Filter()
        filter.state = .overdue
        return try await briefs(
            condition(region: region, scope: scope, filter: filter, today: today, rules: DueRules()),
            order: "s.reply_due, s.id", limit: limit, on: db)
    }

    private static func briefs(_ condition: SQLQueryString, order: String, limit: Int, on db: any Database)
        async throws -> (total: Int, rows: [Brief])
    {
        let rows = try await db.sql().raw(
            """
            SELECT s.id, s.reference, s.problem, a.name AS agency_name, s.reply_due, COUNT(*) OVER () AS total \
            FROM judicial_suggestions s JOIN units a ON a.id = s.agency_id WHERE \(condition) \
            ORDER BY \(unsafeRaw: order) LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Brief.self, keyDecodingStrategy: .convertFromSnakeCase)
        return (rows.first?.total ?? 0, rows)
    }
}

extension SuggestionQueries {
    /// The suggestions of `region` and below (within the scope) issued in `period`, in the order they were issued,
    /// for the bulletin.
    static func issued(region: Region, scope: Scope, period: DayRange, limit: Int, on db: any Database) async throws
        -> [Row]
    {
        let condition = Self.condition(
            region: region, scope: scope, filter: Filter(), today: period.to, rules: DueRules())
        return try await db.sql().raw(
            """
            SELECT s.id, s.reference, s.case_number, s.problem, a.name AS agency_name, r.name AS region_name, \
            s.issued_on, s.reply_due, s.state, s.replied_on, s.adoption \
            FROM judicial_suggestions s JOIN units a ON a.id = s.agency_id JOIN regions r ON r.id = s.region_id \
            WHERE \(condition) AND s.issued_on >= \(bind: period.from.description) \
            AND s.issued_on <= \(bind: period.to.description) ORDER BY s.issued_on, s.reference, s.id \
            LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
