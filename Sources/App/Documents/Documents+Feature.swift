import Vapor

extension Feature {
    /// Documents into the ledger (公文入账): an office uploads a 实施方案 or 工作方案, reviews the items read from
    /// it beside the document and commits them into a list in one go; a notice establishing the joint meeting
    /// updates its roster.
    static let documents = Feature(
        name: "公文入账",
        migrations: { _ in [CreateLedgerDocument()] },
        routes: { routes in
            let pages = DocumentPages()
            routes.pages.get(DocumentsPath.list, use: pages.list)
            routes.pages.post(DocumentsPath.list, use: pages.upload)
            routes.pages.get(DocumentsPath.review, use: pages.review)
            routes.pages.get(DocumentsPath.file, use: pages.file)
            routes.pages.post(DocumentsPath.commit, use: pages.commit)
            routes.pages.get(DocumentsPath.roster, use: pages.rosterForm)
            routes.pages.post(DocumentsPath.roster, use: pages.applyRoster)

            let api = DocumentsAPI()
            let file = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: DocumentFile.maximumSize + 1))
            routes.api.post(DocumentsPath.API.parse, body: file, use: api.parse)
            routes.api.post(DocumentsPath.API.documents, body: file, use: api.upload)
            routes.api.get(DocumentsPath.API.document, use: api.read)
            routes.api.post(DocumentsPath.API.commit, use: api.commit)
            routes.api.post(DocumentsPath.API.roster, use: api.applyRoster)
        },
        menu: [.init(label: "公文入账", place: 22, roles: [.office]) { .documents($0) }],
        auditActions: AuditAction.ofDocuments,
        demo: { try await DemoDocuments.load($0) },
        api: .documents)
}
