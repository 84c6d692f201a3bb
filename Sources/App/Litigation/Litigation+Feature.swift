import Vapor

extension Feature {
    /// Administrative litigation: cases, hearings, the figures and their warnings.
    static let litigation = Feature(
        name: "行政诉讼",
        migrations: { _ in [CreateLitigation(), IndexCasesForTheList(), CountFiguresGenerations()] },
        routes: { routes in
            let pages = LitigationPages()
            routes.pages.get(LitigationPath.dashboard, use: pages.dashboard)
            routes.pages.get(LitigationPath.bulletin, use: pages.bulletin)
            routes.pages.post(LitigationPath.warnings, use: pages.superviseWarning)
            let cases = CasePages()
            routes.pages.get(LitigationPath.cases, use: cases.list)
            routes.pages.post(LitigationPath.cases, use: cases.create)
            routes.pages.get(LitigationPath.newCase, use: cases.newCase)
            routes.pages.get(LitigationPath.templateXLSX) { try await cases.template($0, format: "xlsx") }
            routes.pages.get(LitigationPath.templateCSV) { try await cases.template($0, format: "csv") }
            routes.pages.post(LitigationPath.caseImport, body: .stream, use: cases.importCases)
            routes.pages.get(LitigationPath.adminCase, use: cases.show)
            routes.pages.post(LitigationPath.adminCase, use: cases.update)
            routes.pages.post(LitigationPath.adminCaseDelete, use: cases.delete)

            let api = LitigationAPI()
            routes.api.post(LitigationPath.API.caseImport, body: .stream, use: api.importCases)
            routes.api.get(LitigationPath.API.figures, use: api.figures)
            routes.api.get(LitigationPath.API.cases, use: api.cases)
            routes.api.get(LitigationPath.API.adminCase, use: api.adminCase)
        },
        menu: [.init(label: "行政诉讼", place: 40, roles: businessRoles) { .litigation($0) }],
        auditActions: AuditAction.ofLitigation,
        homeCards: HomeCard.litigation,
        demo: { try await DemoLitigation.load($0) },
        api: .litigation)
}
