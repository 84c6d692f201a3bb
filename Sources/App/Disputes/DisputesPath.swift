import Foundation

/// The addresses of the dispute resolution centre: a region's list, figures and targets, and each dispute with its
/// steps.
enum DisputesPath {
    static let list: PathPattern = "/regions/:code/disputes"
    static let listCSV: PathPattern = "/regions/:code/disputes.csv"
    static let listXLSX: PathPattern = "/regions/:code/disputes.xlsx"
    static let new: PathPattern = "/regions/:code/disputes/new"
    static let importFile: PathPattern = "/regions/:code/disputes/import"
    static let figures: PathPattern = "/regions/:code/disputes/figures"
    static let targets: PathPattern = "/regions/:code/disputes/targets"
    static let dispute: PathPattern = "/disputes/:id"

    enum API {
        static let list: PathPattern = "/api/v1/regions/:code/disputes"
        static let importFile: PathPattern = "/api/v1/regions/:code/disputes/import"
        static let figures: PathPattern = "/api/v1/regions/:code/disputes/figures"
        static let targets: PathPattern = "/api/v1/regions/:code/disputes/targets"
        static let dispute: PathPattern = "/api/v1/regions/:code/disputes/:id"
    }
}

/// The steps of a dispute, each a POST of its own under the dispute's address (`participants` adds one of the N).
enum DisputeStep: String, CaseIterable, Sendable {
    case transfer, assign, urge, answer, close, participants

    var page: PathPattern { PathPattern(stringLiteral: DisputesPath.dispute.text + "/" + rawValue) }
    var api: PathPattern { PathPattern(stringLiteral: DisputesPath.API.dispute.text + "/" + rawValue) }
}

extension SitePath {
    static func disputes(_ code: String) -> SitePath { DisputesPath.list.path(code) }
    /// The list under `filter`, as its filter form asks for it; `after` for the page that follows.
    static func disputes(_ code: String, filter: DisputeQueries.Filter, after: DisputeQueries.Cursor? = nil)
        -> SitePath
    {
        SitePath(
            DisputesPath.list.path(code),
            query: filter.queryItems + (after.map { [URLQueryItem(name: "after", value: $0.token)] } ?? []))
    }
    /// The list as a file: `format` is csv or xlsx, under the same filter.
    static func disputesExport(_ code: String, format: String, filter: DisputeQueries.Filter) -> SitePath {
        SitePath(
            (format == "csv" ? DisputesPath.listCSV : DisputesPath.listXLSX).path(code), query: filter.queryItems)
    }
    static func newDispute(_ code: String) -> SitePath { DisputesPath.new.path(code) }
    static func disputeImport(_ code: String) -> SitePath { DisputesPath.importFile.path(code) }
    static func disputeFigures(_ code: String) -> SitePath { DisputesPath.figures.path(code) }
    static func disputeTargets(_ code: String) -> SitePath { DisputesPath.targets.path(code) }
    static func dispute(_ id: UUID) -> SitePath { DisputesPath.dispute.path(id) }
    static func disputeStep(_ id: UUID, _ step: DisputeStep) -> SitePath { step.page.path(id) }
}
