import Fluent
import FuyuanCore
import Vapor

/// `POST /api/v1/litigation/cases/import` and `GET /api/v1/litigation/figures`: the two endpoints other systems call.
struct LitigationAPI {
    func importCases(_ request: Request) async throws -> Response {
        _ = try request.caller(for: .maintainLitigation)
        let spool = try await request.spoolBody(limit: CaseImport.maximumBytes)
        defer { spool.close() }
        guard spool.size > 0 else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "请求体须为 .csv 或 .xlsx 文件")
        }
        do {
            let counts = try await CaseImport.run(
                spool.url, as: try request.acting(), threadPool: request.application.threadPool)
            return try await counts.encodeResponse(for: request)
        } catch let refused as SpreadsheetImport.Refused {
            return try await SpreadsheetImport.Refusal(refused).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    struct FiguresDTO: Content {
        let received: Int
        let carriedOver: Int
        let new: Int
        let caseload: Int
        let concluded: Int
        let pending: Int
        let losses: Int
        let lossRate: Double?
        let heard: Int
        let appeared: Int
        let appearanceRate: Double?
        let principalAppearanceRate: Double?
        let spokeRate: Double?
        let mediatedWithdrawalRate: Double?

        init(_ figures: LitigationFigures) {
            received = figures.received
            carriedOver = figures.carriedOver
            new = figures.new
            caseload = figures.caseload
            concluded = figures.concluded
            pending = figures.pending
            losses = figures.losses
            lossRate = figures.lossRate?.value
            heard = figures.heard
            appeared = figures.appeared
            appearanceRate = figures.appearanceRate?.value
            principalAppearanceRate = figures.principalAppearanceRate?.value
            spokeRate = figures.spokeRate?.value
            mediatedWithdrawalRate = figures.mediatedWithdrawalRate?.value
        }

        /// Rates over zero cases are written as `null`, not left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(received, forKey: .received)
            try container.encode(carriedOver, forKey: .carriedOver)
            try container.encode(new, forKey: .new)
            try container.encode(caseload, forKey: .caseload)
            try container.encode(concluded, forKey: .concluded)
            try container.encode(pending, forKey: .pending)
            try container.encode(losses, forKey: .losses)
            try container.encode(lossRate, forKey: .lossRate)
            try container.encode(heard, forKey: .heard)
            try container.encode(appeared, forKey: .appeared)
            try container.encode(appearanceRate, forKey: .appearanceRate)
            try container.encode(principalAppearanceRate, forKey: .principalAppearanceRate)
            try container.encode(spokeRate, forKey: .spokeRate)
            try container.encode(mediatedWithdrawalRate, forKey: .mediatedWithdrawalRate)
        }
    }

    struct BreakdownRow: Content {
        let key: String
        let label: String
        let figures: FiguresDTO
    }

    struct Answer: Content {
        let region: String
        let from: String
        let to: String
        let figures: FiguresDTO
        let previous: FiguresDTO
        let doubleDecline: Bool
        let breakdown: [BreakdownRow]?
    }

    /// The answer is kept as its JSON, beside the figures it is written from: a province's breakdown by unit is
    /// 3 MB, and writing it would otherwise be most of each ask.
    func figures(_ request: Request) async throws -> Response {
        struct Query: Content {
            var region: String
            var from: String
            var to: String
            var unit: UUID?
            var breakdown: LitigationQueries.Breakdown?
        }
        let caller = try request.caller(for: .readLitigation)
        let query = try request.query.decode(Query.self)
        var problems = FieldProblems()
        let from = CalendarDay(parsing: query.from)
        let to = CalendarDay(parsing: query.to)
        if from == nil { problems.add("from", "须为 YYYY-MM-DD") }
        if to == nil { problems.add("to", "须为 YYYY-MM-DD") }
        if let from, let to, to < from { problems.add("to", "早于 from") }
        // A day that does not parse is among the problems.
        guard let from, let to, problems.isEmpty else { throw AppError.invalid(problems.summary) }
        let region = try await caller.scope.region(code: query.region, on: request.db)
        let period = DayRange(from: from, to: to)
        let db = request.db
        let json = try await FiguresCache.value(
            "figures.json "
                + LitigationQueries.key(region: region, unit: query.unit, period: period, breakdown: query.breakdown),
            on: db, weight: Answer.weight
        ) {
            let result = try await LitigationQueries.figures(
                region: region, unit: query.unit, period: period, breakdown: query.breakdown, on: db)
            return Answer(
                region: region.code, from: period.from.description, to: period.to.description,
                figures: .init(result.current),
                previous: .init(result.previous), doubleDecline: result.doubleDecline,
                breakdown: query.breakdown.map { _ in
                    result.rows.map { BreakdownRow(key: $0.key, label: $0.label, figures: .init($0.figures)) }
                }
            ).encoded
        }
        return Answer.response(json)
    }

    struct HearingDTO: Content {
        let heldOn: String
        let headAppeared: Bool
        let headRank: String
        let principal: Bool
        let spoke: Bool
    }

    struct CaseDTO: Content {
        let id: UUID
        let caseNumber: String
        let court: String
        let procedure: String
        let defendant: String
        let region: String
        let actionType: String
        let plaintiffKind: String
        let filedOn: String
        let concludedOn: String?
        let outcome: String?
        let lossCause: String?
        let hearings: [HearingDTO]

        init(_ detail: CaseQueries.Detail) throws {
            let item = detail.adminCase
            id = try item.requireID()
            caseNumber = item.caseNumber
            court = item.court
            procedure = item.procedure.label
            defendant = detail.unitName
            region = detail.region.code
            actionType = item.actionType.label
            plaintiffKind = item.plaintiffKind.label
            filedOn = item.filedOn
            concludedOn = item.concludedOn
            outcome = item.outcome?.label
            lossCause = item.lossCause?.label
            hearings = detail.hearings.map {
                HearingDTO(
                    heldOn: $0.heldOn, headAppeared: $0.headAppeared, headRank: $0.headRank, principal: $0.principal,
                    spoke: $0.spoke)
            }
        }
    }

    struct CaseRowDTO: Content {
        let id: UUID
        let caseNumber: String
        let defendant: String
        let region: String
        let actionType: String
        let filedOn: String
        let concludedOn: String?
        let outcome: String?
        let heard: Int
        let appeared: Int
    }

    struct CasePage: Content {
        let total: Int
        let page: Int
        let pageSize: Int
        /// Pass as `after` for the next page; absent on the last.
        let next: String?
        let cases: [CaseRowDTO]
    }

    /// `GET /api/v1/litigation/cases?region=…[&unit=…][&state=pending|concluded|lost|overTime|hearingSoon|headAbsent][&number=…][&page=…|&after=…]`
    func cases(_ request: Request) async throws -> CasePage {
        struct Query: Content {
            var region: String
            var unit: UUID?
            var state: String?
            var number: String?
            var page: Int?
            var after: String?
        }
        let caller = try request.caller(for: .readLitigation)
        let query = try request.query.decode(Query.self)
        var state: CaseQueries.State?
        if let text = query.state {
            state = CaseQueries.State(rawValue: text)
            if state == nil {
                let choices = CaseQueries.State.allCases.map(\.rawValue).joined(separator: "、")
                throw AppError.invalid("state：须为 \(choices) 之一")
            }
        }
        if let page = query.page, page < 1 { throw AppError.invalid("page：须为正整数") }
        var after: CaseQueries.Cursor?
        if let token = query.after {
            guard query.page == nil else { throw AppError.invalid("after：不能与 page 同时使用") }
            after = CaseQueries.Cursor(token: token)
            if after == nil { throw AppError.invalid("after：须为上一页返回的 next") }
        }
        let region = try await caller.scope.region(code: query.region, on: request.db)
        let filter = CaseQueries.Filter(
            unit: query.unit, state: state, number: query.number, page: query.page ?? 1, after: after)
        let list = try await CaseQueries.list(
            region: region, scope: caller.scope, filter: filter, today: CalendarDay(containing: request.now),
            on: request.db)
        return CasePage(
            total: list.total, page: list.page, pageSize: CaseQueries.pageSize, next: list.next?.token,
            cases: list.rows.map {
                CaseRowDTO(
                    id: $0.id, caseNumber: $0.number, defendant: $0.unitName, region: $0.regionCode,
                    actionType: $0.actionType.label, filedOn: $0.filedOn, concludedOn: $0.concludedOn,
                    outcome: $0.outcome?.label, heard: $0.heard, appeared: $0.appeared)
            })
    }

    /// `GET /api/v1/litigation/cases/{id}` with its hearings.
    func adminCase(_ request: Request) async throws -> CaseDTO {
        let caller = try request.caller(for: .readLitigation)
        return try await CaseDTO(CaseQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db))
    }
}
