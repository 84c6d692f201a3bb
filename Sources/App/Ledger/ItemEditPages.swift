import Fluent
import FuyuanCore
import Vapor

/// The office's edit of an item: the form, and its save, which a stale form turns into a 409 page comparing the
/// other person's values with the typed ones.
extension LedgerPages {
    func editItemPage(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .manageLedger)
        let item = try await LedgerQueries.item(id: request.idParameter(), scope: caller.scope, on: request.db)
        try LedgerStore.requireEditable(item, by: caller)
        return try await editPage(
            request, item: item, values: .init(item), version: item.version, problems: [], differences: [])
    }

    func editItem(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .manageLedger)
        let item = try await LedgerQueries.item(id: request.idParameter(), scope: caller.scope, on: request.db)
        let typed = try request.content.decode(LedgerStore.ItemEdit.self)
        let seen = try? request.content.get(Int.self, at: "version")
        do {
            try await LedgerStore.edit(item, with: typed, expected: seen, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            let current = try await LedgerQueries.item(id: item.requireID(), scope: caller.scope, on: request.db)
            let differences =
                error.code == "stale" ? ItemEditView.differences(saved: .init(current), typed: typed) : []
            return try await editPage(
                request, item: current, values: typed, version: current.version,
                problems: error.problems, differences: differences
            )
            .encodeResponse(status: error.status, for: request)
        }
        return try request.redirect(to: SitePath.item(item.requireID()).url)
    }

    private func editPage(
        _ request: Request, item: WorkItem, values: LedgerStore.ItemEdit, version: Int, problems: [String],
        differences: [(field: String, saved: String, typed: String)]
    ) async throws -> HTMLPage {
        let region = try item.joined(Region.self)
        return ItemEditView.render(
            .init(
                id: try item.requireID(), number: item.number, regionCode: region.code, regionName: region.name,
                values: values, version: version, deadlineEditable: item.state == .draft, problems: problems,
                differences: differences),
            shell: try await request.shell(regionCode: region.code))
    }
}
