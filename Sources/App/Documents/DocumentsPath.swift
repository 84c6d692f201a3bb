import Foundation

/// The addresses of documents into the ledger: a region's uploaded documents, and each document's review.
enum DocumentsPath {
    static let list: PathPattern = "/regions/:code/documents"
    static let review: PathPattern = "/documents/:id"
    static let file: PathPattern = "/documents/:id/file"
    static let commit: PathPattern = "/documents/:id/commit"
    static let roster: PathPattern = "/documents/:id/roster"

    enum API {
        static let parse: PathPattern = "/api/v1/regions/:code/documents/parse"
        static let documents: PathPattern = "/api/v1/regions/:code/documents"
        static let document: PathPattern = "/api/v1/regions/:code/documents/:id"
        static let commit: PathPattern = "/api/v1/regions/:code/documents/:id/commit"
        static let roster: PathPattern = "/api/v1/regions/:code/documents/:id/roster"
    }
}

extension SitePath {
    static func documents(_ code: String) -> SitePath { DocumentsPath.list.path(code) }
    static func documentReview(_ id: UUID) -> SitePath { DocumentsPath.review.path(id) }
    static func documentCommit(_ id: UUID) -> SitePath { DocumentsPath.commit.path(id) }
    static func documentFile(_ id: UUID) -> SitePath { DocumentsPath.file.path(id) }
    static func documentRoster(_ id: UUID) -> SitePath { DocumentsPath.roster.path(id) }
    /// The region's ledger showing only the list a document went into.
    static func ledgerList(_ code: String, _ list: UUID) -> SitePath {
        var filter = LedgerFilter()
        filter.list = list
        return .ledger(code, filter: filter)
    }
}
