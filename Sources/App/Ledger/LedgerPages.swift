import Fluent
import FuyuanCore
import Vapor

/// The ledger pages: the filtered list, its export, a new item, an item with its whole history, and the steps.
struct LedgerPages {
    func ledger(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await scopedRegion(request)
        let filter = try request.query.decode(LedgerFilter.self)
        let today = CalendarDay(containing: request.now)
        let (rows, total) = try await LedgerQueries.rows(
            region: region, filter: filter, today: today, rules: request.application.dueRules, paged: true,
            on: request.db)
        let lists = try await WorkList.query(on: request.db).filter(\.$region.$id == region.requireID()).sort(
            \.$createdAt
        ).all()
        let units = try await OrgQueries.unitChoices(of: region, on: request.db)
        let model = LedgerView.Model(
            regionCode: region.code, regionName: region.name, filter: filter, rows: rows, total: total,
            lists: try lists.map { (try $0.requireID(), $0.title) }, units: units,
            canCreate: caller.role.may(.manageLedger) && caller.regionID == region.id,
            notice: importNotice(request))
        return LedgerView.render(model, shell: try await request.shell(regionCode: region.code))
    }

    func exportCSV(_ request: Request) async throws -> Response {
        try await export(request, format: "csv")
    }

    func exportXLSX(_ request: Request) async throws -> Response {
        try await export(request, format: "xlsx")
    }

    /// The filtered ledger, all pages, as the office's spreadsheet.
    private func export(_ request: Request, format: String) async throws -> Response {
        let (_, region) = try await scopedRegion(request)
        let filter = try request.query.decode(LedgerFilter.self)
        let today = CalendarDay(containing: request.now)
        let (rows, _) = try await LedgerQueries.rows(
            region: region, filter: filter, today: today, rules: request.application.dueRules, paged: false,
            on: request.db)
        let response = try TableExport.response(
            LedgerTable.table(rows), sheet: "工作台账", name: "\(region.name)工作台账-\(today)", format: format)
        try await request.db.write { db in
            try await request.audit(
                .dataExported, object: ("region", region.code),
                summary:
                    "导出\(region.name)工作台账（.\(format)，\(rows.count) 项；\(filter.queryString.removingPercentEncoding ?? "")）",
                on: db)
        }
        return response
    }

    func importFile(_ request: Request) async throws -> Response {
        struct Upload: Decodable, Sendable {
            var listID: UUID
            var kind: LedgerImport.Kind
            var file: File
        }
        let (_, region) = try await officeRegion(request)
        let upload = try await request.decodeUpload(Upload.self)
        guard
            let list = try await WorkList.query(on: request.db).filter(\.$id == upload.listID).filter(
                \.$region.$id == region.requireID()
            ).first()
        else {
            throw AppError.invalid("清单：请选择本区划的清单")
        }
        let workbook = LedgerImport.Workbook(Data(buffer: upload.file.data), app: request.application)
        do {
            let count =
                upload.kind == .items
                ? try await LedgerImport.importItems(workbook, into: list, as: try request.acting())
                : try await LedgerImport.importProgress(workbook, into: list, as: try request.acting())
            return request.redirect(
                to: SitePath.ledger(region.code).url + "?imported=\(count)&what=\(upload.kind.rawValue)")
        } catch let refused as SpreadsheetImport.Refused {
            let page = ImportRefusedView.render(
                .init(
                    regionCode: region.code, regionName: region.name, fileName: upload.file.filename, kind: upload.kind,
                    problems: refused.problems),
                shell: try await request.shell(regionCode: region.code))
            return try await page.encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func newItemPage(_ request: Request) async throws -> HTMLPage {
        let (caller, region) = try await officeRegion(request)
        return try await newItemPage(request, caller: caller, region: region, values: nil, problems: [])
    }

    func createItem(_ request: Request) async throws -> Response {
        let (caller, region) = try await officeRegion(request)
        let posted = try request.content.decode(ItemNewView.Posted.self)
        do {
            let item = try await LedgerStore.createItem(posted.input, as: try request.acting())
            return try request.redirect(to: SitePath.item(item.requireID()).url)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await newItemPage(
                request, caller: caller, region: region, values: posted,
                problems: error.problems
            )
            .encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    func createList(_ request: Request) async throws -> Response {
        struct Form: Content {
            var kind: ListKind
            var title: String
            var source: String?
        }
        let (_, region) = try await officeRegion(request)
        let form = try request.content.decode(Form.self)
        _ = try await LedgerStore.createList(
            regionID: region.requireID(), kind: form.kind, title: form.title, source: form.source ?? "",
            as: try request.acting())
        return request.redirect(to: SitePath.newItem(region.code).url)
    }

    func item(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLedger)
        let item = try await LedgerQueries.item(id: request.idParameter(), scope: caller.scope, on: request.db)
        return try await itemPage(request, caller: caller, item: item, problems: [])
    }

    func issue(_ request: Request) async throws -> Response {
        try await act(request) { item in try await LedgerStore.issue(item, as: try request.acting()) }
    }

    func step(_ request: Request) async throws -> Response {
        struct Form: Content {
            var action: WorkflowAction
            var partID: UUID
            var reason: String?
        }
        return try await act(request) { item in
            let form = try request.content.decode(Form.self)
            try await LedgerStore.step(
                form.action, item: item, part: try await LedgerQueries.part(form.partID, of: item, on: request.db),
                reason: form.reason ?? "", as: try request.acting())
        }
    }

    func report(_ request: Request) async throws -> Response {
        struct Form: Content {
            var partID: UUID
            var text: String
            var figures: String?
            var period: String?
        }
        return try await act(request) { item in
            let form = try request.content.decode(Form.self)
            try await LedgerStore.report(
                item: item, part: try await LedgerQueries.part(form.partID, of: item, on: request.db), text: form.text,
                figures: form.figures ?? "", period: form.period, as: try request.acting())
        }
    }

    func requestExtension(_ request: Request) async throws -> Response {
        struct Form: Content {
            var partID: UUID
            var day: String
            var reason: String
        }
        return try await act(request) { item in
            let form = try request.content.decode(Form.self)
            try await LedgerStore.requestExtension(
                item: item, part: try await LedgerQueries.part(form.partID, of: item, on: request.db), day: form.day,
                reason: form.reason, as: try request.acting())
        }
    }

    func decideExtension(_ request: Request) async throws -> Response {
        struct Form: Content {
            var extensionID: UUID
            var approve: String
            var note: String?
        }
        return try await act(request) { item in
            try LedgerStore.requireOffice(try request.requireCaller(), of: item)
            let form = try request.content.decode(Form.self)
            guard
                let ext = try await ExtensionRequest.query(on: request.db)
                    .join(ItemPart.self, on: \ExtensionRequest.$part.$id == \ItemPart.$id)
                    .filter(ItemPart.self, \.$item.$id == item.requireID())
                    .filter(\.$id == form.extensionID).first()
            else { throw AppError.notFound("延期申请") }
            try await LedgerStore.decideExtension(
                ext, approve: form.approve == "1", note: form.note ?? "", as: try request.acting())
        }
    }

    func attach(_ request: Request) async throws -> Response {
        try await act(request) { item in
            _ = try await AttachmentStore.attach(.init(request), to: item, as: try request.acting())
        }
    }

    /// Sends an attachment of an item in scope; always as a download, never rendered inline.
    func download(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .readLedger)
        guard let attachment = try await Attachment.find(request.idParameter(), on: request.db) else {
            throw AppError.notFound("附件")
        }
        _ = try await LedgerQueries.item(id: attachment.$item.id, scope: caller.scope, on: request.db)
        let path = AttachmentStore.path(for: attachment.sha256, in: request.application.config.dataDirectory)
        guard
            let data = try await request.application.threadPool.runIfActive({
                FileManager.default.contents(atPath: path)
            })
        else { throw AppError.notFound("附件文件") }
        try await AttachmentStore.requireIntact(data, attachment, as: try request.acting())
        try await request.db.write { db in
            try await request.audit(
                .fileDownloaded, object: ("attachment", try attachment.requireID().uuidString),
                summary: "下载附件“\(attachment.fileName)”", on: db)
        }
        return Response.download(
            .init(data: data), contentType: attachment.contentType, name: attachment.fileName, fallback: "attachment")
    }

    func link(_ request: Request) async throws -> Response {
        struct Form: Content { var measureID: UUID }
        return try await act(request) { item in
            try await LedgerStore.link(
                problem: item, measureID: try request.content.decode(Form.self).measureID, as: try request.acting())
        }
    }

    func handDown(_ request: Request) async throws -> Response {
        struct Form: Content { var region: [String]? }
        return try await act(request) { item in
            _ = try await LedgerStore.handDown(
                item, to: try request.content.decode(Form.self).region ?? [], as: try request.acting())
        }
    }

    func declareNotApplicable(_ request: Request) async throws -> Response {
        struct Form: Content { var reason: String }
        return try await act(request) { item in
            try await LedgerStore.declareNotApplicable(
                item, reason: try request.content.decode(Form.self).reason, as: try request.acting())
        }
    }

    func deploy(_ request: Request) async throws -> Response {
        try await act(request) { item in
            let input = try request.content.decode(ItemNewView.Posted.self).input
            try await LedgerStore.deploy(
                item, lead: input.leadUnitIDs, responsible: input.responsibleUnitIDs,
                cooperating: input.cooperatingUnitIDs,
                issueNow: input.issueNow, as: try request.acting())
        }
    }

    private func importNotice(_ request: Request) -> String? {
        guard let count = try? request.query.get(Int.self, at: "imported") else { return nil }
        let what = (try? request.query.get(String.self, at: "what")) ?? ""
        return what == LedgerImport.Kind.progress.rawValue ? "已导入 \(count) 条进展" : "已导入 \(count) 项事项（草稿，逐项交办后生效）"
    }

    // MARK: helpers

    /// Runs a write on an item in scope; refusals of the content come back on the item page, naming the problem.
    private func act(_ request: Request, _ body: (WorkItem) async throws -> Void) async throws -> Response {
        let caller = try request.caller(for: .readLedger)
        let item = try await LedgerQueries.item(id: request.idParameter(), scope: caller.scope, on: request.db)
        do {
            try await body(item)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await itemPage(
                request, caller: caller, item: item, problems: error.problems
            )
            .encodeResponse(status: error.status, for: request)
        }
        return try request.redirect(to: SitePath.item(item.requireID()).url)
    }

    private func scopedRegion(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .readLedger)
        return (caller, try await caller.scope.region(code: request.parameters.require("code"), on: request.db))
    }

    private func officeRegion(_ request: Request) async throws -> (Caller, Region) {
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        guard region.id == caller.regionID else { throw AppError.forbidden }
        return (caller, region)
    }

    private func newItemPage(
        _ request: Request, caller: Caller, region: Region, values: ItemNewView.Posted?, problems: [String]
    ) async throws -> HTMLPage {
        // A list handed down from above, or the court's bankruptcy matters, take no items of the region's own
        // (`WorkList.requireOwn`).
        let lists = try await WorkList.query(on: request.db).filter(\.$region.$id == region.requireID()).sort(
            \.$createdAt
        ).all().filter { (try? $0.requireOwn()) != nil }
        let units = try await OrgQueries.unitChoices(of: region, on: request.db)
        return ItemNewView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                lists: try lists.map { (try $0.requireID(), "\($0.kind.label) · \($0.title)") },
                units: units, values: values, problems: problems),
            shell: try await request.shell(regionCode: region.code))
    }

    private func itemPage(_ request: Request, caller: Caller, item: WorkItem, problems: [String]) async throws
        -> HTMLPage
    {
        let model = try await ItemPage.model(
            item: item, caller: caller, today: CalendarDay(containing: request.now),
            rules: request.application.dueRules,
            wholeHistory: (try? request.query.get(String.self, at: "history")) == "all", problems: problems,
            on: request.db)
        return ItemView.render(model, shell: try await request.shell(regionCode: model.regionCode))
    }
}
