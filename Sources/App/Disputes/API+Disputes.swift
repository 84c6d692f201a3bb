import Fluent
import FuyuanCore
import Vapor

/// `/api/v1/regions/{code}/disputes`: the list, each dispute, its steps, the import, the figures and the targets.
struct DisputesAPI {
    /// A dispute as the list gives it.
    struct RowDTO: Content {
        let id: UUID
        let number: String
        let source: DisputeSource
        let applicant: String
        let agency: String
        let actionType: ActionType
        let region: String
        let registeredOn: String
        let state: DisputeState
        /// The day the step due next is due; empty once closed.
        let stepDue: String
        let timeliness: Timeliness
        let handlingUnit: String?
        let handler: String?
        let outcome: DisputeOutcome?
        let closedOn: String?
        let caseNumber: String
    }

    struct Page: Content {
        let total: Int
        let pageSize: Int
        /// Pass as `after` for the next page; absent on the last.
        let next: String?
        let disputes: [RowDTO]
    }

    struct ParticipantDTO: Content {
        let role: ParticipantRole
        let name: String
        let affiliation: String
    }

    struct StepDTO: Content {
        let at: Date
        let actor: String
        let what: String
    }

    /// A dispute with its registration, steps, participants and outcome.
    struct DisputeDTO: Content {
        let id: UUID
        let number: String
        let region: String
        let source: DisputeSource
        let applicant: String
        let agencyID: UUID
        let agency: String
        let actionType: ActionType
        let claim: String
        let registeredOn: String
        let state: DisputeState
        let stepDue: String
        let timeliness: Timeliness
        let handlingUnitID: UUID?
        let handlingUnit: String?
        let handler: String?
        let deadline: String?
        let urges: Int
        let feedback: String?
        let answeredOn: String?
        let outcome: DisputeOutcome?
        let result: String?
        let closedOn: String?
        let closeDays: Int?
        let caseNumber: String
        /// The litigation case of `caseNumber`, when the register holds it.
        let caseID: UUID?
        let participants: [ParticipantDTO]
        let steps: [StepDTO]
    }

    struct FiguresDTO: Content {
        struct Line: Content {
            let code: String
            let name: String
            let registered: Int
            let registeredYearBefore: Int
            let registeredChange: Double?
            let closed: Int
            let resolved: Int
            let resolutionRate: Double?
            let mediatedWithdrawals: Int
            let overdue: Int
            let averageDays: Double?
            /// From the litigation register: new cases now and a year before, and the mediated-withdrawal rate.
            let newCases: Int
            let newCasesYearBefore: Int
            let newCasesChange: Double?
            let mediatedWithdrawalRate: Double?

            init(_ line: DisputeFiguresQueries.Line) {
                let figures = line.disputes
                (code, name) = (line.code, line.name)
                (registered, registeredYearBefore) = (figures.registered, figures.registeredYearBefore)
                (registeredChange, closed, resolved) = (figures.registeredChange, figures.closed, figures.resolved)
                (resolutionRate, mediatedWithdrawals) = (figures.resolutionRate?.value, figures.mediatedWithdrawals)
                (overdue, averageDays) = (figures.overdue, figures.averageDays)
                (newCases, newCasesYearBefore) = (line.cases.new, line.casesYearBefore.new)
                (newCasesChange, mediatedWithdrawalRate) = (
                    line.newCasesChange, line.cases.mediatedWithdrawalRate?.value
                )
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(name, forKey: .name)
                try container.encode(registered, forKey: .registered)
                try container.encode(registeredYearBefore, forKey: .registeredYearBefore)
                try container.encode(registeredChange, forKey: .registeredChange)
                try container.encode(closed, forKey: .closed)
                try container.encode(resolved, forKey: .resolved)
                try container.encode(resolutionRate, forKey: .resolutionRate)
                try container.encode(mediatedWithdrawals, forKey: .mediatedWithdrawals)
                try container.encode(overdue, forKey: .overdue)
                try container.encode(averageDays, forKey: .averageDays)
                try container.encode(newCases, forKey: .newCases)
                try container.encode(newCasesYearBefore, forKey: .newCasesYearBefore)
                try container.encode(newCasesChange, forKey: .newCasesChange)
                try container.encode(mediatedWithdrawalRate, forKey: .mediatedWithdrawalRate)
            }
        }

        let from: String
        let to: String
        let targets: TargetsDTO
        let total: Line
        let lower: [Line]
    }

    /// The targets a region works to (`DisputeTargets`), its own or inherited.
    struct TargetsDTO: Content {
        let newCasesChange: Int
        let mediatedWithdrawalRate: Int
        let resolutionRate: Int
        let handlingDays: Int

        init(targets: DisputeTargets) {
            (newCasesChange, mediatedWithdrawalRate) = (targets.newCasesChange, targets.mediatedWithdrawalRate)
            (resolutionRate, handlingDays) = (targets.resolutionRate, targets.handlingDays)
        }
    }

    func list(_ request: Request) async throws -> Page {
        struct Query: Content {
            var source: String?
            var agency: UUID?
            var handling: UUID?
            var outcome: String?
            var state: String?
            var q: String?
            var order: String?
            var after: String?
        }
        let (caller, region) = try await regionOf(request)
        let query = try request.query.decode(Query.self)
        let filter = DisputeQueries.Filter(
            source: try APIQuery.choice(query.source, "source"), agency: query.agency, handling: query.handling,
            outcome: try APIQuery.choice(query.outcome, "outcome"), state: try APIQuery.choice(query.state, "state"),
            text: query.q?.trimmingCharacters(in: .whitespaces),
            order: try APIQuery.choice(query.order, "order") ?? .registered, after: try APIQuery.cursor(query.after))
        let today = CalendarDay(containing: request.now)
        let rules = request.application.dueRules
        let list = try await DisputeQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, rules: rules, on: request.db)
        return Page(
            total: list.total, pageSize: DisputeQueries.pageSize, next: list.next?.token,
            disputes: list.rows.map {
                RowDTO(
                    id: $0.id, number: $0.number, source: $0.source, applicant: $0.applicant, agency: $0.agencyName,
                    actionType: $0.actionType, region: $0.regionName, registeredOn: $0.registeredOn, state: $0.state,
                    stepDue: $0.stepDue, timeliness: $0.timeliness(today: today, rules: rules),
                    handlingUnit: $0.handlingName, handler: $0.handler, outcome: $0.outcome, closedOn: $0.closedOn,
                    caseNumber: $0.caseNumber)
            })
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let dispute = try await DisputeStore.register(
            try request.content.decode(DisputeStore.Input.self), region: region, as: try request.acting())
        return try await dto(request, id: dispute.requireID(), region: region).encodeResponse(
            status: .created, for: request)
    }

    /// `POST …/disputes/import`: the file is the body; the counts, or every bad row with nothing written.
    func importFile(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let spool = try await request.spoolBody(limit: DisputeImport.maximumBytes)
        defer { spool.close() }
        guard spool.size > 0 else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "请求体须为 .csv 或 .xlsx 文件")
        }
        do {
            return try await DisputeImport.run(
                spool.url, region: region, as: try request.acting(), threadPool: request.application.threadPool
            ).encodeResponse(for: request)
        } catch let refused as SpreadsheetImport.Refused {
            return try await SpreadsheetImport.Refusal(refused).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    func read(_ request: Request) async throws -> DisputeDTO {
        let (_, region) = try await regionOf(request)
        return try await dto(request, id: request.idParameter(), region: region)
    }

    func update(_ request: Request) async throws -> DisputeDTO {
        let (region, detail) = try await disputeOf(request, for: .resolveDisputes)
        try await DisputeStore.update(
            detail, with: try request.content.decode(DisputeStore.Input.self), as: try request.acting())
        return try await dto(request, id: detail.dispute.requireID(), region: region)
    }

    func step(_ request: Request, _ step: DisputeStep) async throws -> DisputeDTO {
        let (region, detail) = try await disputeOf(request, for: .readLitigation)
        let acting = try request.acting()
        switch step {
        case .transfer:
            try await DisputeStore.transfer(detail, try request.content.decode(DisputeStore.Transfer.self), as: acting)
        case .assign:
            try await DisputeStore.assign(detail, try request.content.decode(DisputeStore.Assignment.self), as: acting)
        case .urge: try await DisputeStore.urge(detail, as: acting)
        case .answer:
            try await DisputeStore.answer(detail, try request.content.decode(DisputeStore.Answer.self), as: acting)
        case .close:
            try await DisputeStore.close(detail, try request.content.decode(DisputeStore.Closing.self), as: acting)
        case .participants:
            try await DisputeStore.addParticipant(
                detail, try request.content.decode(DisputeStore.Participant.self), as: acting)
        }
        return try await dto(request, id: detail.dispute.requireID(), region: region)
    }

    func figures(_ request: Request) async throws -> FiguresDTO {
        let (caller, region) = try await regionOf(request)
        let (period, today) = try AskedPeriod.api(request)
        let result = try await DisputeFiguresQueries.figures(
            region: region, scope: caller.scope, period: period, today: today, on: request.db)
        return FiguresDTO(
            from: period.from.description, to: period.to.description, targets: .init(targets: result.targets),
            total: .init(result.total), lower: result.lower.map(FiguresDTO.Line.init))
    }

    func targets(_ request: Request) async throws -> TargetsDTO {
        let (_, region) = try await regionOf(request)
        return TargetsDTO(targets: try await DisputeQueries.targets(of: region, on: request.db))
    }

    func setTargets(_ request: Request) async throws -> TargetsDTO {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        try await DisputeStore.setTargets(
            try request.content.decode(DisputeTargets.self), region: region, as: try request.acting())
        return TargetsDTO(targets: try await DisputeQueries.targets(of: region, on: request.db))
    }

    // MARK: helpers

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLitigation)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    private func disputeOf(_ request: Request, for action: Action) async throws -> (Region, DisputeQueries.Detail) {
        let caller = try request.caller(for: action)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return (
            region,
            try await DisputeQueries.detail(
                id: request.idParameter(), scope: caller.scope, within: region, on: request.db)
        )
    }

    private func dto(_ request: Request, id: UUID, region: Region) async throws -> DisputeDTO {
        let caller = try request.requireCaller()
        let detail = try await DisputeQueries.detail(id: id, scope: caller.scope, within: region, on: request.db)
        let dispute = detail.dispute
        return DisputeDTO(
            id: id, number: dispute.number, region: detail.region.code, source: dispute.source,
            applicant: dispute.applicant, agencyID: dispute.$agency.id, agency: detail.agencyName,
            actionType: dispute.actionType, claim: dispute.claim, registeredOn: dispute.registeredOn,
            state: dispute.state, stepDue: dispute.stepDue,
            timeliness: DisputeRules().timeliness(
                dispute.state, stepDue: CalendarDay(parsing: dispute.stepDue),
                today: CalendarDay(containing: request.now), rules: request.application.dueRules),
            handlingUnitID: dispute.$handlingUnit.id, handlingUnit: detail.handlingName, handler: dispute.handler,
            deadline: dispute.deadline, urges: dispute.urges, feedback: dispute.feedback,
            answeredOn: dispute.answeredOn, outcome: dispute.outcome, result: dispute.result,
            closedOn: dispute.closedOn, closeDays: dispute.closeDays, caseNumber: dispute.caseNumber,
            caseID: dispute.$adminCase.id,
            participants: detail.participants.map { .init(role: $0.role, name: $0.name, affiliation: $0.affiliation) },
            steps: detail.events.map { .init(at: $0.at, actor: $0.actor, what: $0.what) })
    }
}
