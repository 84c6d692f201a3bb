import Fluent
import SQLKit
import Vapor

/// Optimistic locking: a row's `version` is raised by each change, and a change made on a stale copy is refused.
enum Versions {
    /// Raises the row's version from `expected`, inside the write's transaction; when someone else changed the row
    /// first, nothing is raised and the write is refused with `stale`.
    static func bump(_ table: String, id: UUID, expected: Int, stale: HTTPResponseStatus, on db: any Database)
        async throws
    {
        let sql = try db.sql()
        let row = try await sql.raw(
            "UPDATE \(ident: table) SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING id"
        ).first()
        guard row != nil else { throw self.stale(stale) }
    }

    /// Raises the row's version whatever it was: a change that may not be refused (a unit's step) still makes the
    /// copies others hold stale. Returns the new version.
    static func raise(_ table: String, id: UUID, on db: any Database) async throws -> Int {
        struct Row: Decodable { let version: Int }
        let row = try await db.sql().raw(
            "UPDATE \(ident: table) SET version = version + 1 WHERE id = \(bind: id) RETURNING version"
        ).first(decoding: Row.self)
        return row?.version ?? 0
    }

    static func stale(_ status: HTTPResponseStatus) -> AppError {
        AppError(status: status, code: "stale", reason: "已被他人修改（您看到的是旧版本），请刷新后核对再保存")
    }

    /// The version an `If-Match` header names (`"3"` or `W/"3"`), nil without the header; a malformed one is 400.
    static func ifMatch(_ request: Request) throws -> Int? {
        guard let header = request.headers.first(name: .ifMatch) else { return nil }
        let text = header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(
            in: CharacterSet(charactersIn: "\" "))
        guard let version = Int(text) else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "If-Match 须为 GET 答复中的 ETag，如 \"3\"")
        }
        return version
    }

    static func etag(_ version: Int) -> String { "\"\(version)\"" }
}

/// Adds `version` to the rows people edit concurrently.
protocol AddVersionColumns: AsyncMigration {
    var tables: [String] { get }
}

extension AddVersionColumns {
    func prepare(on database: any Database) async throws {
        for table in tables {
            try await database.schema(table).field("version", .int, .required, .sql(.default(1))).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in tables { try await database.schema(table).deleteField("version").update() }
    }
}
