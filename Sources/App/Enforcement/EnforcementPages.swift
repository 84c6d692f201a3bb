import Fluent
import FuyuanCore
import Vapor

/// The pages of enforcement cases: they translate HTTP (money typed in 元) to `EnforcementQueries` and
/// `EnforcementStore` and back.
struct EnforcementPages {
    /// The case form as posted: money as typed.
    struct CaseForm: Content {
        var caseNumber: String
        var court: String?
        var organID: String?
        var basis: String?
        var obligation: Obligation
        var owed: String?
        var act: String?
        var filedOn: String
        var campaignID: String?

        var values: EnforcementCaseView.Values {
            EnforcementCaseView.Values(
                caseNumber: caseNumber, court: court ?? "", organID: organID.flatMap(UUID.init(uuidString:)),
                basis: basis ?? "", obligation: obligation, owed: owed ?? "", act: act ?? "", filedOn: filedOn,
                campaignID: campaignID.flatMap(UUID.init(uuidString:)))
        }

        /// The input, and the problem of an amount that does not read.
        var input: (EnforcementStore.Input, FieldProblems) {
            var problems = FieldProblems()
            var owedFen: Int64?
            if obligation == .money {
                do { owedFen = try Money.fen(parsing: owed ?? "") } catch { problems.add("标的金额", error.message) }
            }
            return (
                EnforcementStore.Input(
                    caseNumber: caseNumber, court: court, organID: organID.flatMap(UUID.init(uuidString:)) ?? UUID(),
                    basis: basis, obligation: obligation, owedFen: owedFen, act: act, filedOn: filedOn,
                    campaignID: campaignID.flatMap(UUID.init(uuidString:))), problems
            )
        }
    }

    func list(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        let imported = (try? request.query.get(Int.self, at: "imported")).map { created in
            "导入完成：新增 \(created) 件，未变 \((try? request.query.get(Int.self, at: "unchanged")) ?? 0) 件。"
        }
        return try await listPage(request, caller: caller, region: region, problems: [], notice: imported)
    }

    /// The import of the list page: the file as a form's upload; back to the list with the counts, or the list with
    /// every bad row and nothing written.
    func importFile(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainEnforcement)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let (spool, name) = try await SpreadsheetImport.spooledUpload(request)
        defer { spool.close() }
        do {
            let counts = try await EnforcementImport.run(
                spool.url, region: region, as: try request.acting(), threadPool: request.application.threadPool)
            return request.redirect(
                to: SitePath.enforcement(region.code).url + "?imported=\(counts.created)&unchanged=\(counts.unchanged)")
        } catch let refused as SpreadsheetImport.Refused {
            return try await listPage(
                request, caller: caller, region: region, problems: refused.lines(file: name), notice: nil
            )
            .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    private func listPage(
        _ request: Request, caller: Caller, region: Region, problems: [String], notice: String?
    ) async throws -> HTMLPage {
        let filter = EnforcementQueries.Filter(request.query)
        let list = try await EnforcementQueries.list(
            region: region, scope: caller.scope, filter: filter, on: request.db)
        return EnforcementListView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                organs: try await EnforcementQueries.organChoices(of: region, on: request.db),
                campaigns: try await EnforcementQueries.campaignChoices(of: region, on: request.db), filter: filter,
                list: list, canMaintain: caller.role.may(.maintainEnforcement) && caller.regionID == region.id,
                problems: problems, notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }

    func export(_ request: Request, format: String) async throws -> Response {
        let (caller, region) = try await regionOf(request)
        var asked = EnforcementQueries.Filter(request.query)
        asked.after = nil
        let list = try await EnforcementQueries.list(
            region: region, scope: caller.scope, filter: asked, limit: EnforcementTable.maximumRows, on: request.db)
        let response = try TableExport.response(
            EnforcementTable.table(list.rows), sheet: EnforcementTable.sheetName,
            name: "\(region.name)涉党政机关执行案件-\(CalendarDay(containing: request.now))", format: format)
        try await request.db.write { db in
            try await request.audit(
                .dataExported, object: ("region", region.code),
                summary: "导出\(region.name)涉党政机关执行案件（.\(format)，\(list.rows.count) 件）", on: db)
        }
        return response
    }

    func newForm(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .maintainEnforcement)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        var values = EnforcementCaseView.Values()
        values.court = "\(region.name)人民法院"
        values.filedOn = CalendarDay(containing: request.now).description
        return try await page(request, region: region, detail: nil, values: values, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainEnforcement)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let form = try request.content.decode(CaseForm.self)
        let (input, problems) = form.input
        do {
            let item = try await EnforcementStore.create(
                input, region: region, as: try request.acting(), problems: problems)
            return request.redirect(to: SitePath.enforcementCase(try item.requireID()).url + "?saved=1")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(request, region: region, detail: nil, values: form.values, problems: error.problems)
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func show(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let detail = try await EnforcementQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil
        return try await page(
            request, region: detail.region, detail: detail, values: Self.values(detail.item), problems: [],
            notice: saved ? "已保存" : nil)
    }

    func update(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainEnforcement)
        let detail = try await EnforcementQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let form = try request.content.decode(CaseForm.self)
        let (input, problems) = form.input
        return try await act(request, detail, values: form.values) {
            try await EnforcementStore.update(
                detail.item, region: detail.region, with: input, as: $0, problems: problems)
        }
    }

    func pay(_ request: Request) async throws -> Response {
        struct PaymentForm: Content {
            var paidOn: String
            var amount: String?
            var method: PaymentMethod
            var note: String?
        }
        let caller = try request.caller(for: .maintainEnforcement)
        let detail = try await EnforcementQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let form = try request.content.decode(PaymentForm.self)
        return try await act(request, detail) { acting in
            var amount: Int64?
            if form.method != .act {
                do { amount = try Money.fen(parsing: form.amount ?? "") } catch let problem as Money.Problem {
                    throw AppError.invalid("金额：\(problem.message)")
                }
            }
            try await EnforcementStore.pay(
                detail.item, .init(paidOn: form.paidOn, amountFen: amount, method: form.method, note: form.note),
                as: acting)
        }
    }

    func end(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainEnforcement)
        let detail = try await EnforcementQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        let ending = try request.content.decode(EnforcementStore.Ending.self)
        return try await act(request, detail) { try await EnforcementStore.end(detail.item, ending, as: $0) }
    }

    func figures(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await regionOf(request)
        return try await figuresPage(request, caller: caller, region: region, problems: [])
    }

    func createCampaign(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        do {
            _ = try await EnforcementStore.createCampaign(
                try request.content.decode(EnforcementStore.CampaignInput.self), region: region,
                as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await figuresPage(request, caller: caller, region: region, problems: error.problems)
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
        return request.redirect(to: SitePath.enforcementFigures(region.code).url)
    }

    /// One action: an urge (催办) to an organ late for its campaign, naming its open cases, in the office's
    /// supervision.
    func supervise(_ request: Request) async throws -> Response {
        struct Form: Content { var organID: UUID }
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let organID = try request.content.decode(Form.self).organID
        let today = CalendarDay(containing: request.now)
        let late = try await EnforcementFiguresQueries.late(
            region: region, scope: caller.scope, today: today, organ: organID, on: request.db
        ).rows.filter { $0.organRegion == caller.regionID }
        guard !late.isEmpty, let organRegion = try await Region.find(caller.regionID, on: request.db) else {
            throw AppError.invalid("被执行单位：该单位没有逾期未清零的执行案件，或不属于本区划")
        }
        let text =
            late.map {
                "\($0.campaignName)要求 \(HomeCard.day($0.targetOn)) 前清零，\($0.organName)仍有 \($0.open) 件未履行（如 \($0.firstCase)），未履行金额 \(Money.yuan($0.outstandingFen)) 元"
            }.joined(separator: "；") + "。请说明原因，报告履行计划。"
        _ = try await SupervisionStore.issue(
            .init(
                kind: .urge, tone: nil, unitIDs: [organID], itemID: nil, text: text,
                respondBy: today.adding(days: 7).description),
            region: organRegion, as: try request.acting())
        return request.redirect(to: SitePath.supervision(organRegion.code).url)
    }

    // MARK: helpers

    static func values(_ item: EnforcementCase) -> EnforcementCaseView.Values {
        EnforcementCaseView.Values(
            caseNumber: item.caseNumber, court: item.court, organID: item.$organ.id, basis: item.basis,
            obligation: item.obligation, owed: item.obligation == .money ? Money.yuan(item.owedFen) : "", act: item.act,
            filedOn: item.filedOn, campaignID: item.$campaign.id)
    }

    private func regionOf(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLitigation)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    private func figuresPage(_ request: Request, caller: Caller, region: Region, problems: [String]) async throws
        -> HTMLPage
    {
        let today = CalendarDay(containing: request.now)
        let result = try await EnforcementFiguresQueries.figures(
            region: region, scope: caller.scope, today: today, on: request.db)
        var page = EnforcementFiguresView.render(
            .init(
                regionCode: region.code, regionName: region.name, result: result, today: today,
                isOffice: caller.role.may(.manageLedger) && caller.regionID == region.id,
                supervisesRegion: caller.role.may(.manageLedger) ? caller.regionID : nil, problems: problems),
            shell: try await request.shell(regionCode: region.code))
        if !problems.isEmpty { page.status = .unprocessableEntity }
        return page
    }

    /// Runs a step on the case, then shows it again; a refused step shows the page with why.
    private func act(
        _ request: Request, _ detail: EnforcementQueries.Detail, values: EnforcementCaseView.Values? = nil,
        _ step: (Acting) async throws -> Void
    ) async throws -> Response {
        let id = try detail.item.requireID()
        do {
            try await step(try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            let fresh = try await EnforcementQueries.detail(
                id: id, scope: try request.requireCaller().scope, on: request.db)
            return try await page(
                request, region: fresh.region, detail: fresh, values: values ?? Self.values(fresh.item),
                problems: error.problems
            ).encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.enforcementCase(id).url + "?saved=1")
    }

    private func page(
        _ request: Request, region: Region, detail: EnforcementQueries.Detail?, values: EnforcementCaseView.Values,
        problems: [String], notice: String? = nil
    ) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let canMaintain = caller.role.may(.maintainEnforcement) && caller.regionID == region.id
        return EnforcementCaseView.render(
            .init(
                regionCode: region.code, regionName: region.name, shown: try detail.map(Self.shown),
                values: values,
                organs: canMaintain ? try await EnforcementQueries.organChoices(of: region, on: request.db) : [],
                campaigns: canMaintain ? try await EnforcementQueries.campaignChoices(of: region, on: request.db) : [],
                canMaintain: canMaintain, today: CalendarDay(containing: request.now), problems: problems,
                notice: notice),
            shell: try await request.shell(regionCode: region.code))
    }

    static func shown(_ detail: EnforcementQueries.Detail) throws -> EnforcementCaseView.Shown {
        let item = detail.item
        return EnforcementCaseView.Shown(
            id: try item.requireID(), organName: detail.organName, campaignName: detail.campaign?.name,
            state: item.state, owedFen: item.owedFen, paidFen: item.paidFen, outstandingFen: item.rules.outstandingFen,
            note: item.note,
            payments: detail.payments.map { ($0.paidOn, $0.amountFen, $0.method, $0.note, $0.recordedBy) })
    }
}
