import Fluent
import FuyuanCore

/// The item page's values for a caller on a day: the item, its parts with the steps the caller may take, reports,
/// history, extension requests, copies handed down, attachments and pairings.
enum ItemPage {
    static func model(
        item: WorkItem, caller: Caller, today: CalendarDay, rules: DueRules, wholeHistory: Bool, problems: [String],
        on db: any Database
    ) async throws -> ItemView.Model {
        let itemID = try item.requireID()
        let region = try item.joined(Region.self)
        let parts = try await LedgerQueries.parts(of: [itemID], on: db)[itemID] ?? []
        let historyLimit = wholeHistory ? nil : ItemView.historyShown
        let reports = try await LedgerQueries.reports(of: itemID, limit: historyLimit, on: db)
        let extensions = try await ExtensionRequest.query(on: db).join(
            ItemPart.self, on: \ExtensionRequest.$part.$id == \ItemPart.$id
        )
        .filter(ItemPart.self, \.$item.$id == itemID).sort(\.$createdAt, .descending).all()
        var eventQuery = ItemEvent.query(on: db).filter(\.$item.$id == itemID).sort(\.$at, .descending)
        if let historyLimit { eventQuery = eventQuery.limit(historyLimit + 1) }
        let events = try await eventQuery.all()
        let moreEvents = historyLimit.map { events.count > $0 } ?? false
        let isOffice = caller.role.may(.manageLedger) && caller.regionID == item.$region.id
        let unitNames = Dictionary(uniqueKeysWithValues: parts.map { ($0.id, $0.unitName) })
        var periods: [PeriodSpan] = []
        if case .periodic(let reporting, _) = item.deadline, let issued = item.issuedDay {
            periods = LedgerStore.reportingSpans(reporting, from: issued, to: today)
        }
        let children = try await LedgerQueries.children(of: item, on: db)
        let handedTo = Set(children.map(\.$region.id))
        let list = try item.joined(WorkList.self)
        // A bankruptcy matter is the region's own departments' to handle, never handed down.
        let lower =
            isOffice && item.state != .draft && !item.state.isFinished && list.kind != .bankruptcy
            ? try await Region.query(on: db).filter(\.$parent.$id == item.$region.id).sort(\.$code).all().filter {
                try !handedTo.contains($0.requireID())
            }
            : []
        let units = isOffice && item.state == .draft ? try await OrgQueries.unitChoices(of: region, on: db) : []
        let attachments = try await Attachment.query(on: db).filter(\.$item.$id == itemID).sort(\.$createdAt).all()
        let canAttach =
            !item.state.isFinished
            && (isOffice || parts.contains { caller.role.may(.handleParts) && $0.unitID == caller.unitID })
        let pairing = try await LedgerQueries.pairing(
            of: item, offeringCandidates: isOffice && list.kind == .problem, on: db)
        return ItemView.Model(
            item: try LedgerQueries.ItemFields(item), itemID: itemID, listTitle: list.title, regionCode: region.code,
            regionName: region.name,
            parts: parts.map { part in
                let mine = caller.role.may(.handleParts) && caller.unitID == part.unitID
                let actor: WorkflowActor? = isOffice ? .office : (mine ? .unit : nil)
                return ItemView.PartRow(
                    part: part, timeliness: LedgerQueries.timeliness(of: part, today: today, rules: rules),
                    // A draft's parts take no step until it is issued.
                    actions: item.state == .draft
                        ? [] : actor.map { Workflow.actions(from: part.state, by: $0, deadline: item.deadline) } ?? [],
                    isMine: mine && item.state != .draft)
            },
            reports: reports.shown, reportsTotal: reports.total,
            events: (moreEvents ? Array(events.dropLast()) : events).map {
                ItemView.Event(at: $0.at, actor: $0.actor, unitName: $0.unitName, what: $0.what, reason: $0.reason)
            }, moreEvents: moreEvents,
            extensions: try extensions.map {
                ItemView.Extension(
                    id: try $0.requireID(), unitName: unitNames[$0.$part.id] ?? "", requestedDay: $0.requestedDay,
                    reason: $0.reason, requestedBy: $0.requestedBy, status: $0.status, decidedBy: $0.decidedBy)
            },
            periods: periods, isOffice: isOffice,
            children: try children.map {
                ItemView.Child(
                    id: try $0.requireID(), regionName: try $0.joined(Region.self).name, state: $0.state,
                    latestReport: $0.latestReport)
            },
            lowerRegions: lower.map { ($0.code, $0.name) }, units: units,
            attachments: try attachments.map {
                ItemView.AttachmentRow(
                    id: try $0.requireID(), fileName: $0.fileName, size: $0.size, unitName: $0.unitName,
                    uploadedBy: $0.uploadedBy)
            }, canAttach: canAttach, listKind: list.kind,
            paired: pairing.paired.map { ($0.id, $0.label, $0.state.label) },
            pairCandidates: pairing.candidates.map { ($0.id, $0.label) },
            problems: problems)
    }
}
