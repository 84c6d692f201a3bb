import Vapor

extension Feature {
    /// Judicial suggestions (司法建议): the court issues, the agency signs and replies, late replies are urged and
    /// counted.
    static let suggestions = Feature(
        name: "司法建议",
        migrations: { _ in [CreateJudicialSuggestions()] },
        routes: { routes in
            let pages = SuggestionPages()
            routes.pages.get(SuggestionsPath.list, use: pages.list)
            routes.pages.post(SuggestionsPath.list, use: pages.create)
            routes.pages.get(SuggestionsPath.listXLSX) { try await pages.export($0, format: "xlsx") }
            routes.pages.get(SuggestionsPath.listCSV) { try await pages.export($0, format: "csv") }
            routes.pages.get(SuggestionsPath.new, use: pages.newForm)
            routes.pages.get(SuggestionsPath.figures, use: pages.figures)
            routes.pages.get(SuggestionsPath.bulletin, use: pages.bulletin)
            routes.pages.get(SuggestionsPath.suggestion, use: pages.show)
            routes.pages.post(SuggestionsPath.suggestion, use: pages.update)
            routes.pages.post(SuggestionsPath.sign, use: pages.sign)
            routes.pages.post(SuggestionsPath.reply, use: pages.reply)

            let api = SuggestionsAPI()
            routes.api.get(SuggestionsPath.API.list, use: api.list)
            routes.api.post(SuggestionsPath.API.list, use: api.create)
            routes.api.get(SuggestionsPath.API.figures, use: api.figures)
            routes.api.get(SuggestionsPath.API.suggestion, use: api.read)
            routes.api.patch(SuggestionsPath.API.suggestion, use: api.update)
            routes.api.post(SuggestionsPath.API.sign, use: api.sign)
            routes.api.post(SuggestionsPath.API.reply, use: api.reply)
        },
        menu: [.init(label: "司法建议", place: 45, roles: businessRoles) { .suggestions($0) }],
        auditActions: AuditAction.ofSuggestions,
        digest: Digest.suggestions,
        noticeKinds: [.suggestion],
        homeCards: HomeCard.suggestions,
        demo: { try await DemoSuggestions.load($0) },
        dailyJobs: [.suggestionReminders],
        api: .suggestions)
}
