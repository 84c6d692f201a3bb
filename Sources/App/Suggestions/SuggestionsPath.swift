import Foundation

/// The addresses of judicial suggestions: a region's list, figures and bulletin, and each suggestion.
enum SuggestionsPath {
    static let list: PathPattern = "/regions/:code/judicial-suggestions"
    static let listCSV: PathPattern = "/regions/:code/judicial-suggestions.csv"
    static let listXLSX: PathPattern = "/regions/:code/judicial-suggestions.xlsx"
    static let new: PathPattern = "/regions/:code/judicial-suggestions/new"
    static let figures: PathPattern = "/regions/:code/judicial-suggestions/figures"
    static let bulletin: PathPattern = "/regions/:code/judicial-suggestions/bulletin"
    static let suggestion: PathPattern = "/judicial-suggestions/:id"
    static let sign: PathPattern = "/judicial-suggestions/:id/sign"
    static let reply: PathPattern = "/judicial-suggestions/:id/reply"

    enum API {
        static let list: PathPattern = "/api/v1/regions/:code/judicial-suggestions"
        static let figures: PathPattern = "/api/v1/regions/:code/judicial-suggestions/figures"
        static let suggestion: PathPattern = "/api/v1/regions/:code/judicial-suggestions/:id"
        static let sign: PathPattern = "/api/v1/regions/:code/judicial-suggestions/:id/sign"
        static let reply: PathPattern = "/api/v1/regions/:code/judicial-suggestions/:id/reply"
    }
}

extension SitePath {
    static func suggestions(_ code: String) -> SitePath { SuggestionsPath.list.path(code) }
    /// The list under `filter`, as its filter form asks for it; `after` for the page that follows.
    static func suggestions(_ code: String, filter: SuggestionQueries.Filter, after: SuggestionQueries.Cursor? = nil)
        -> SitePath
    {
        SitePath(
            SuggestionsPath.list.path(code),
            query: filter.queryItems + (after.map { [URLQueryItem(name: "after", value: $0.token)] } ?? []))
    }
    /// The list as a file: `format` is csv or xlsx, under the same filter.
    static func suggestionsExport(_ code: String, format: String, filter: SuggestionQueries.Filter) -> SitePath {
        SitePath(
            (format == "csv" ? SuggestionsPath.listCSV : SuggestionsPath.listXLSX).path(code), query: filter.queryItems)
    }
    static func newSuggestion(_ code: String) -> SitePath { SuggestionsPath.new.path(code) }
    static func suggestionFigures(_ code: String) -> SitePath { SuggestionsPath.figures.path(code) }
    static func suggestionBulletin(_ code: String) -> SitePath { SuggestionsPath.bulletin.path(code) }
    static func suggestion(_ id: UUID) -> SitePath { SuggestionsPath.suggestion.path(id) }
    static func suggestionSign(_ id: UUID) -> SitePath { SuggestionsPath.sign.path(id) }
    static func suggestionReply(_ id: UUID) -> SitePath { SuggestionsPath.reply.path(id) }
}
