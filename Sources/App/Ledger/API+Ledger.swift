import Fluent
import FuyuanCore
import Vapor

/// JSON shapes of the ledger under `/api/v1`.
enum LedgerDTO {
    struct List: Content {
        let id: UUID
        let kind: ListKind
        let title: String
        let source: String
    }

    struct ListInput: Content {
        let kind: ListKind
        let title: String
        let source: String?
    }

    struct Part: Content {
        let id: UUID
        let unitID: UUID
        let unitName: String
        let role: PartRole
        let state: UnitState
        let nextDueOn: String?
        let nextDueReason: String
        let extendedTo: String?
        let timeliness: Timeliness
    }

    struct Report: Content {
        let unitName: String
        let reportedOn: String
        let period: String?
        let text: String
        let figures: String
        let author: String
    }

    struct Item: Content {
        let id: UUID
        let listID: UUID
        let number: Int
        let title: String
        let content: String
        let area: TaskArea
        let deadline: String
        let deadlineKind: Deadline.Kind
        let state: ItemState
        let issuedOn: String?
        let latestReport: String
        let timeliness: Timeliness
        let parentItemID: UUID?
        let parts: [Part]
        let reports: [Report]?
        /// Also sent as the `ETag` of the item; send it back as `If-Match` when editing the item.
        let version: Int
    }

    /// The fields an office may correct; those left out stay as they are. The deadline only while a draft.
    struct ItemPatch: Content {
        var title: String?
        var content: String?
        var area: TaskArea?
        var deadline: String?
    }

    struct Page: Content {
        let total: Int
        let items: [Item]
    }

    struct Step: Content {
        let partID: UUID
        let action: WorkflowAction
        let reason: String?
    }

    struct ReportInput: Content {
        let partID: UUID
        let text: String
        let figures: String?
        let period: String?
    }

    struct HandDown: Content {
        let regions: [String]
    }

    struct HandedDown: Content {
        let created: Int
    }

    struct RollUp: Content {
        struct Region: Content {
            let code: String
            let name: String
            let itemID: UUID
            let state: ItemState
            let latestReport: String
        }

        let tally: [String: Int]
        let regions: [Region]
    }
}

struct LedgerAPI {
    func lists(_ request: Request) async throws -> [LedgerDTO.List] {
        let caller = try request.caller(for: .readLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await WorkList.query(on: request.db).filter(\.$region.$id == region.requireID()).sort(\.$createdAt)
            .all()
            .map { try LedgerDTO.List(id: $0.requireID(), kind: $0.kind, title: $0.title, source: $0.source) }
    }

    func createList(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .manageLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let input = try request.content.decode(LedgerDTO.ListInput.self)
        let list = try await LedgerStore.createList(
            regionID: region.requireID(), kind: input.kind, title: input.title, source: input.source ?? "",
            as: try request.acting())
        return try await LedgerDTO.List(id: list.requireID(), kind: list.kind, title: list.title, source: list.source)
            .encodeResponse(status: .created, for: request)
    }

    func items(_ request: Request) async throws -> LedgerDTO.Page {
        let caller = try request.caller(for: .readLedger)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let filter = try LedgerFilter.strict(request.query.decode(LedgerFilter.Given.self))
        let today = CalendarDay(containing: request.now)
        let (rows, total) = try await LedgerQueries.rows(
            region: region, filter: filter, today: today, rules: request.application.dueRules, paged: true,
            on: request.db)
        return LedgerDTO.Page(
            total: total,
            items: rows.map { dto($0, reports: nil, today: today, rules: request.application.dueRules) })
    }

    func createItem(_ request: Request) async throws -> Response {
        let item = try await LedgerStore.createItem(
            try request.content.decode(LedgerStore.ItemInput.self), as: try request.acting())
        return try await detail(item.requireID(), request).encodeResponse(status: .created, for: request)
    }

    func item(_ request: Request) async throws -> Response {
        try await tagged(detail(request.idParameter(), request), request)
    }

    /// With `If-Match` (the item's `ETag`), an item changed by someone else since is refused with 412.
    func editItem(_ request: Request) async throws -> Response {
        let item = try await scopedItem(request)
        let patch = try request.content.decode(LedgerDTO.ItemPatch.self)
        let current = LedgerStore.ItemEdit(item)
        try await LedgerStore.edit(
            item,
            with: .init(
                title: patch.title ?? current.title, content: patch.content ?? current.content,
                area: patch.area ?? current.area, deadline: patch.deadline ?? current.deadline),
            expected: Versions.ifMatch(request), stale: .preconditionFailed, as: try request.acting())
        return try await tagged(detail(item.requireID(), request), request)
    }

    func issue(_ request: Request) async throws -> LedgerDTO.Item {
        let item = try await scopedItem(request)
        try await LedgerStore.issue(item, as: try request.acting())
        return try await detail(item.requireID(), request)
    }

    func step(_ request: Request) async throws -> LedgerDTO.Item {
        let item = try await scopedItem(request)
        let step = try request.content.decode(LedgerDTO.Step.self)
        try await LedgerStore.step(
            step.action, item: item, part: try await LedgerQueries.part(step.partID, of: item, on: request.db),
            reason: step.reason ?? "",
            as: try request.acting())
        return try await detail(item.requireID(), request)
    }

    /// Answers the report created, not the item with all its reports.
    func report(_ request: Request) async throws -> Response {
        let item = try await scopedItem(request)
        let input = try request.content.decode(LedgerDTO.ReportInput.self)
        let report = try await LedgerStore.report(
            item: item, part: try await LedgerQueries.part(input.partID, of: item, on: request.db), text: input.text,
            figures: input.figures ?? "", period: input.period, as: try request.acting())
        return try await report.encodeResponse(status: .created, for: request)
    }

    func handDown(_ request: Request) async throws -> LedgerDTO.HandedDown {
        let item = try await scopedItem(request)
        return LedgerDTO.HandedDown(
            created: try await LedgerStore.handDown(
                item, to: try request.content.decode(LedgerDTO.HandDown.self).regions, as: try request.acting()))
    }

    func rollUp(_ request: Request) async throws -> LedgerDTO.RollUp {
        let item = try await scopedItem(request)
        let children = try await LedgerQueries.children(of: item, on: request.db)
        return LedgerDTO.RollUp(
            tally: Dictionary(
                uniqueKeysWithValues: Workflow.tally(children.map(\.state)).map { ($0.0.rawValue, $0.1) }),
            regions: try children.map {
                let region = try $0.joined(Region.self)
                return .init(
                    code: region.code, name: region.name, itemID: try $0.requireID(), state: $0.state,
                    latestReport: $0.latestReport)
            })
    }

    // MARK: helpers

    private func tagged(_ item: LedgerDTO.Item, _ request: Request) async throws -> Response {
        let response = try await item.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .eTag, value: Versions.etag(item.version))
        return response
    }

    private func scopedItem(_ request: Request) async throws -> WorkItem {
        let caller = try request.caller(for: .readLedger)
        return try await LedgerQueries.item(id: request.idParameter(), scope: caller.scope, on: request.db)
    }

    private func detail(_ id: UUID, _ request: Request) async throws -> LedgerDTO.Item {
        let caller = try request.caller(for: .readLedger)
        let item = try await LedgerQueries.item(id: id, scope: caller.scope, on: request.db)
        let parts = try await LedgerQueries.parts(of: [id], on: request.db)[id] ?? []
        let reports = try await LedgerQueries.reports(of: id, on: request.db).shown
        let today = CalendarDay(containing: request.now)
        let rules = request.application.dueRules
        return dto(
            try LedgerQueries.row(item, parts: parts, today: today, rules: rules), reports: reports, today: today,
            rules: rules)
    }

    private func dto(_ row: LedgerQueries.Row, reports: [LedgerDTO.Report]?, today: CalendarDay, rules: DueRules)
        -> LedgerDTO.Item
    {
        let item = row.item
        return LedgerDTO.Item(
            id: item.id, listID: item.listID, number: item.number, title: item.title, content: item.content,
            area: item.area, deadline: item.deadline.label, deadlineKind: item.deadline.kind, state: item.state,
            issuedOn: item.issuedOn, latestReport: item.latestReport, timeliness: row.timeliness,
            parentItemID: item.parentItemID,
            parts: row.parts.map { part in
                .init(
                    id: part.id, unitID: part.unitID, unitName: part.unitName, role: part.role, state: part.state,
                    nextDueOn: part.nextDueOn, nextDueReason: part.nextDueReason, extendedTo: part.extendedTo,
                    timeliness: LedgerQueries.timeliness(of: part, today: today, rules: rules))
            },
            reports: reports, version: item.version)
    }
}
