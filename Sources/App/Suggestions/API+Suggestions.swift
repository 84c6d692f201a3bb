import Fluent
import FuyuanCore
import Vapor

/// `/api/v1/regions/{code}/judicial-suggestions`: the list, each suggestion, its steps and the figures.
struct SuggestionsAPI {
    /// A suggestion as the list gives it.
    struct RowDTO: Content {
        let id: UUID
        let reference: String
        let caseNumber: String
        let agency: String
        let region: String
        let problem: String
        let issuedOn: String
        let replyDue: String
        let state: SuggestionState
        let timeliness: Timeliness
        let repliedOn: String?
        let adoption: Adoption?
        let late: Bool
    }

    struct Page: Content {
        let total: Int
        let pageSize: Int
        /// Pass as `after` for the next page; absent on the last.
        let next: String?
        let suggestions: [RowDTO]
    }

    /// A suggestion with everything the court wrote and the agency answered.
    struct SuggestionDTO: Content {
        let id: UUID
        let region: String
        let court: String
        let agencyID: UUID
        let agency: String
        let reference: String
        let caseNumber: String
        let problem: String
        let suggestion: String
        let issuedOn: String
        let replyDue: String
        let state: SuggestionState
        let timeliness: Timeliness
        let signedBy: String?
        let signedAt: Date?
        let repliedOn: String?
        let repliedBy: String?
        let measures: String?
        let adoption: Adoption?
        let reasons: String?
        /// Replied after the day it was due.
        let late: Bool
    }

    struct FiguresDTO: Content {
        /// The counts of `SuggestionFigures` and its rates (0–1, null when nothing is owed or replied).
        struct Counts: Content, Equatable {
            let issued: Int
            let due: Int
            let replied: Int
            let repliedOnTime: Int
            let adopted: Int
            let overdue: Int
            let replyRate: Double?
            let onTimeRate: Double?
            let adoptionRate: Double?

            init(_ figures: SuggestionFigures) {
                (issued, due, replied) = (figures.issued, figures.due, figures.replied)
                (repliedOnTime, adopted, overdue) = (figures.repliedOnTime, figures.adopted, figures.overdue)
                (replyRate, onTimeRate) = (figures.replyRate?.value, figures.onTimeRate?.value)
                adoptionRate = figures.adoptionRate?.value
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(issued, forKey: .issued)
                try container.encode(due, forKey: .due)
                try container.encode(replied, forKey: .replied)
                try container.encode(repliedOnTime, forKey: .repliedOnTime)
                try container.encode(adopted, forKey: .adopted)
                try container.encode(overdue, forKey: .overdue)
                try container.encode(replyRate, forKey: .replyRate)
                try container.encode(onTimeRate, forKey: .onTimeRate)
                try container.encode(adoptionRate, forKey: .adoptionRate)
            }
        }

        struct Line: Content {
            let id: UUID
            let name: String
            let figures: Counts
        }

        let from: String
        let to: String
        let total: Counts
        let agencies: [Line]
        let lower: [Line]
    }

    func list(_ request: Request) async throws -> Page {
        struct Query: Content {
            var agency: UUID?
            var state: String?
            var q: String?
            var order: String?
            var after: String?
        }
        let (caller, region) = try await regionOf(request)
        let query = try request.query.decode(Query.self)
        let filter = SuggestionQueries.Filter(
            agency: query.agency, state: try APIQuery.choice(query.state, "state"),
            text: query.q?.trimmingCharacters(in: .whitespaces),
            order: try APIQuery.choice(query.order, "order") ?? .issued, after: try APIQuery.cursor(query.after))
        let today = CalendarDay(containing: request.now)
        let rules = request.application.dueRules
        let list = try await SuggestionQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, rules: rules, on: request.db)
        return Page(
            total: list.total, pageSize: SuggestionQueries.pageSize, next: list.next?.token,
            suggestions: list.rows.map {
                RowDTO(
                    id: $0.id, reference: $0.reference, caseNumber: $0.caseNumber, agency: $0.agencyName,
                    region: $0.regionName, problem: $0.problem, issuedOn: $0.issuedOn, replyDue: $0.replyDue,
                    state: $0.state, timeliness: $0.timeliness(today: today, rules: rules), repliedOn: $0.repliedOn,
                    adoption: $0.adoption, late: $0.isLate)
            })
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .issueSuggestions)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let suggestion = try await SuggestionStore.issue(
            try request.content.decode(SuggestionStore.Input.self), region: region, as: try request.acting())
        return try await dto(request, id: suggestion.requireID(), region: region).encodeResponse(
            status: .created, for: request)
    }

    func read(_ request: Request) async throws -> SuggestionDTO {
        let (_, region) = try await regionOf(request)
        return try await dto(request, id: request.idParameter(), region: region)
    }

    func update(_ request: Request) async throws -> SuggestionDTO {
        let caller = try request.caller(for: .issueSuggestions)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let detail = try await SuggestionQueries.detail(
            id: request.idParameter(), scope: caller.scope, within: region, on: request.db)
        try await SuggestionStore.update(
            detail, with: try request.content.decode(SuggestionStore.Input.self), as: try request.acting())
        return try await dto(request, id: detail.suggestion.requireID(), region: region)
    }

    func sign(_ request: Request) async throws -> SuggestionDTO {
        let caller = try request.caller(for: .handleParts)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let suggestion = try await SuggestionStore.suggestion(
            request.idParameter(), scope: caller.scope, within: region, on: request.db)
        try await SuggestionStore.sign(suggestion, as: try request.acting())
        return try await dto(request, id: suggestion.requireID(), region: region)
    }

    func reply(_ request: Request) async throws -> SuggestionDTO {
        let caller = try request.caller(for: .handleParts)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let suggestion = try await SuggestionStore.suggestion(
            request.idParameter(), scope: caller.scope, within: region, on: request.db)
        try await SuggestionStore.reply(
            suggestion, try request.content.decode(SuggestionStore.Reply.self), as: try request.acting())
        return try await dto(request, id: suggestion.requireID(), region: region)
    }

    func figures(_ request: Request) async throws -> FiguresDTO {
        let (caller, region) = try await regionOf(request)
        let (period, today) = try AskedPeriod.api(request)
        let result = try await SuggestionFiguresQueries.figures(
            region: region, scope: caller.scope, period: period, today: today, on: request.db)
        let lines = { (lines: [SuggestionFiguresQueries.Line]) in
            lines.map { FiguresDTO.Line(id: $0.id, name: $0.name, figures: .init($0.figures)) }
        }
        return FiguresDTO(
            from: period.from.description, to: period.to.description, total: .init(result.total),
            agencies: lines(result.agencies), lower: lines(result.lower))
    }

    // MARK: helpers

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLitigation)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    private func dto(_ request: Request, id: UUID, region: Region) async throws -> SuggestionDTO {
        let caller = try request.requireCaller()
        let detail = try await SuggestionQueries.detail(id: id, scope: caller.scope, within: region, on: request.db)
        let shown = try SuggestionView.Shown(
            detail, today: CalendarDay(containing: request.now), rules: request.application.dueRules)
        let suggestion = detail.suggestion
        return SuggestionDTO(
            id: id, region: detail.region.code, court: detail.courtName, agencyID: suggestion.$agency.id,
            agency: detail.agencyName, reference: suggestion.reference, caseNumber: suggestion.caseNumber,
            problem: suggestion.problem, suggestion: suggestion.suggestion, issuedOn: suggestion.issuedOn,
            replyDue: suggestion.replyDue, state: suggestion.state, timeliness: shown.timeliness,
            signedBy: suggestion.signedBy, signedAt: suggestion.signedAt, repliedOn: suggestion.repliedOn,
            repliedBy: suggestion.repliedBy, measures: suggestion.measures, adoption: suggestion.adoption,
            reasons: suggestion.reasons, late: shown.lateDays != nil)
    }
}
