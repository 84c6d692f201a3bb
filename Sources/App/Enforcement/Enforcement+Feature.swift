import Vapor

extension Feature {
    /// Enforcement cases against party and government organs (涉党政机关执行案件): what they owe and pay, and the
    /// clean-up campaigns to zero.
    static let enforcement = Feature(
        name: "执行案件",
        migrations: { _ in [CreateEnforcement()] },
        routes: { routes in
            let pages = EnforcementPages()
            routes.pages.get(EnforcementPath.list, use: pages.list)
            routes.pages.post(EnforcementPath.list, use: pages.create)
            routes.pages.get(EnforcementPath.listXLSX) { try await pages.export($0, format: "xlsx") }
            routes.pages.get(EnforcementPath.listCSV) { try await pages.export($0, format: "csv") }
            routes.pages.get(EnforcementPath.new, use: pages.newForm)
            routes.pages.post(EnforcementPath.importFile, body: .collect(maxSize: "20mb"), use: pages.importFile)
            routes.pages.get(EnforcementPath.figures, use: pages.figures)
            routes.pages.post(EnforcementPath.campaigns, use: pages.createCampaign)
            routes.pages.post(EnforcementPath.supervise, use: pages.supervise)
            routes.pages.get(EnforcementPath.item, use: pages.show)
            routes.pages.post(EnforcementPath.item, use: pages.update)
            routes.pages.post(EnforcementPath.payments, use: pages.pay)
            routes.pages.post(EnforcementPath.end, use: pages.end)

            let api = EnforcementAPI()
            routes.api.get(EnforcementPath.API.cases, use: api.list)
            routes.api.post(EnforcementPath.API.cases, use: api.create)
            routes.api.post(EnforcementPath.API.importFile, body: .stream, use: api.importFile)
            routes.api.get(EnforcementPath.API.figures, use: api.figures)
            routes.api.get(EnforcementPath.API.item, use: api.read)
            routes.api.patch(EnforcementPath.API.item, use: api.update)
            routes.api.post(EnforcementPath.API.payments, use: api.pay)
            routes.api.post(EnforcementPath.API.end, use: api.end)
        },
        menu: [.init(label: "执行案件", place: 46, roles: businessRoles) { .enforcement($0) }],
        auditActions: AuditAction.ofEnforcement,
        homeCards: HomeCard.enforcement,
        demo: { try await DemoEnforcement.load($0) },
        api: .enforcement)
}
