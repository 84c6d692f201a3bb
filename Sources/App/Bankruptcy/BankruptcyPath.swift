import Foundation

/// The addresses of bankruptcy coordination: a region's cases, and each case with its matters.
enum BankruptcyPath {
    static let list: PathPattern = "/regions/:code/bankruptcy"
    static let listCSV: PathPattern = "/regions/:code/bankruptcy.csv"
    static let listXLSX: PathPattern = "/regions/:code/bankruptcy.xlsx"
    static let new: PathPattern = "/regions/:code/bankruptcy/new"
    static let item: PathPattern = "/bankruptcy/cases/:id"
    static let matters: PathPattern = "/bankruptcy/cases/:id/matters"
    static let conclude: PathPattern = "/bankruptcy/cases/:id/conclude"

    enum API {
        static let cases: PathPattern = "/api/v1/regions/:code/bankruptcy/cases"
        static let item: PathPattern = "/api/v1/regions/:code/bankruptcy/cases/:id"
        static let matters: PathPattern = "/api/v1/regions/:code/bankruptcy/cases/:id/matters"
        static let conclude: PathPattern = "/api/v1/regions/:code/bankruptcy/cases/:id/conclude"
    }
}

extension SitePath {
    static func bankruptcy(_ code: String) -> SitePath { BankruptcyPath.list.path(code) }
    /// The list under `filter`; `after` for the page that follows.
    static func bankruptcy(_ code: String, filter: BankruptcyQueries.Filter, after: BankruptcyQueries.Cursor? = nil)
        -> SitePath
    {
        SitePath(
            BankruptcyPath.list.path(code),
            query: filter.queryItems + (after.map { [URLQueryItem(name: "after", value: $0.token)] } ?? []))
    }
    /// The list as a file: `format` is csv or xlsx, under the same filter.
    static func bankruptcyExport(_ code: String, format: String, filter: BankruptcyQueries.Filter) -> SitePath {
        SitePath(
            (format == "csv" ? BankruptcyPath.listCSV : BankruptcyPath.listXLSX).path(code), query: filter.queryItems)
    }
    static func newBankruptcyCase(_ code: String) -> SitePath { BankruptcyPath.new.path(code) }
    static func bankruptcyCase(_ id: UUID) -> SitePath { BankruptcyPath.item.path(id) }
    static func bankruptcyMatters(_ id: UUID) -> SitePath { BankruptcyPath.matters.path(id) }
    static func bankruptcyConclude(_ id: UUID) -> SitePath { BankruptcyPath.conclude.path(id) }
}
