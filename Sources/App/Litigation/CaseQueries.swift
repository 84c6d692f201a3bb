import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// The cases list and a single case, always within the caller's scope (applied in the query).
enum CaseQueries {
    enum State: String, CaseIterable, Sendable {
        case pending, concluded, lost, overTime, unheard, hearingSoon, headAbsent

        var label: String {
            switch self {
            case .pending: "未结"
            case .concluded: "已结"
            case .lost: "败诉"
            case .overTime: "超过六个月未结"
            case .unheard: "已判决未录开庭"
            case .hearingSoon: "\(CaseQueries.hearingWindow) 日内开庭"
            case .headAbsent: "近 \(CaseQueries.hearingWindow * 2) 日开庭负责人未出庭"
            }
        }

        /// The states that read the day: the list's count is kept per day for them.
        var isDated: Bool { [.overTime, .hearingSoon, .headAbsent].contains(self) }
    }

    /// Hearings this many days ahead are 临近开庭; twice as many days back, a hearing the head of the agency did not
    /// attend is still to be followed up (a hearing's record has no "not yet recorded": absent is what it says).
    static let hearingWindow = 14

    struct Filter: Sendable {
        var unit: UUID?
        var state: State?
        var number: String?
        var page = 1
        /// Keyset paging: the rows after this one in the list's order (instead of `page`).
        var after: Cursor?
    }

    /// Where a page of the list ends: the last row's filing day and case number, the list's order. As a token it is
    /// opaque to clients (base64url).
    struct Cursor: Sendable, Equatable {
        let filedOn: String
        let number: String

        init(filedOn: String, number: String) {
            (self.filedOn, self.number) = (filedOn, number)
        }

        init?(token: String) {
            guard let data = Data(base64URL: token), let text = String(data: data, encoding: .utf8),
                let comma = text.firstIndex(of: ","), CalendarDay(parsing: String(text[..<comma])) != nil
            else { return nil }
            (filedOn, number) = (String(text[..<comma]), String(text[text.index(after: comma)...]))
        }

        var token: String {
            Data("\(filedOn),\(number)".utf8).base64URL
        }
    }

    struct Row: Sendable, Decodable {
        let id: UUID
        let number: String
        let unitName: String
        let regionCode: String
        let regionName: String
        let actionType: ActionType
        let filedOn: String
        let concludedOn: String?
        let outcome: Outcome?
        let heard: Int
        let appeared: Int
    }

    struct Page: Sendable {
        let rows: [Row]
        let total: Int
        /// The page shown (1 for a keyset page), within 1...pages.
        let page: Int
        /// Where the next page starts; nil on the last.
        let next: Cursor?
    }

    static let pageSize = 50

    /// Cases of `region` and the regions below it (within the caller's scope, in the query), newest filing first,
    /// with the total. Hand-written: the count and the page's ids come from one covering index
    /// (`IndexCasesForTheList`), the count kept in `FiguresCache` until the cases change, and only the page's rows
    /// are then read with their unit, region and hearing counts; a keyset page (`after`) starts where the last one
    /// ended, however deep, where a numbered page skips rows.
    static func list(region: Region, scope: Scope, filter: Filter, today: CalendarDay, on db: any Database)
        async throws -> Page
    {
        let sql = try db.sql()
        var condition = Self.condition(region: region, scope: scope, filter: filter, today: today)
        let count: SQLQueryString = "SELECT COUNT(*) AS n FROM admin_cases c WHERE " + condition
        let total = try await FiguresCache.value(
            "cases \(region.path) \(scope.regionPath) \(scope.includesLower) \(filter.unit?.uuidString ?? "-") "
                + "\(filter.state?.rawValue ?? "-") \(filter.state?.isDated == true ? today.description : "") "
                + "\(filter.number ?? "")", on: db, weight: { _ in 1 }
        ) { try await sql.raw(count).first()?.decode(column: "n", as: Int.self) ?? 0 }
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let page = filter.after == nil ? min(max(filter.page, 1), pages) : 1
        if let after = filter.after {
            condition +=
                " AND (c.filed_on < \(bind: after.filedOn) OR (c.filed_on = \(bind: after.filedOn) AND c.case_number > \(bind: after.number)))"
        }
        let offset = filter.after == nil ? (page - 1) * pageSize : 0
        let rows = try await sql.raw(
            """
            SELECT p.id, p.case_number AS number, u.name AS unit_name, r.code AS region_code, r.name AS region_name, \
            c.action_type, p.filed_on, c.concluded_on, c.outcome, \
            (SELECT COUNT(*) FROM hearings h WHERE h.case_id = p.id) AS heard, \
            (SELECT COUNT(*) FROM hearings h WHERE h.case_id = p.id AND h.head_appeared) AS appeared \
            FROM (SELECT c.id, c.filed_on, c.case_number FROM admin_cases c WHERE \(condition) \
            ORDER BY c.filed_on DESC, c.case_number LIMIT \(unsafeRaw: String(pageSize + 1)) \
            OFFSET \(unsafeRaw: String(offset))) p \
            JOIN admin_cases c ON c.id = p.id JOIN units u ON u.id = c.defendant_id JOIN regions r ON r.id = c.region_id \
            ORDER BY p.filed_on DESC, p.case_number
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let shown = Array(rows.prefix(pageSize))
        let next = rows.count > pageSize ? shown.last.map { Cursor(filedOn: $0.filedOn, number: $0.number) } : nil
        return Page(rows: shown, total: total, page: page, next: next)
    }

    /// The filter as the condition on `admin_cases c`, the caller's scope in it.
    static func condition(region: Region, scope: Scope, filter: Filter, today: CalendarDay) -> SQLQueryString {
        var condition: SQLQueryString =
            "c.region_id IN (SELECT id FROM regions WHERE \(Scope.paths(under: region.path)) AND \(scope.paths))"
        if let unit = filter.unit { condition += " AND c.defendant_id = \(bind: unit)" }
        func hearing(_ from: CalendarDay, _ to: CalendarDay, _ more: SQLQueryString = "") -> SQLQueryString {
            " AND EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id AND h.held_on >= \(bind: from.description) "
                + "AND h.held_on <= \(bind: to.description)\(more))"
        }
        switch filter.state {
        case .pending: condition += " AND c.concluded_on IS NULL"
        case .concluded: condition += " AND c.concluded_on IS NOT NULL"
        case .lost: condition += " AND c.outcome IN (\(unsafeRaw: FiguresSQL.list(Outcome.allCases.filter(\.isLoss))))"
        case .overTime:
            // A first-instance administrative case is to be concluded within six months of filing (行政诉讼法 第八十一条).
            let (year, month) = today.month > 6 ? (today.year, today.month - 6) : (today.year - 1, today.month + 6)
            let limit = CalendarDay(year: year, month: month, clampingDay: today.day)
            condition += " AND c.concluded_on IS NULL AND c.filed_on < \(bind: limit.description)"
        case .unheard:
            // Concluded by a judgment (not withdrawn or mediated) with no hearing entered: the appearance rate misses it.
            let unheard = Outcome.allCases.filter { !$0.isMediatedOrWithdrawn }
            condition +=
                " AND c.outcome IN (\(unsafeRaw: FiguresSQL.list(unheard)))"
                + " AND NOT EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id)"
        case .hearingSoon: condition += hearing(today, today.adding(days: hearingWindow))
        case .headAbsent:
            condition += hearing(
                today.adding(days: -2 * hearingWindow), today.adding(days: -1),
                " AND NOT h.head_appeared AND h.head_rank = ''")
        case nil: break
        }
        if let number = filter.number, !number.isEmpty {
            condition += " AND \(SQLDoor.contains("c.case_number", number))"
        }
        return condition
    }

    struct Detail: Sendable {
        let adminCase: AdminCase
        let hearings: [Hearing]
        let unitName: String
        let region: Region
    }

    /// A case by id, or 404 when it does not exist or its region lies outside the scope.
    static func detail(id: UUID, scope: Scope, on db: any Database) async throws -> Detail {
        guard
            let item = try await scope.restrict(
                AdminCase.query(on: db)
                    .join(Region.self, on: \AdminCase.$region.$id == \Region.$id)
                    .join(Unit.self, on: \AdminCase.$defendant.$id == \Unit.$id)
            ).filter(\.$id == id).first()
        else { throw AppError.notFound("案件") }
        let hearings = try await Hearing.query(on: db).filter(\.$adminCase.$id == id).sort(\.$heldOn).all()
        return Detail(
            adminCase: item, hearings: hearings, unitName: try item.joined(Unit.self).name,
            region: try item.joined(Region.self))
    }
}

extension CaseQueries {
    /// A case as a home card lists it, with its hearings either side of today.
    struct CardCase: Decodable, Sendable {
        let id: UUID
        let number: String
        let unitName: String
        let filedOn: String
        let concludedOn: String?
        let nextHearing: String?
        let lastHearing: String?
        let total: Int
    }

    /// The count of the cases list under `state` with its first `limit` cases, longest waiting first, in one query:
    /// the list's own condition, so that the card and the list agree.
    static func card(region: Region, scope: Scope, state: State, today: CalendarDay, limit: Int, on db: any Database)
        async throws -> (total: Int, cases: [CardCase])
    {
        var filter = Filter()
        filter.state = state
        let condition = self.condition(region: region, scope: scope, filter: filter, today: today)
        let day = today.description
        // The soonest hearing first, the latest absence first, else the longest waiting.
        let order =
            switch state {
            case .hearingSoon: "next_hearing, c.case_number"
            case .headAbsent: "last_hearing DESC, c.case_number"
            default: "c.filed_on, c.case_number"
            }
        let cases = try await db.sql().raw(
            """
            SELECT c.id, c.case_number AS number, u.name AS unit_name, c.filed_on, c.concluded_on, \
            (SELECT MIN(h.held_on) FROM hearings h WHERE h.case_id = c.id AND h.held_on >= \(bind: day)) AS next_hearing, \
            (SELECT MAX(h.held_on) FROM hearings h WHERE h.case_id = c.id AND h.held_on < \(bind: day)) AS last_hearing, \
            COUNT(*) OVER () AS total \
            FROM admin_cases c JOIN units u ON u.id = c.defendant_id WHERE \(condition) \
            ORDER BY \(unsafeRaw: order) LIMIT \(unsafeRaw: String(limit))
            """
        ).all(decoding: CardCase.self, keyDecodingStrategy: .convertFromSnakeCase)
        return (cases.first?.total ?? 0, cases)
    }
}
