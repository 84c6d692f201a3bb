import Foundation

/// The addresses of enforcement cases against organs: a region's list, figures and campaigns, and each case.
enum EnforcementPath {
    static let list: PathPattern = "/regions/:code/enforcement"
    static let listCSV: PathPattern = "/regions/:code/enforcement.csv"
    static let listXLSX: PathPattern = "/regions/:code/enforcement.xlsx"
    static let new: PathPattern = "/regions/:code/enforcement/new"
    static let importFile: PathPattern = "/regions/:code/enforcement/import"
    static let figures: PathPattern = "/regions/:code/enforcement/figures"
    static let campaigns: PathPattern = "/regions/:code/enforcement/campaigns"
    static let supervise: PathPattern = "/regions/:code/enforcement/supervise"
    static let item: PathPattern = "/enforcement/cases/:id"
    static let payments: PathPattern = "/enforcement/cases/:id/payments"
    static let end: PathPattern = "/enforcement/cases/:id/end"

    enum API {
        static let cases: PathPattern = "/api/v1/regions/:code/enforcement/cases"
        static let importFile: PathPattern = "/api/v1/regions/:code/enforcement/cases/import"
        static let item: PathPattern = "/api/v1/regions/:code/enforcement/cases/:id"
        static let payments: PathPattern = "/api/v1/regions/:code/enforcement/cases/:id/payments"
        static let end: PathPattern = "/api/v1/regions/:code/enforcement/cases/:id/end"
        static let figures: PathPattern = "/api/v1/regions/:code/enforcement/figures"
    }
}

extension SitePath {
    static func enforcement(_ code: String) -> SitePath { EnforcementPath.list.path(code) }
    /// The list under `filter`; `after` for the page that follows.
    static func enforcement(_ code: String, filter: EnforcementQueries.Filter, after: EnforcementQueries.Cursor? = nil)
        -> SitePath
    {
        SitePath(
            EnforcementPath.list.path(code),
            query: filter.queryItems + (after.map { [URLQueryItem(name: "after", value: $0.token)] } ?? []))
    }
    /// The list as a file: `format` is csv or xlsx, under the same filter.
    static func enforcementExport(_ code: String, format: String, filter: EnforcementQueries.Filter) -> SitePath {
        SitePath(
            (format == "csv" ? EnforcementPath.listCSV : EnforcementPath.listXLSX).path(code), query: filter.queryItems)
    }
    static func newEnforcementCase(_ code: String) -> SitePath { EnforcementPath.new.path(code) }
    static func enforcementImport(_ code: String) -> SitePath { EnforcementPath.importFile.path(code) }
    static func enforcementFigures(_ code: String) -> SitePath { EnforcementPath.figures.path(code) }
    static func enforcementCampaigns(_ code: String) -> SitePath { EnforcementPath.campaigns.path(code) }
    static func enforcementSupervise(_ code: String) -> SitePath { EnforcementPath.supervise.path(code) }
    static func enforcementCase(_ id: UUID) -> SitePath { EnforcementPath.item.path(id) }
    static func enforcementPayments(_ id: UUID) -> SitePath { EnforcementPath.payments.path(id) }
    static func enforcementEnd(_ id: UUID) -> SitePath { EnforcementPath.end.path(id) }
}
