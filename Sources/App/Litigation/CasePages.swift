import Fluent
import FuyuanCore
import Vapor

/// The cases of a region: the list, the case form for court staff, the import with progress and its templates.
struct CasePages {
    func list(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let filter = CaseQueries.Filter(
            unit: try? request.query.get(UUID.self, at: "unit"),
            state: (try? request.query.get(String.self, at: "state")).flatMap(CaseQueries.State.init(rawValue:)),
            number: (try? request.query.get(String.self, at: "number"))?.trimmingCharacters(in: .whitespaces),
            page: (try? request.query.get(Int.self, at: "page")) ?? 1)
        let list = try await CaseQueries.list(
            region: region, scope: caller.scope, filter: filter, today: CalendarDay(containing: request.now),
            on: request.db)
        let units = try await caller.scope.units(on: request.db).filter(\.$region.$id == region.requireID())
            .sort(\.$name).all()
        return CasesView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                units: try units.map { (try $0.requireID(), $0.name) },
                filter: filter, list: list, canMaintain: caller.role.may(.maintainLitigation)),
            shell: try await request.shell(regionCode: region.code))
    }

    func newCase(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .maintainLitigation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await form(
            request, region: region, caseID: nil, values: CaseForm(court: "\(region.name)人民法院"), problems: [])
    }

    func show(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let detail = try await CaseQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        return try await form(
            request, region: detail.region, caseID: detail.adminCase.id, values: CaseForm(detail), problems: [],
            notice: (try? request.query.get(String.self, at: "saved")) == nil ? nil : "已保存")
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainLitigation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await save(request, region: region, existing: nil)
    }

    func update(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainLitigation)
        let detail = try await CaseQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        return try await save(request, region: detail.region, existing: detail)
    }

    func delete(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainLitigation)
        let detail = try await CaseQueries.detail(id: request.idParameter(), scope: caller.scope, on: request.db)
        try await CaseStore.delete(detail, as: try request.acting())
        return request.redirect(to: SitePath.cases(detail.region.code).url)
    }

    /// The import format's header row, as .xlsx or as UTF-8 CSV with a byte-order mark (which Excel needs to open
    /// UTF-8 correctly). No example row: a template imported unchanged must not touch a real case.
    func template(_ request: Request, format: String) async throws -> Response {
        let caller = try request.caller(for: .maintainLitigation)
        _ = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let rows = [CaseRows.header]
        let response: Response
        if format == "xlsx" {
            response = Response(body: .init(data: try XLSX.workbook(sheet: "行政诉讼案件", rows: rows)))
            response.headers.replaceOrAdd(name: .contentType, value: XLSX.contentType)
        } else {
            response = Response(body: .init(string: CSV.document(rows)))
            response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        }
        response.headers.contentDisposition = .init(.attachment, filename: "行政诉讼案件导入模板.\(format)")
        return response
    }

    /// The cases page's import: the file is the request body; the answer streams one JSON object per line — progress
    /// while the file is read and written, then the counts, or every bad row with nothing written.
    func importCases(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .maintainLitigation)
        _ = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let spool = try await request.spoolBody(limit: CaseImport.maximumBytes)
        guard spool.size > 0 else {
            spool.close()
            throw AppError(status: .badRequest, code: "bad_request", reason: "请选择 .csv 或 .xlsx 文件")
        }
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .contentType, value: "application/x-ndjson; charset=utf-8")
        response.body = .init(asyncStream: { writer in
            let (events, continuation) = AsyncStream.makeStream(of: ImportEvent.self)
            let work = Task {
                defer {
                    continuation.finish()
                    spool.close()
                }
                await request.application.inFlight.hold("case import of \(request.url.path)") {
                    do {
                        let counts = try await CaseImport.run(
                            spool.url, as: try request.acting(), threadPool: request.application.threadPool
                        ) {
                            continuation.yield(ImportEvent(progress: $0))
                        }
                        continuation.yield(ImportEvent(done: counts))
                    } catch let refused as SpreadsheetImport.Refused {
                        continuation.yield(ImportEvent(refused: SpreadsheetImport.Refusal(refused)))
                    } catch {
                        request.logger.report(error: error)
                        continuation.yield(ImportEvent(failed: "导入失败，未写入任何数据，请稍后重试或联系系统管理员"))
                    }
                }
            }
            do {
                for await event in events { try await writer.write(.buffer(ByteBuffer(data: event.line))) }
                try await writer.write(.end)
            } catch {
                work.cancel()
                throw error
            }
        })
        return response
    }

    // MARK: helpers

    private func form(
        _ request: Request, region: Region, caseID: UUID?, values: CaseForm, problems: [String], notice: String? = nil
    ) async throws -> HTMLPage {
        let caller = try request.caller(for: .readLitigation)
        let units = try await Unit.query(on: request.db).filter(\.$region.$id == region.requireID()).sort(\.$name).all()
        var page = CaseView.render(
            .init(
                regionCode: region.code, regionName: region.name, caseID: caseID, values: values,
                units: units.map(\.name), canMaintain: caller.role.may(.maintainLitigation), problems: problems,
                notice: notice),
            shell: try await request.shell(regionCode: region.code))
        if !problems.isEmpty { page.status = .unprocessableEntity }
        return page
    }

    private func save(_ request: Request, region: Region, existing: CaseQueries.Detail?) async throws -> Response {
        let caller = try request.caller(for: .maintainLitigation)
        var values = try request.content.decode(CaseForm.self)
        if let existing { values.number = existing.adminCase.caseNumber }
        var rows = try await CaseRows(scope: caller.scope, on: request.db)
        var problems: [String] = []
        for (index, row) in values.rows(regionCode: region.code).enumerated() {
            for problem in rows.take(row: index + 1, cell: row).map(CaseForm.describe) where !problems.contains(problem)
            {
                problems.append(problem)
            }
        }
        let plan = rows.release().cases.first
        if problems.isEmpty, existing == nil, let number = plan?.number,
            try await AdminCase.query(on: request.db).filter(\.$caseNumber == number).count() > 0
        {
            problems.append("案号：\(number) 已经录入，请在案件列表中打开修改")
        }
        guard problems.isEmpty, let plan else {
            return try await form(
                request, region: region, caseID: existing?.adminCase.id, values: values, problems: problems
            ).encodeResponse(for: request)
        }
        let number = plan.number
        _ = try await CaseStore.save(
            plan, action: .caseSaved, object: ("admin_cases", number), as: try request.acting()
        ) { counts in
            counts.created > 0 ? "录入行政诉讼案件 \(number)" : "修改行政诉讼案件 \(number)" + (counts.unchanged > 0 ? "（无变化）" : "")
        }
        guard let saved = try await AdminCase.query(on: request.db).filter(\.$caseNumber == number).first() else {
            throw AppError.notFound("案件")
        }
        return request.redirect(to: SitePath.adminCase(try saved.requireID()).url + "?saved=1")
    }
}

/// One line of the import's answer stream.
struct ImportEvent: Encodable {
    var read: Int?
    var stored: Int?
    var done: CaseStore.Counts?
    var refused: SpreadsheetImport.Refusal?
    var failed: String?

    init(progress: CaseImport.Progress) {
        switch progress {
        case .read(let rows): read = rows
        case .stored(let cases): stored = cases
        }
    }

    init(done: CaseStore.Counts? = nil, refused: SpreadsheetImport.Refusal? = nil, failed: String? = nil) {
        (self.done, self.refused, self.failed) = (done, refused, failed)
    }

    var line: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return ((try? encoder.encode(self)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }
}
