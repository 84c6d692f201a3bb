import Vapor

extension Feature {
    /// Bankruptcy coordination (办理破产府院联动): the court's bankruptcy cases with their stage and key dates, and
    /// what each needs of the government, sent to departments as ledger items.
    static let bankruptcy = Feature(
        name: "破产协调",
        migrations: { _ in [CreateBankruptcy()] },
        routes: { routes in
            let pages = BankruptcyPages()
            routes.pages.get(BankruptcyPath.list, use: pages.list)
            routes.pages.post(BankruptcyPath.list, use: pages.create)
            routes.pages.get(BankruptcyPath.listXLSX) { try await pages.export($0, format: "xlsx") }
            routes.pages.get(BankruptcyPath.listCSV) { try await pages.export($0, format: "csv") }
            routes.pages.get(BankruptcyPath.new, use: pages.newForm)
            routes.pages.get(BankruptcyPath.item, use: pages.show)
            routes.pages.post(BankruptcyPath.item, use: pages.update)
            routes.pages.post(BankruptcyPath.matters, use: pages.addMatter)
            routes.pages.post(BankruptcyPath.conclude, use: pages.conclude)

            let api = BankruptcyAPI()
            routes.api.get(BankruptcyPath.API.cases, use: api.list)
            routes.api.post(BankruptcyPath.API.cases, use: api.create)
            routes.api.get(BankruptcyPath.API.item, use: api.read)
            routes.api.patch(BankruptcyPath.API.item, use: api.update)
            routes.api.post(BankruptcyPath.API.matters, use: api.addMatter)
            routes.api.post(BankruptcyPath.API.conclude, use: api.conclude)
        },
        menu: [.init(label: "破产协调", place: 47, roles: businessRoles) { .bankruptcy($0) }],
        auditActions: AuditAction.ofBankruptcy,
        digest: Digest.bankruptcy,
        homeCards: HomeCard.bankruptcy,
        demo: { try await DemoBankruptcy.load($0) },
        api: .bankruptcy)
}
