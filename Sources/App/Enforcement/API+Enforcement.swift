import Fluent
import FuyuanCore
import Vapor

/// `/api/v1/regions/{code}/enforcement`: the cases, each case, its payments and ending, and the figures. Money is
/// integer fen.
struct EnforcementAPI {
    struct RowDTO: Content {
        let id: UUID
        let caseNumber: String
        let court: String
        let organ: String
        let region: String
        let basis: String
        let obligation: Obligation
        let act: String
        let owedFen: Int64
        let paidFen: Int64
        let outstandingFen: Int64
        let filedOn: String
        let state: EnforcementState
        let campaign: String?

        init(_ row: EnforcementQueries.Row) {
            (id, caseNumber, court, organ, region) = (row.id, row.caseNumber, row.court, row.organName, row.regionName)
            (basis, obligation, act) = (row.basis, row.obligation, row.act)
            (owedFen, paidFen, outstandingFen) = (row.owedFen, row.paidFen, row.outstandingFen)
            (filedOn, state, campaign) = (row.filedOn, row.state, row.campaignName)
        }
    }

    struct Page: Content {
        let total: Int
        let pageSize: Int
        /// Pass as `after` for the next page; absent on the last.
        let next: String?
        let cases: [RowDTO]
    }

    struct PaymentDTO: Content {
        let paidOn: String
        let amountFen: Int64
        let method: PaymentMethod
        let note: String
        let recordedBy: String
    }

    struct CaseDTO: Content {
        let id: UUID
        let caseNumber: String
        let court: String
        let organID: UUID
        let organ: String
        let region: String
        let basis: String
        let obligation: Obligation
        let act: String
        let owedFen: Int64
        let paidFen: Int64
        let outstandingFen: Int64
        let filedOn: String
        let state: EnforcementState
        let note: String
        let campaignID: UUID?
        let campaign: String?
        let payments: [PaymentDTO]

        init(_ detail: EnforcementQueries.Detail) throws {
            let item = detail.item
            (id, caseNumber, court) = (try item.requireID(), item.caseNumber, item.court)
            (organID, organ, region, basis) = (item.$organ.id, detail.organName, detail.region.code, item.basis)
            (obligation, act, owedFen, paidFen) = (item.obligation, item.act, item.owedFen, item.paidFen)
            (outstandingFen, filedOn, state, note) = (item.rules.outstandingFen, item.filedOn, item.state, item.note)
            (campaignID, campaign) = (item.$campaign.id, detail.campaign?.name)
            payments = detail.payments.map {
                PaymentDTO(
                    paidOn: $0.paidOn, amountFen: $0.amountFen, method: $0.method, note: $0.note,
                    recordedBy: $0.recordedBy)
            }
        }
    }

    struct FiguresDTO: Content {
        struct Line: Content {
            let id: UUID
            let name: String
            let figures: EnforcementFiguresQueries.Figures
        }

        struct Campaign: Content {
            let id: UUID
            let name: String
            let region: String
            let targetOn: String
            let cleared: Int
            let figures: EnforcementFiguresQueries.Figures
        }

        let total: EnforcementFiguresQueries.Figures
        /// The organs with the most outstanding, at most 50, of `organCount` with cases.
        let organs: [Line]
        let organCount: Int
        let lower: [Line]
        /// Campaigns with open cases first, each group by its day: at most 50 of `campaignCount`.
        let campaigns: [Campaign]
        let campaignCount: Int
    }

    func list(_ request: Request) async throws -> Page {
        struct Query: Content {
            var organ: UUID?
            var state: String?
            var campaign: UUID?
            var q: String?
            var after: String?
        }
        let (caller, region) = try await regionOf(request)
        let query = try request.query.decode(Query.self)
        var filter = EnforcementQueries.Filter(
            organ: query.organ, campaign: query.campaign, text: query.q?.trimmingCharacters(in: .whitespaces))
        if let text = query.state {
            guard let state = EnforcementState(rawValue: text) else {
                throw AppError.invalid(
                    "state：须为 \(EnforcementState.allCases.map(\.rawValue).joined(separator: "、")) 之一")
            }
            filter.state = state
        }
        if let token = query.after {
            guard let after = EnforcementQueries.Cursor(token: token) else {
                throw AppError.invalid("after：须为上一页返回的 next")
            }
            filter.after = after
        }
        let list = try await EnforcementQueries.list(
            region: region, scope: caller.scope, filter: filter, on: request.db)
        return Page(
            total: list.total, pageSize: EnforcementQueries.pageSize, next: list.next?.token,
            cases: list.rows.map(RowDTO.init))
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainEnforcement)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let item = try await EnforcementStore.create(
            try request.content.decode(EnforcementStore.Input.self), region: region, as: try request.acting())
        return try await dto(request, id: item.requireID(), region: region).encodeResponse(
            status: .created, for: request)
    }

    /// `POST …/enforcement/cases/import`: the file is the body; the counts, or every bad row with nothing written.
    func importFile(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainEnforcement)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let spool = try await request.spoolBody(limit: EnforcementImport.maximumBytes)
        defer { spool.close() }
        guard spool.size > 0 else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "请求体须为 .csv 或 .xlsx 文件")
        }
        do {
            return try await EnforcementImport.run(
                spool.url, region: region, as: try request.acting(), threadPool: request.application.threadPool
            ).encodeResponse(for: request)
        } catch let refused as SpreadsheetImport.Refused {
            return try await SpreadsheetImport.Refusal(refused).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    func read(_ request: Request) async throws -> CaseDTO {
        let (_, region) = try await regionOf(request)
        return try await dto(request, id: request.idParameter(), region: region)
    }

    func update(_ request: Request) async throws -> CaseDTO {
        let (region, detail) = try await caseOf(request)
        try await EnforcementStore.update(
            detail.item, region: detail.region, with: try request.content.decode(EnforcementStore.Input.self),
            as: try request.acting())
        return try await dto(request, id: detail.item.requireID(), region: region)
    }

    func pay(_ request: Request) async throws -> CaseDTO {
        let (region, detail) = try await caseOf(request)
        try await EnforcementStore.pay(
            detail.item, try request.content.decode(EnforcementStore.Payment.self), as: try request.acting())
        return try await dto(request, id: detail.item.requireID(), region: region)
    }

    func end(_ request: Request) async throws -> CaseDTO {
        let (region, detail) = try await caseOf(request)
        try await EnforcementStore.end(
            detail.item, try request.content.decode(EnforcementStore.Ending.self), as: try request.acting())
        return try await dto(request, id: detail.item.requireID(), region: region)
    }

    func figures(_ request: Request) async throws -> FiguresDTO {
        let (caller, region) = try await regionOf(request)
        let result = try await EnforcementFiguresQueries.figures(
            region: region, scope: caller.scope, today: CalendarDay(containing: request.now), on: request.db)
        let lines = { (lines: [EnforcementFiguresQueries.Line]) in
            lines.map { FiguresDTO.Line(id: $0.id, name: $0.name, figures: $0.figures) }
        }
        return FiguresDTO(
            total: result.total, organs: lines(result.organs), organCount: result.organCount,
            lower: lines(result.lower),
            campaigns: result.campaigns.map {
                .init(
                    id: $0.id, name: $0.name, region: $0.regionName, targetOn: $0.targetOn, cleared: $0.cleared,
                    figures: $0.figures)
            }, campaignCount: result.campaignCount)
    }

    // MARK: helpers

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLitigation)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    /// The case the address names, for the court staff who maintain it.
    private func caseOf(_ request: Request) async throws -> (Region, EnforcementQueries.Detail) {
        let caller = try request.caller(for: .maintainEnforcement)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let detail = try await EnforcementQueries.detail(
            id: request.idParameter(), scope: caller.scope, within: region, on: request.db)
        return (region, detail)
    }

    private func dto(_ request: Request, id: UUID, region: Region) async throws -> CaseDTO {
        try CaseDTO(
            await EnforcementQueries.detail(
                id: id, scope: try request.requireCaller().scope, within: region, on: request.db))
    }
}
