import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Reading disputes, always within the caller's scope (applied in the query): the list, one dispute with its
/// participants and steps, what a handling unit has open, and a region's targets.
enum DisputeQueries {
    /// What the list can be narrowed to besides the workflow's states: the light of the step due next.
    enum State: String, CaseIterable, Sendable {
        case registered, transferred, assigned, answered, closed, open, dueSoon, overdue

        var label: String {
            switch self {
            case .registered: DisputeState.registered.label
            case .transferred: DisputeState.transferred.label
            case .assigned: DisputeState.assigned.label
            case .answered: DisputeState.answered.label
            case .closed: DisputeState.closed.label
            case .open: "未办结"
            case .dueSoon: "临期"
            case .overdue: "逾期"
            }
        }
    }

    /// The list's orders: newest registered first, or the step due soonest first.
    enum Order: String, CaseIterable, Sendable {
        case registered, due

        var label: String {
            switch self {
            case .registered: "按登记日期（新在前）"
            case .due: "按当前环节期限（近在前）"
            }
        }
    }

    struct Filter: Sendable, Equatable {
        var source: DisputeSource?
        var agency: UUID?
        /// The unit it was transferred to.
        var handling: UUID?
        var outcome: DisputeOutcome?
        var state: State?
        /// Words looked for in the number, the applicant, the claim and the case number.
        var text: String?
        var order = Order.registered
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
            if let source { items.append(.init(name: "source", value: source.rawValue)) }
            if let agency { items.append(.init(name: "agency", value: agency.uuidString)) }
            if let handling { items.append(.init(name: "handling", value: handling.uuidString)) }
            if let outcome { items.append(.init(name: "outcome", value: outcome.rawValue)) }
            if let state { items.append(.init(name: "state", value: state.rawValue)) }
            if let text, !text.isEmpty { items.append(.init(name: "q", value: text)) }
            if order != .registered { items.append(.init(name: "order", value: order.rawValue)) }
            return items
        }

        init(
            source: DisputeSource? = nil, agency: UUID? = nil, handling: UUID? = nil, outcome: DisputeOutcome? = nil,
            state: State? = nil, text: String? = nil, order: Order = .registered, after: Cursor? = nil
        ) {
            (self.source, self.agency, self.handling) = (source, agency, handling)
            (self.outcome, self.state) = (outcome, state)
            (self.text, self.order, self.after) = (text, order, after)
        }

        /// The filter a list's address asks for; what does not parse is left out.
        init(_ query: any URLQueryContainer) {
            self.init(
                source: (try? query.get(String.self, at: "source")).flatMap(DisputeSource.init(rawValue:)),
                agency: try? query.get(UUID.self, at: "agency"), handling: try? query.get(UUID.self, at: "handling"),
                outcome: (try? query.get(String.self, at: "outcome")).flatMap(DisputeOutcome.init(rawValue:)),
                state: (try? query.get(String.self, at: "state")).flatMap(State.init(rawValue:)),
                text: (try? query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces),
                order: (try? query.get(String.self, at: "order")).flatMap(Order.init(rawValue:)) ?? .registered,
                after: (try? query.get(String.self, at: "after")).flatMap(Cursor.init(token:)))
        }
    }

    /// Where a page of the list ends: the last row's day in the list's order (registered or due) and its id.
    typealias Cursor = DayCursor

    /// A dispute as the list shows it.
    struct Row: Sendable, Decodable, Equatable {
        let id: UUID
        let number: String
        let source: DisputeSource
        let applicant: String
        let agencyName: String
        let actionType: ActionType
        let claim: String
        let regionName: String
        let registeredOn: String
        let state: DisputeState
        let stepDue: String
        let handlingName: String?
        let handler: String?
        let deadline: String?
        let outcome: DisputeOutcome?
        let closedOn: String?
        let caseNumber: String

        /// The light of the step due next; none once closed.
        func timeliness(today: CalendarDay, rules: DueRules) -> Timeliness {
            DisputeRules().timeliness(state, stepDue: CalendarDay(parsing: stepDue), today: today, rules: rules)
        }
    }

    struct Page: Sendable {
        let rows: [Row]
        let total: Int
        /// Where the next page starts; nil on the last.
        let next: Cursor?
    }

    static let pageSize = 50

    /// Disputes of `region` and the regions below it (within the caller's scope), one page in the filter's order,
    /// with the count of all that match.
    static func list(
        region: Region, scope: Scope, filter: Filter, today: CalendarDay, rules: DueRules, limit: Int = pageSize,
        on db: any Database
    ) async throws -> Page {
        let sql = try db.sql()
        let condition = Self.condition(region: region, scope: scope, filter: filter, today: today, rules: rules)
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM disputes d WHERE " + condition).first()?
            .decode(column: "n", as: Int.self) ?? 0
        var page = condition
        let (column, direction) = filter.order == .registered ? ("d.registered_on", "DESC") : ("d.step_due", "ASC")
        if let after = filter.after {
            let comparison = filter.order == .registered ? "<" : ">"
            page +=
                " AND (\(unsafeRaw: column) \(unsafeRaw: comparison) \(bind: after.day) OR (\(unsafeRaw: column) = \(bind: after.day) AND d.id \(unsafeRaw: comparison) \(bind: after.id)))"
        }
        // The page's ids from the index alone, then only their rows: sorting a province's rows whole would read them all.
        let rows = try await sql.raw(
            """
            SELECT d.id, d.number, d.source, d.applicant, a.name AS agency_name, d.action_type, d.claim, \
            r.name AS region_name, d.registered_on, d.state, d.step_due, h.name AS handling_name, d.handler, \
            d.deadline, d.outcome, d.closed_on, d.case_number \
            FROM (SELECT d.id FROM disputes d WHERE \(page) \
            ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), d.id \(unsafeRaw: direction) \
            LIMIT \(unsafeRaw: String(limit + 1))) p \
            JOIN disputes d ON d.id = p.id JOIN units a ON a.id = d.agency_id JOIN regions r ON r.id = d.region_id \
            LEFT JOIN units h ON h.id = d.handling_unit_id \
            ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), d.id \(unsafeRaw: direction)
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let shown = Array(rows.prefix(limit))
        let next =
            rows.count > limit
            ? shown.last.map { Cursor(day: filter.order == .registered ? $0.registeredOn : $0.stepDue, id: $0.id) }
            : nil
        return Page(rows: shown, total: total, next: next)
    }

    /// The filter as the condition on `disputes d`, the caller's scope in it.
    static func condition(region: Region, scope: Scope, filter: Filter, today: CalendarDay, rules: DueRules)
        -> SQLQueryString
    {
        var condition: SQLQueryString =
            "d.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))"
        if let source = filter.source { condition += " AND d.source = \(bind: source.rawValue)" }
        if let agency = filter.agency { condition += " AND d.agency_id = \(bind: agency)" }
        if let handling = filter.handling { condition += " AND d.handling_unit_id = \(bind: handling)" }
        if let outcome = filter.outcome { condition += " AND d.outcome = \(bind: outcome.rawValue)" }
        let open: SQLQueryString = "d.step_due > ''"
        // The steps' order has only open disputes: a closed one has no step due.
        if filter.order == .due { condition += " AND " + open }
        switch filter.state {
        case .registered: condition += " AND d.state = \(bind: DisputeState.registered.rawValue)"
        case .transferred: condition += " AND d.state = \(bind: DisputeState.transferred.rawValue)"
        case .assigned: condition += " AND d.state = \(bind: DisputeState.assigned.rawValue)"
        case .answered: condition += " AND d.state = \(bind: DisputeState.answered.rawValue)"
        case .closed: condition += " AND d.state = \(bind: DisputeState.closed.rawValue)"
        case .open: condition += " AND " + open
        case .dueSoon:
            condition +=
                " AND d.step_due >= \(bind: today.description) AND d.step_due <= \(bind: rules.lastDueSoonDay(today: today).description)"
        case .overdue: condition += " AND " + open + " AND d.step_due < \(bind: today.description)"
        case nil: break
        }
        if let text = filter.text, !text.isEmpty {
            condition +=
                " AND (" + SQLDoor.contains("d.number", text) + " OR " + SQLDoor.contains("d.applicant", text) + " OR "
                + SQLDoor.contains("d.claim", text) + " OR " + SQLDoor.contains("d.case_number", text) + ")"
        }
        return condition
    }

    /// One dispute with its names, participants and steps.
    struct Detail: Sendable {
        let dispute: Dispute
        let region: Region
        let agencyName: String
        let handlingName: String?
        let participants: [DisputeParticipant]
        let events: [DisputeEvent]
    }

    /// A dispute by id, or 404 when there is none or its region lies outside the scope (or outside `within`, the
    /// region an address names).
    static func detail(id: UUID, scope: Scope, within: Region? = nil, on db: any Database) async throws -> Detail {
        var query = scope.restrict(Dispute.query(on: db).join(Region.self, on: \Dispute.$region.$id == \Region.$id))
        if let within {
            query = query.group(.or) {
                $0.filter(Region.self, \.$path == within.path).filter(Region.self, \.$path =~ (within.path + "/"))
            }
        }
        guard let dispute = try await query.filter(\.$id == id).first() else { throw AppError.notFound("行政争议") }
        let unitIDs = [dispute.$agency.id] + (dispute.$handlingUnit.id.map { [$0] } ?? [])
        let names = try await Unit.query(on: db).filter(\.$id ~~ unitIDs).all()
        func name(_ id: UUID?) -> String? { names.first { $0.id == id }?.name }
        return Detail(
            dispute: dispute, region: try dispute.joined(Region.self), agencyName: name(dispute.$agency.id) ?? "",
            handlingName: name(dispute.$handlingUnit.id),
            participants: try await DisputeParticipant.query(on: db).filter(\.$dispute.$id == id).sort(\.$role)
                .sort(\.$name).all(),
            events: try await DisputeEvent.query(on: db).filter(\.$dispute.$id == id).sort(\.$at).all())
    }

    /// The targets `region` works to: its own, else those of the nearest region above that set them, else the
    /// standard ones.
    static func targets(of region: Region, on db: any Database) async throws -> DisputeTargets {
        let parts = region.path.split(separator: "/")
        let paths = (1...parts.count).map { parts.prefix($0).joined(separator: "/") }
        let rows = try await DisputeTargetRow.query(on: db)
            .join(Region.self, on: \DisputeTargetRow.$region.$id == \Region.$id)
            .filter(Region.self, \.$path ~~ paths).all()
        let nearest = try rows.max { try $0.joined(Region.self).path.count < $1.joined(Region.self).path.count }
        return nearest?.targets ?? .standard
    }
}

extension DisputeQueries {
    /// A dispute as a home card lists it.
    struct Brief: Decodable, Sendable {
        let id: UUID
        let number: String
        let applicant: String
        let agencyName: String
        let state: DisputeState
        let stepDue: String
        let total: Int
    }

    /// The disputes assigned to a handler of `unit` that wait for its answer, the soonest due first, with the count,
    /// in one query.
    static func awaitingAnswer(unit: UUID, limit: Int, on db: any Database) async throws -> (total: Int, rows: [Brief])
    {
        try await briefs(
            "d.handling_unit_id = \(bind: unit) AND d.state = \(bind: DisputeState.assigned.rawValue)", limit: limit,
            on: db)
    }

    /// The open disputes of `region` (and below, within the scope) whose step is past its day.
    static func overdue(region: Region, scope: Scope, today: CalendarDay, limit: Int, on db: any Database) async throws
        -> (total: Int, rows: [Brief])
    {
        try await briefs(
            condition(region: region, scope: scope, filter: Filter(state: .overdue), today: today, rules: DueRules()),
            limit: limit, on: db)
    }

    private static func briefs(_ condition: SQLQueryString, limit: Int, on db: any Database) async throws
        -> (total: Int, rows: [Brief])
    {
        let rows = try await db.sql().raw(
            """
            SELECT d.id, d.number, d.applicant, a.name AS agency_name, d.state, d.step_due, COUNT(*) OVER () AS total \
            FROM disputes d JOIN units a ON a.id = d.agency_id WHERE \(condition) \
            ORDER BY d.step_due, d.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: Brief.self, keyDecodingStrategy: .convertFromSnakeCase)
        return (rows.first?.total ?? 0, rows)
    }
}
