import Foundation

/// The addresses of administrative litigation: the dashboard, the bulletin, warnings and cases.
enum LitigationPath {
    static let dashboard: PathPattern = "/regions/:code/litigation"
    static let bulletin: PathPattern = "/regions/:code/litigation/bulletin"
    static let warnings: PathPattern = "/regions/:code/litigation/warnings"
    static let cases: PathPattern = "/regions/:code/litigation/cases"
    static let newCase: PathPattern = "/regions/:code/litigation/cases/new"
    static let templateXLSX: PathPattern = "/regions/:code/litigation/cases/template.xlsx"
    static let templateCSV: PathPattern = "/regions/:code/litigation/cases/template.csv"
    static let caseImport: PathPattern = "/regions/:code/litigation/cases/import"
    static let adminCase: PathPattern = "/litigation/cases/:id"
    static let adminCaseDelete: PathPattern = "/litigation/cases/:id/delete"

    enum API {
        static let caseImport: PathPattern = "/api/v1/litigation/cases/import"
        static let figures: PathPattern = "/api/v1/litigation/figures"
        static let cases: PathPattern = "/api/v1/litigation/cases"
        static let adminCase: PathPattern = "/api/v1/litigation/cases/:id"
    }
}

extension SitePath {
    static func litigation(_ code: String) -> SitePath { LitigationPath.dashboard.path(code) }
    /// The dashboard with every unit in its ranking, not only the first ones.
    static func litigationAllUnits(_ code: String) -> SitePath {
        SitePath(url: LitigationPath.dashboard.path(code).url + "?units=all")
    }
    static func litigationBulletin(_ code: String) -> SitePath { LitigationPath.bulletin.path(code) }
    static func litigationWarnings(_ code: String) -> SitePath { LitigationPath.warnings.path(code) }
    static func cases(_ code: String) -> SitePath { LitigationPath.cases.path(code) }
    static func cases(_ code: String, state: CaseQueries.State) -> SitePath {
        SitePath(url: LitigationPath.cases.path(code).url + "?state=" + state.rawValue)
    }
    static func newCase(_ code: String) -> SitePath { LitigationPath.newCase.path(code) }
    static func caseImport(_ code: String) -> SitePath { LitigationPath.caseImport.path(code) }
    /// The import template: `format` is xlsx or csv.
    static func caseTemplate(_ code: String, format: String) -> SitePath {
        (format == "csv" ? LitigationPath.templateCSV : LitigationPath.templateXLSX).path(code)
    }
    static func adminCase(_ id: UUID) -> SitePath { LitigationPath.adminCase.path(id) }
    static func adminCaseDelete(_ id: UUID) -> SitePath { LitigationPath.adminCaseDelete.path(id) }
}
