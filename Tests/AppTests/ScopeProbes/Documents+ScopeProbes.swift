@testable import App

extension ScopeMatrixTests {
    /// An office reads the documents of the regions in its scope; only 鲁山县's office uploads, parses and commits
    /// them. A form or JSON body where a file belongs is malformed (B), an empty commit or a plan without a roster
    /// refused (V).
    static let documentsProbes: [Probe] = [
        .get("regions/:code/documents", "/regions/410423/documents", readLushanDocuments),
        .form(.POST, "regions/:code/documents", "/regions/410423/documents", officeOfLushan("B")),
        .get("documents/:id", "/documents/{document}", readLushanDocuments),
        .get("documents/:id/file", "/documents/{document}/file", readLushanDocuments),
        .form(
            .POST, "documents/:id/commit", "/documents/{document}/commit", officeOfLushan("V"),
            [("kind", "problem"), ("title", "鲁山县工作要点")]),
        .get("documents/:id/roster", "/documents/{document}/roster", officeOfLushan("V")),
        .form(.POST, "documents/:id/roster", "/documents/{document}/roster", officeOfLushan("V")),
        .json(
            .POST, "api/v1/regions/:code/documents/parse", "/api/v1/regions/410423/documents/parse",
            officeOfLushan("B"), ["text": "一、重点任务"]),
        .json(
            .POST, "api/v1/regions/:code/documents", "/api/v1/regions/410423/documents", officeOfLushan("B"),
            ["text": "一、重点任务"]),
        .get(
            "api/v1/regions/:code/documents/:id", "/api/v1/regions/410423/documents/{document}", readLushanDocuments),
        .json(
            .POST, "api/v1/regions/:code/documents/:id/commit", "/api/v1/regions/410423/documents/{document}/commit",
            officeOfLushan("B")),
        .json(
            .POST, "api/v1/regions/:code/documents/:id/roster", "/api/v1/regions/410423/documents/{document}/roster",
            officeOfLushan("V")),
    ]

    /// The offices of 鲁山县 and of the regions above it.
    static let readLushanDocuments = "LFFFOOOFFFN"

    /// Only 鲁山县's office; offices above it see the region but are not its office.
    static func officeOfLushan(_ outcome: Character) -> String { "LFFFFF\(outcome)FFFN" }
}
