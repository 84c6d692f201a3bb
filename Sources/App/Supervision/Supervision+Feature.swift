import Vapor

extension Feature {
    /// Supervision of the ledger's items: 催办, 提醒函, 通报 and the units' responses.
    static let supervision = Feature(
        name: "督办",
        migrations: { _ in [CreateSupervision()] },
        routes: { routes in
            let pages = SupervisionPages()
            routes.pages.get(SupervisionPath.list, use: pages.list)
            routes.pages.post(SupervisionPath.list, use: pages.issue)
            routes.pages.post(SupervisionPath.respond, use: pages.respond)

            let api = SupervisionAPI()
            routes.api.get(SupervisionPath.API.list, use: api.list)
            routes.api.post(SupervisionPath.API.list, use: api.issue)
            routes.api.post(SupervisionPath.API.respond, use: api.respond)
        },
        menu: [.init(label: "督办", place: 30, roles: businessRoles) { .supervision($0) }],
        auditActions: AuditAction.ofSupervision,
        digest: Digest.supervision,
        noticeKinds: [.supervision],
        homeCards: HomeCard.supervision,
        demo: { try await DemoSupervision.load($0) },
        api: .supervision)
}
