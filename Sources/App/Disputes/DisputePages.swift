import Fluent
import FuyuanCore
import Vapor

/// The pages of the resolution centre: they translate HTTP to `DisputeQueries` and `DisputeStore` and back.
struct DisputePages {
    func list(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let imported = (try? request.query.get(Int.self, at: "imported")).map { created in
            "导入完成：新增 \(created) 件，未变 \((try? request.query.get(Int.self, at: "unchanged")) ?? 0) 件。"
        }
        return try await listPage(request, caller: caller, region: region, problems: [], notice: imported)
    }

    /// The filtered list, all of it, as a spreadsheet; the export is audited.
    func export(_ request: Request, format: String) async throws -> Response {
        let (caller, region) = try await regionOf(request)
        var filter = DisputeQueries.Filter(request.query)
        filter.after = nil
        let today = CalendarDay(containing: request.now)
        let list = try await DisputeQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, rules: request.application.dueRules,
            limit: DisputeTable.maximumRows, on: request.db)
        let response = try TableExport.response(
            DisputeTable.table(list.rows, today: today, rules: request.application.dueRules),
            sheet: DisputeTable.sheetName, name: "\(region.name)行政争议-\(today)", format: format)
        let summary = "导出\(region.name)行政争议（.\(format)，\(list.rows.count) 件；\(filter.summary)）"
        try await request.db.write { db in
            try await request.audit(.dataExported, object: ("region", region.code), summary: summary, on: db)
        }
        return response
    }

    /// The import of the list page: back to the list with the counts, or the list with every bad row and nothing
    /// written.
    func importFile(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        let (spool, name) = try await SpreadsheetImport.spooledUpload(request)
        defer { spool.close() }
        do {
            let counts = try await DisputeImport.run(
                spool.url, region: region, as: try request.acting(), threadPool: request.application.threadPool)
            return request.redirect(
                to: SitePath.disputes(region.code).url + "?imported=\(counts.created)&unchanged=\(counts.unchanged)")
        } catch let refused as SpreadsheetImport.Refused {
            return try await listPage(
                request, caller: caller, region: region, problems: refused.lines(file: name), notice: nil
            )
            .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func newForm(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        return try await page(
            request, region: region, detail: nil, values: .init(today: CalendarDay(containing: request.now)),
            problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let input = try request.content.decode(DisputeStore.Input.self)
        do {
            let dispute = try await DisputeStore.register(input, region: region, as: try request.acting())
            return request.redirect(to: SitePath.dispute(try dispute.requireID()).url + "?saved=1")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(request, region: region, detail: nil, values: .init(input), problems: error.problems)
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func show(_ request: Request) async throws -> HTMLPage {
        let detail = try await detailOf(request, for: .readLitigation)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil
        return try await page(
            request, region: detail.region, detail: detail, values: .init(detail.dispute), problems: [],
            notice: saved ? "已保存" : nil)
    }

    func update(_ request: Request) async throws -> Response {
        let detail = try await detailOf(request, for: .resolveDisputes)
        let input = try request.content.decode(DisputeStore.Input.self)
        return try await act(request, detail, values: .init(input)) {
            try await DisputeStore.update(detail, with: input, as: $0)
        }
    }

    /// A step of the workflow, as its form posts it.
    func step(_ request: Request, _ step: DisputeStep) async throws -> Response {
        let detail = try await detailOf(request, for: .readLitigation)
        return try await act(request, detail) { acting in
            switch step {
            case .transfer:
                try await DisputeStore.transfer(
                    detail, try request.content.decode(DisputeStore.Transfer.self), as: acting)
            case .assign:
                try await DisputeStore.assign(
                    detail, try request.content.decode(DisputeStore.Assignment.self), as: acting)
            case .urge: try await DisputeStore.urge(detail, as: acting)
            case .answer:
                try await DisputeStore.answer(detail, try request.content.decode(DisputeStore.Answer.self), as: acting)
            case .close:
                try await DisputeStore.close(detail, try request.content.decode(DisputeStore.Closing.self), as: acting)
            case .participants:
                try await DisputeStore.addParticipant(
                    detail, try request.content.decode(DisputeStore.Participant.self), as: acting)
            }
        }
    }

    func figures(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil
        return try await figuresPage(
            request, caller: caller, region: region, problems: [], notice: saved ? "目标已保存" : nil)
    }

    func setTargets(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .resolveDisputes)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let targets = try request.content.decode(DisputeTargets.self)
        do {
            try await DisputeStore.setTargets(targets, region: region, as: try request.acting())
            return request.redirect(to: SitePath.disputeFigures(region.code).url + "?saved=1")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await figuresPage(request, caller: caller, region: region, problems: error.problems, notice: nil)
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    // MARK: helpers

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLitigation)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    private func detailOf(_ request: Request, for action: Action) async throws -> DisputeQueries.Detail {
        let caller = try request.caller(for: action)
        return try await DisputeQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
    }

    private func listPage(_ request: Request, caller: Caller, region: Region, problems: [String], notice: String?)
        async throws -> HTMLPage
    {
        let filter = DisputeQueries.Filter(request.query)
        let today = CalendarDay(containing: request.now)
        let list = try await DisputeQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, rules: request.application.dueRules,
            on: request.db)
        return DisputesView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                agencies: try await OrgQueries.unitChoices(of: region, on: request.db), filter: filter, list: list,
                today: today, rules: request.application.dueRules,
                canRegister: caller.role.may(.resolveDisputes) && caller.regionID == region.id, problems: problems,
                notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }

    private func figuresPage(
        _ request: Request, caller: Caller, region: Region, problems: [String], notice: String?
    ) async throws -> HTMLPage {
        let (period, today) = AskedPeriod.page(request)
        let result = try await DisputeFiguresQueries.figures(
            region: region, scope: caller.scope, period: period, today: today, on: request.db)
        return DisputeFiguresView.render(
            .init(
                regionCode: region.code, regionName: region.name, period: period, result: result, today: today,
                canSetTargets: caller.role == .office && caller.regionID == region.id, problems: problems,
                notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }

    /// Runs a step on the dispute, then shows it again; a refused step shows the page with why.
    private func act(
        _ request: Request, _ detail: DisputeQueries.Detail, values: DisputeView.Values? = nil,
        _ step: (Acting) async throws -> Void
    ) async throws -> Response {
        let id = try detail.dispute.requireID()
        do {
            try await step(try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            let fresh = try await DisputeQueries.detail(
                id: id, scope: try request.requireCaller().scope, on: request.db)
            return try await page(
                request, region: fresh.region, detail: fresh, values: values ?? .init(fresh.dispute),
                problems: error.problems
            ).encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.dispute(id).url + "?saved=1")
    }

    private func page(
        _ request: Request, region: Region, detail: DisputeQueries.Detail?, values: DisputeView.Values,
        problems: [String], notice: String? = nil
    ) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let today = CalendarDay(containing: request.now)
        let isCentre = caller.role.may(.resolveDisputes) && caller.regionID == region.id
        return DisputeView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                shown: try detail.map { try .init($0, today: today, rules: request.application.dueRules) },
                values: values, agencies: isCentre ? try await OrgQueries.unitChoices(of: region, on: request.db) : [],
                isCentre: isCentre,
                isHandling: caller.role.may(.handleParts) && detail?.dispute.$handlingUnit.id == caller.unitID,
                handlingDays: try await DisputeQueries.targets(of: region, on: request.db).handlingDays, today: today,
                problems: problems, notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }
}
