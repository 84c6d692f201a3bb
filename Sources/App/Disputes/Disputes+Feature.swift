import Vapor

extension Feature {
    /// The administrative dispute resolution centre (行政争议实质性化解中心): disputes registered, transferred,
    /// assigned, urged, answered and closed, their 2+N participants, and the figures against the region's targets.
    static let disputes = Feature(
        name: "行政争议化解",
        migrations: { _ in [CreateDisputes()] },
        routes: { routes in
            let pages = DisputePages()
            routes.pages.get(DisputesPath.list, use: pages.list)
            routes.pages.post(DisputesPath.list, use: pages.create)
            routes.pages.get(DisputesPath.listXLSX) { try await pages.export($0, format: "xlsx") }
            routes.pages.get(DisputesPath.listCSV) { try await pages.export($0, format: "csv") }
            routes.pages.get(DisputesPath.new, use: pages.newForm)
            routes.pages.post(DisputesPath.importFile, body: .collect(maxSize: "20mb"), use: pages.importFile)
            routes.pages.get(DisputesPath.figures, use: pages.figures)
            routes.pages.post(DisputesPath.targets, use: pages.setTargets)
            routes.pages.get(DisputesPath.dispute, use: pages.show)
            routes.pages.post(DisputesPath.dispute, use: pages.update)
            for step in DisputeStep.allCases {
                routes.pages.post(step.page) { try await pages.step($0, step) }
            }

            let api = DisputesAPI()
            routes.api.get(DisputesPath.API.list, use: api.list)
            routes.api.post(DisputesPath.API.list, use: api.create)
            routes.api.post(DisputesPath.API.importFile, body: .stream, use: api.importFile)
            routes.api.get(DisputesPath.API.figures, use: api.figures)
            routes.api.get(DisputesPath.API.targets, use: api.targets)
            routes.api.put(DisputesPath.API.targets, use: api.setTargets)
            routes.api.get(DisputesPath.API.dispute, use: api.read)
            routes.api.patch(DisputesPath.API.dispute, use: api.update)
            for step in DisputeStep.allCases {
                routes.api.post(step.api) { try await api.step($0, step) }
            }
        },
        menu: [.init(label: "争议化解", place: 42, roles: businessRoles) { .disputes($0) }],
        auditActions: AuditAction.ofDisputes,
        digest: Digest.disputes,
        noticeKinds: [.dispute],
        homeCards: HomeCard.disputes,
        demo: { try await DemoDisputes.load($0) },
        api: .disputes)
}
