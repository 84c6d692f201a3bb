import Fluent
import FuyuanCore
import Vapor

/// The pages of bankruptcy coordination: they translate HTTP to `BankruptcyQueries` and `BankruptcyStore` and back.
struct BankruptcyPages {
    /// The matter form as posted: the unit as the select sends it, possibly empty.
    struct MatterForm: Content {
        var kind: BankruptcyMatterKind
        var unitID: String?
        var deadline: String
        var content: String?
    }

    func list(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let filter = BankruptcyQueries.Filter(request.query)
        let today = CalendarDay(containing: request.now)
        let list = try await BankruptcyQueries.list(
            region: region, scope: caller.scope, filter: filter, today: today, on: request.db)
        return BankruptcyListView.render(
            .init(
                regionCode: region.code, regionName: region.name, filter: filter, list: list, today: today,
                rules: request.application.dueRules,
                canMaintain: caller.role.may(.coordinateBankruptcy) && caller.regionID == region.id),
            shell: try await request.shell(regionCode: region.code))
    }

    func export(_ request: Request, format: String) async throws -> Response {
        let (caller, region) = try await regionOf(request)
        var asked = BankruptcyQueries.Filter(request.query)
        asked.after = nil
        let today = CalendarDay(containing: request.now)
        let list = try await BankruptcyQueries.list(
            region: region, scope: caller.scope, filter: asked, today: today, limit: BankruptcyTable.maximumRows,
            on: request.db)
        let response = try TableExport.response(
            BankruptcyTable.table(list.rows, today: today), sheet: BankruptcyTable.sheetName,
            name: "\(region.name)破产案件-\(today)", format: format)
        try await request.db.write { db in
            try await request.audit(
                .dataExported, object: ("region", region.code),
                summary: "导出\(region.name)破产案件（.\(format)，\(list.rows.count) 件）", on: db)
        }
        return response
    }

    func newForm(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        var values = BankruptcyCaseView.Values()
        values.acceptedOn = CalendarDay(containing: request.now).description
        return try await page(request, region: region, detail: nil, values: values, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let form = try request.content.decode(BankruptcyStore.Input.self)
        do {
            let item = try await BankruptcyStore.create(form, region: region, as: try request.acting())
            return request.redirect(to: SitePath.bankruptcyCase(try item.requireID()).url + "?saved=1")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(request, region: region, detail: nil, values: .init(form), problems: error.problems)
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func show(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLedger)
        let detail = try await detail(request, id: request.idParameter(), scope: caller.scope)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil
        return try await page(
            request, region: detail.region, detail: detail, values: Self.values(detail.item), problems: [],
            notice: saved ? "已保存" : nil)
    }

    func update(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let detail = try await detail(request, id: request.idParameter(), scope: caller.scope)
        let form = try request.content.decode(BankruptcyStore.Input.self)
        return try await act(request, detail, values: .init(form)) {
            try await BankruptcyStore.update(detail.item, region: detail.region, with: form, as: $0)
        }
    }

    func addMatter(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let detail = try await detail(request, id: request.idParameter(), scope: caller.scope)
        let form = try request.content.decode(MatterForm.self)
        return try await act(request, detail) { acting in
            guard let unitID = form.unitID.flatMap(UUID.init(uuidString:)) else {
                throw AppError.invalid("责任单位：请选择")
            }
            _ = try await BankruptcyStore.addMatter(
                to: detail.item, .init(kind: form.kind, unitID: unitID, deadline: form.deadline, content: form.content),
                as: acting)
        }
    }

    func conclude(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .coordinateBankruptcy)
        let detail = try await detail(request, id: request.idParameter(), scope: caller.scope)
        let conclusion = try request.content.decode(BankruptcyStore.Conclusion.self)
        return try await act(request, detail) { try await BankruptcyStore.conclude(detail.item, conclusion, as: $0) }
    }

    // MARK: helpers

    static func values(_ item: BankruptcyCase) -> BankruptcyCaseView.Values {
        BankruptcyCaseView.Values(
            caseNumber: item.caseNumber, debtor: item.debtor, procedure: item.procedure, stage: item.stage,
            judge: item.judge, administrator: item.administrator, acceptedOn: item.acceptedOn,
            claimsDueOn: item.claimsDueOn ?? "", firstMeetingOn: item.firstMeetingOn ?? "")
    }

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLedger)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    private func detail(_ request: Request, id: UUID, scope: Scope) async throws -> BankruptcyQueries.Detail {
        try await BankruptcyQueries.detail(
            id: id, scope: scope, today: CalendarDay(containing: request.now), rules: request.application.dueRules,
            on: request.db)
    }

    /// Runs a step on the case, then shows it again; a refused step shows the page with why.
    private func act(
        _ request: Request, _ detail: BankruptcyQueries.Detail, values: BankruptcyCaseView.Values? = nil,
        _ step: (Acting) async throws -> Void
    ) async throws -> Response {
        let id = try detail.item.requireID()
        do {
            try await step(try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            let fresh = try await self.detail(request, id: id, scope: try request.requireCaller().scope)
            return try await page(
                request, region: fresh.region, detail: fresh, values: values ?? Self.values(fresh.item),
                problems: error.problems
            ).encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.bankruptcyCase(id).url + "?saved=1")
    }

    private func page(
        _ request: Request, region: Region, detail: BankruptcyQueries.Detail?, values: BankruptcyCaseView.Values,
        problems: [String], notice: String? = nil
    ) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let canMaintain = caller.role.may(.coordinateBankruptcy) && caller.regionID == region.id
        let today = CalendarDay(containing: request.now)
        return BankruptcyCaseView.render(
            .init(
                regionCode: region.code, regionName: region.name, shown: try detail.map { try Self.shown($0, today) },
                values: values,
                departments: canMaintain
                    ? try await BankruptcyQueries.departments(of: region.requireID(), on: request.db) : [],
                canMaintain: canMaintain, today: today, problems: problems, notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }

    static func shown(_ detail: BankruptcyQueries.Detail, _ today: CalendarDay) throws -> BankruptcyCaseView.Shown {
        let item = detail.item
        return BankruptcyCaseView.Shown(
            id: try item.requireID(), courtName: detail.courtName, concludedOn: item.concludedOn,
            daysRun: item.rules.daysRun(today: today), matters: detail.matters)
    }
}
