import Fluent
import FuyuanCore
import Vapor

/// The pages of judicial suggestions: they translate HTTP to `SuggestionQueries` and `SuggestionStore` and back.
struct SuggestionPages {
    func list(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let filter = SuggestionQueries.Filter(request.query)
        let today = CalendarDay(containing: request.now)
        let list = try await SuggestionQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, rules: request.application.dueRules,
            on: request.db)
        return SuggestionsView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                agencies: try await OrgQueries.unitChoices(of: region, on: request.db), filter: filter, list: list,
                today: today, rules: request.application.dueRules,
                canIssue: caller.role.may(.issueSuggestions) && caller.regionID == region.id),
            shell: try await request.shell(regionCode: region.code))
    }

    /// The filtered list, all of it, as a spreadsheet; the export is audited.
    func export(_ request: Request, format: String) async throws -> Response {
        let (caller, region) = try await regionOf(request)
        var asked = SuggestionQueries.Filter(request.query)
        asked.after = nil
        let filter = asked
        let today = CalendarDay(containing: request.now)
        let list = try await SuggestionQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, rules: request.application.dueRules,
            limit: SuggestionTable.maximumRows, on: request.db)
        let response = try TableExport.response(
            SuggestionTable.table(list.rows, today: today, rules: request.application.dueRules), sheet: "司法建议",
            name: "\(region.name)司法建议-\(today)", format: format)
        try await request.db.write { db in
            try await request.audit(
                .dataExported, object: ("region", region.code),
                summary: "导出\(region.name)司法建议（.\(format)，\(list.rows.count) 件；\(filter.summary)）", on: db)
        }
        return response
    }

    func newForm(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .issueSuggestions)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await page(
            request, region: region, detail: nil, values: .init(today: CalendarDay(containing: request.now)),
            problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .issueSuggestions)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let input = try request.content.decode(SuggestionStore.Input.self)
        do {
            let suggestion = try await SuggestionStore.issue(input, region: region, as: try request.acting())
            return request.redirect(to: SitePath.suggestion(try suggestion.requireID()).url + "?saved=1")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(
                request, region: region, detail: nil, values: .init(input), problems: error.problems
            ).encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func show(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let detail = try await SuggestionQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil
        return try await page(
            request, region: detail.region, detail: detail, values: .init(detail.suggestion), problems: [],
            notice: saved ? "已保存" : nil)
    }

    func update(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .issueSuggestions)
        let detail = try await SuggestionQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let input = try request.content.decode(SuggestionStore.Input.self)
        return try await act(request, detail, values: .init(input)) {
            try await SuggestionStore.update(detail, with: input, as: $0)
        }
    }

    func sign(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .handleParts)
        let detail = try await SuggestionQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        return try await act(request, detail) { try await SuggestionStore.sign(detail.suggestion, as: $0) }
    }

    func reply(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .handleParts)
        let detail = try await SuggestionQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let reply = try request.content.decode(SuggestionStore.Reply.self)
        return try await act(request, detail) { try await SuggestionStore.reply(detail.suggestion, reply, as: $0) }
    }

    func figures(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let (period, today) = AskedPeriod.page(request)
        let result = try await SuggestionFiguresQueries.figures(
            region: region, scope: caller.scope, period: period, today: today, on: request.db)
        let overdue = try await SuggestionQueries.list(
            region: region, scope: caller.scope, filter: .init(state: .overdue, order: .due), today: today,
            rules: request.application.dueRules, on: request.db)
        return SuggestionFiguresView.render(
            .init(
                regionCode: region.code, regionName: region.name, period: period, result: result,
                overdue: overdue.rows, today: today),
            shell: try await request.shell(regionCode: region.code))
    }

    func bulletin(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let (period, today) = AskedPeriod.page(request)
        let result = try await SuggestionFiguresQueries.figures(
            region: region, scope: caller.scope, period: period, today: today, on: request.db)
        let rows = try await SuggestionQueries.issued(
            region: region, scope: caller.scope, period: period, limit: SuggestionTable.maximumRows, on: request.db)
        return SuggestionBulletinView.render(
            .init(
                regionCode: region.code, regionName: region.name, period: period, result: result, rows: rows,
                today: today, rules: request.application.dueRules),
            shell: try await request.shell(regionCode: region.code))
    }

    // MARK: helpers

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLitigation)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    /// Runs a step on the suggestion, then shows it again; a refused step shows the page with why.
    private func act(
        _ request: Request, _ detail: SuggestionQueries.Detail, values: SuggestionView.Values? = nil,
        _ step: (Acting) async throws -> Void
    ) async throws -> Response {
        let id = try detail.suggestion.requireID()
        do {
            try await step(try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            let fresh = try await SuggestionQueries.detail(
                id: id, scope: try request.requireCaller().scope, on: request.db)
            return try await page(
                request, region: fresh.region, detail: fresh, values: values ?? .init(fresh.suggestion),
                problems: error.problems
            ).encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.suggestion(id).url + "?saved=1")
    }

    private func page(
        _ request: Request, region: Region, detail: SuggestionQueries.Detail?, values: SuggestionView.Values,
        problems: [String], notice: String? = nil
    ) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let today = CalendarDay(containing: request.now)
        let canEdit = caller.role.may(.issueSuggestions) && caller.regionID == region.id
        return SuggestionView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                shown: try detail.map { try .init($0, today: today, rules: request.application.dueRules) },
                values: values,
                agencies: canEdit ? try await OrgQueries.unitChoices(of: region, on: request.db) : [],
                canEdit: canEdit,
                isAgency: caller.role.may(.handleParts) && caller.unitID == detail?.suggestion.$agency.id,
                problems: problems, notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }
}
