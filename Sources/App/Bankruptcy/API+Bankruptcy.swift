import Fluent
import FuyuanCore
import Vapor

/// `/api/v1/regions/{code}/bankruptcy/cases`: the cases, each case with its matters, the matters listed and the
/// conclusion. A matter is a ledger item: its workflow (sign, report, close) is the ledger's API.
struct BankruptcyAPI {
    struct RowDTO: Content {
        let id: UUID
        let caseNumber: String
        let debtor: String
        let procedure: BankruptcyProcedure
        let stage: BankruptcyStage
        let court: String
        let region: String
        let judge: String
        let administrator: String
        let acceptedOn: String
        let concludedOn: String?
        let daysRun: Int
        let matters: Int
        let openMatters: Int
        let timeliness: Timeliness

        init(_ row: BankruptcyQueries.Row, today: CalendarDay, rules: DueRules) {
            (id, caseNumber, debtor, procedure, stage) = (row.id, row.caseNumber, row.debtor, row.procedure, row.stage)
            (court, region, judge, administrator) = (row.courtName, row.regionName, row.judge, row.administrator)
            (acceptedOn, concludedOn, daysRun) = (row.acceptedOn, row.concludedOn, row.state.daysRun(today: today))
            (matters, openMatters) = (row.matters, row.openMatters)
            timeliness = row.timeliness(today: today, rules: rules)
        }
    }

    struct Page: Content {
        let total: Int
        let pageSize: Int
        /// Pass as `after` for the next page; absent on the last.
        let next: String?
        let cases: [RowDTO]
    }

    struct MatterDTO: Content {
        /// The ledger item through which the department handles it.
        let itemID: UUID
        let number: Int
        let kind: BankruptcyMatterKind
        let title: String
        let content: String
        let units: [String]
        let deadline: String
        let state: ItemState
        let timeliness: Timeliness
    }

    struct CaseDTO: Content {
        let id: UUID
        let caseNumber: String
        let debtor: String
        let procedure: BankruptcyProcedure
        let stage: BankruptcyStage
        let court: String
        let region: String
        let judge: String
        let administrator: String
        let acceptedOn: String
        let claimsDueOn: String?
        let firstMeetingOn: String?
        let concludedOn: String?
        let daysRun: Int
        let matters: [MatterDTO]

        init(_ detail: BankruptcyQueries.Detail, today: CalendarDay) throws {
            let item = detail.item
            (id, caseNumber, debtor) = (try item.requireID(), item.caseNumber, item.debtor)
            (procedure, stage, court, region) = (item.procedure, item.stage, detail.courtName, detail.region.code)
            (judge, administrator, acceptedOn) = (item.judge, item.administrator, item.acceptedOn)
            (claimsDueOn, firstMeetingOn, concludedOn) = (item.claimsDueOn, item.firstMeetingOn, item.concludedOn)
            daysRun = item.rules.daysRun(today: today)
            matters = detail.matters.map {
                let row = $0.row
                return MatterDTO(
                    itemID: row.item.id, number: row.item.number, kind: $0.kind, title: row.item.title,
                    content: row.item.content, units: row.units(.lead), deadline: row.item.deadline.label,
                    state: row.item.state, timeliness: row.timeliness)
            }
        }
    }

    func list(_ request: Request) async throws -> Page {
        struct Query: Content {
            var procedure: String?
            var progress: String?
            var q: String?
            var after: String?
        }
        let (caller, region) = try await regionOf(request)
        let query = try request.query.decode(Query.self)
        var filter = BankruptcyQueries.Filter(
            procedure: try APIQuery.choice(query.procedure, "procedure"),
            progress: try APIQuery.choice(query.progress, "progress"),
            text: query.q?.trimmingCharacters(in: .whitespaces))
        filter.after = try APIQuery.cursor(query.after)
        let today = CalendarDay(containing: request.now)
        let list = try await BankruptcyQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, on: request.db)
        let rules = request.application.dueRules
        return Page(
            total: list.total, pageSize: BankruptcyQueries.pageSize, next: list.next?.token,
            cases: list.rows.map { RowDTO($0, today: today, rules: rules) })
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let item = try await BankruptcyStore.create(
            try request.content.decode(BankruptcyStore.Input.self), region: region, as: try request.acting())
        return try await dto(request, id: item.requireID(), region: region).encodeResponse(
            status: .created, for: request)
    }

    func read(_ request: Request) async throws -> CaseDTO {
        let (_, region) = try await regionOf(request)
        return try await dto(request, id: request.idParameter(), region: region)
    }

    func update(_ request: Request) async throws -> CaseDTO {
        let (region, detail) = try await caseOf(request)
        try await BankruptcyStore.update(
            detail.item, region: detail.region, with: try request.content.decode(BankruptcyStore.Input.self),
            as: try request.acting())
        return try await dto(request, id: detail.item.requireID(), region: region)
    }

    func addMatter(_ request: Request) async throws -> Response {
        let (region, detail) = try await caseOf(request)
        _ = try await BankruptcyStore.addMatter(
            to: detail.item, try request.content.decode(BankruptcyStore.MatterInput.self), as: try request.acting())
        return try await dto(request, id: detail.item.requireID(), region: region).encodeResponse(
            status: .created, for: request)
    }

    func conclude(_ request: Request) async throws -> CaseDTO {
        let (region, detail) = try await caseOf(request)
        try await BankruptcyStore.conclude(
            detail.item, try request.content.decode(BankruptcyStore.Conclusion.self), as: try request.acting())
        return try await dto(request, id: detail.item.requireID(), region: region)
    }

    // MARK: helpers

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLedger)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    /// The case the address names, for the court staff who keep it.
    private func caseOf(_ request: Request) async throws -> (Region, BankruptcyQueries.Detail) {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let detail = try await BankruptcyQueries.detail(
            id: request.idParameter(), scope: caller.scope, within: region, today: CalendarDay(containing: request.now),
            rules: request.application.dueRules, on: request.db)
        return (region, detail)
    }

    private func dto(_ request: Request, id: UUID, region: Region) async throws -> CaseDTO {
        let today = CalendarDay(containing: request.now)
        return try CaseDTO(
            await BankruptcyQueries.detail(
                id: id, scope: try request.requireCaller().scope, within: region, today: today,
                rules: request.application.dueRules, on: request.db), today: today)
    }
}
