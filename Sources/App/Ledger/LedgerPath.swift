import Foundation

/// The addresses of the ledger: lists, items and what is done to them, attachments.
enum LedgerPath {
    static let ledger: PathPattern = "/regions/:code/ledger"
    static let ledgerCSV: PathPattern = "/regions/:code/ledger.csv"
    static let ledgerXLSX: PathPattern = "/regions/:code/ledger.xlsx"
    static let newItem: PathPattern = "/regions/:code/ledger/new"
    static let ledgerImport: PathPattern = "/regions/:code/ledger/import"
    static let lists: PathPattern = "/regions/:code/lists"
    static let item: PathPattern = "/items/:id"
    static let itemEdit: PathPattern = "/items/:id/edit"
    static let issue: PathPattern = "/items/:id/issue"
    static let step: PathPattern = "/items/:id/step"
    static let reports: PathPattern = "/items/:id/reports"
    static let extensions: PathPattern = "/items/:id/extensions"
    static let extensionDecision: PathPattern = "/items/:id/extensions/decide"
    static let handDown: PathPattern = "/items/:id/hand-down"
    static let notApplicable: PathPattern = "/items/:id/not-applicable"
    static let deploy: PathPattern = "/items/:id/assign"
    static let links: PathPattern = "/items/:id/links"
    static let attachments: PathPattern = "/items/:id/attachments"
    static let attachment: PathPattern = "/attachments/:id"

    enum API {
        static let lists: PathPattern = "/api/v1/regions/:code/lists"
        static let items: PathPattern = "/api/v1/regions/:code/items"
        static let newItem: PathPattern = "/api/v1/items"
        static let item: PathPattern = "/api/v1/items/:id"
        static let issue: PathPattern = "/api/v1/items/:id/issue"
        static let steps: PathPattern = "/api/v1/items/:id/steps"
        static let reports: PathPattern = "/api/v1/items/:id/reports"
        static let handDown: PathPattern = "/api/v1/items/:id/hand-down"
        static let rollUp: PathPattern = "/api/v1/items/:id/roll-up"
    }
}

extension SitePath {
    static func ledger(_ code: String) -> SitePath { LedgerPath.ledger.path(code) }
    /// The ledger under `filter`, as its filter form would ask for it.
    static func ledger(_ code: String, filter: LedgerFilter) -> SitePath {
        let query = filter.queryString
        return SitePath(url: LedgerPath.ledger.path(code).url + (query.isEmpty ? "" : "?" + query))
    }
    /// The ledger as a file: `format` is csv or xlsx.
    static func ledgerExport(_ code: String, format: String) -> SitePath {
        (format == "csv" ? LedgerPath.ledgerCSV : LedgerPath.ledgerXLSX).path(code)
    }
    static func newItem(_ code: String) -> SitePath { LedgerPath.newItem.path(code) }
    static func ledgerImport(_ code: String) -> SitePath { LedgerPath.ledgerImport.path(code) }
    static func lists(_ code: String) -> SitePath { LedgerPath.lists.path(code) }
    static func item(_ id: UUID) -> SitePath { LedgerPath.item.path(id) }
    static func itemEdit(_ id: UUID) -> SitePath { LedgerPath.itemEdit.path(id) }
    static func itemIssue(_ id: UUID) -> SitePath { LedgerPath.issue.path(id) }
    static func itemStep(_ id: UUID) -> SitePath { LedgerPath.step.path(id) }
    static func itemReports(_ id: UUID) -> SitePath { LedgerPath.reports.path(id) }
    static func itemExtensions(_ id: UUID) -> SitePath { LedgerPath.extensions.path(id) }
    static func itemExtensionDecision(_ id: UUID) -> SitePath { LedgerPath.extensionDecision.path(id) }
    static func itemHandDown(_ id: UUID) -> SitePath { LedgerPath.handDown.path(id) }
    static func itemNotApplicable(_ id: UUID) -> SitePath { LedgerPath.notApplicable.path(id) }
    static func itemDeploy(_ id: UUID) -> SitePath { LedgerPath.deploy.path(id) }
    static func itemLinks(_ id: UUID) -> SitePath { LedgerPath.links.path(id) }
    static func itemAttachments(_ id: UUID) -> SitePath { LedgerPath.attachments.path(id) }
    static func attachment(_ id: UUID) -> SitePath { LedgerPath.attachment.path(id) }
}
