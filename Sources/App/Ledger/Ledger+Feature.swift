import Vapor

extension Feature {
    /// The ledger of the double list (双清单 工作台账): lists, items, units' parts, reports, attachments.
    static let ledger = Feature(
        name: "工作台账",
        migrations: { _ in [CreateLedger(), CreateAttachment(), AddItemVersions(), AddLedgerAttention()] },
        routes: { routes in
            let pages = LedgerPages()
            routes.pages.get(LedgerPath.ledger, use: pages.ledger)
            routes.pages.get(LedgerPath.ledgerCSV, use: pages.exportCSV)
            routes.pages.get(LedgerPath.ledgerXLSX, use: pages.exportXLSX)
            routes.pages.get(LedgerPath.newItem, use: pages.newItemPage)
            routes.pages.post(LedgerPath.ledger, use: pages.createItem)
            routes.pages.post(LedgerPath.lists, use: pages.createList)
            routes.pages.post(LedgerPath.ledgerImport, body: .collect(maxSize: "20mb"), use: pages.importFile)
            routes.pages.get(LedgerPath.item, use: pages.item)
            routes.pages.get(LedgerPath.itemEdit, use: pages.editItemPage)
            routes.pages.post(LedgerPath.item, use: pages.editItem)
            routes.pages.post(LedgerPath.issue, use: pages.issue)
            routes.pages.post(LedgerPath.step, use: pages.step)
            routes.pages.post(LedgerPath.reports, use: pages.report)
            routes.pages.post(LedgerPath.extensions, use: pages.requestExtension)
            routes.pages.post(LedgerPath.extensionDecision, use: pages.decideExtension)
            routes.pages.post(LedgerPath.handDown, use: pages.handDown)
            routes.pages.post(LedgerPath.notApplicable, use: pages.declareNotApplicable)
            routes.pages.post(LedgerPath.deploy, use: pages.deploy)
            routes.pages.post(LedgerPath.links, use: pages.link)
            routes.pages.post(LedgerPath.attachments, body: .collect(maxSize: "20mb"), use: pages.attach)
            routes.pages.get(LedgerPath.attachment, use: pages.download)

            let api = LedgerAPI()
            routes.api.get(LedgerPath.API.lists, use: api.lists)
            routes.api.post(LedgerPath.API.lists, use: api.createList)
            routes.api.get(LedgerPath.API.items, use: api.items)
            routes.api.post(LedgerPath.API.newItem, use: api.createItem)
            routes.api.get(LedgerPath.API.item, use: api.item)
            routes.api.patch(LedgerPath.API.item, use: api.editItem)
            routes.api.post(LedgerPath.API.issue, use: api.issue)
            routes.api.post(LedgerPath.API.steps, use: api.step)
            routes.api.post(LedgerPath.API.reports, use: api.report)
            routes.api.post(LedgerPath.API.handDown, use: api.handDown)
            routes.api.get(LedgerPath.API.rollUp, use: api.rollUp)
        },
        menu: [.init(label: "工作台账", place: 20, roles: businessRoles) { .ledger($0) }],
        auditActions: AuditAction.ofLedger,
        digest: Digest.ledger,
        noticeKinds: [.handed],
        homeCards: HomeCard.ledger,
        demo: { try await DemoLedger.load($0) },
        api: .ledger)
}
