import Fluent
import SQLKit
import Vapor

/// The one door to SQL: the database as SQLKit sees it, the dialect it speaks, and what the two dialects need said
/// for them (a LIKE pattern made of someone's text). Nothing else casts a database to `SQLDatabase` or asks a
/// driver for its name.
struct SQLDoor: Sendable {
    enum Dialect: Sendable { case sqlite, postgres }

    /// The database itself, for SQLKit's builders.
    let database: any SQLDatabase
    let dialect: Dialect

    func raw(_ query: SQLQueryString) -> SQLRawBuilder { database.raw(query) }
    func select() -> SQLSelectBuilder { database.select() }
    func insert(into table: String) -> SQLInsertBuilder { database.insert(into: table) }
    func update(_ table: String) -> SQLUpdateBuilder { database.update(table) }

    /// Locks the row `id` of `table` until the transaction ends, so that two writers deciding from it take turns: on
    /// PostgreSQL with `SELECT … FOR UPDATE`; on SQLite a write transaction holds the whole database already.
    func lockRow(_ table: String, id: UUID) async throws {
        guard dialect == .postgres else { return }
        try await raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// On SQLite, a page cache that holds the indices being filled and checkpoints of a few hundred MB instead of
    /// 4 MB, for the rest of this connection's life (the generator's bulk writes): random ids touch pages all over
    /// each index, and rewriting them at every small checkpoint costs more than the inserts. Nothing elsewhere.
    func makeRoomForBulkWrites() async throws {
        guard dialect == .sqlite else { return }
        try await raw("PRAGMA cache_size = -262144").run()
        try await raw("PRAGMA wal_autocheckpoint = 65536").run()
    }

    /// Brings the query planner's statistics on `tables` (all of them when empty) up to date after a bulk write, so
    /// that the first queries on the new rows choose their indexes as later ones would. SQLite samples at most a
    /// thousand rows of each index (`analysis_limit`): a full scan of a province's tables would take minutes.
    func analyze(_ tables: [String] = []) async throws {
        if dialect == .sqlite { try await raw("PRAGMA analysis_limit = 1000").run() }
        if tables.isEmpty { return try await raw("ANALYZE").run() }
        for table in tables { try await raw("ANALYZE \(ident: table)").run() }
    }

    /// `SUM(expression)` as a 64-bit integer, 0 over no rows: PostgreSQL sums a `bigint` column (money in fen) as
    /// `numeric`, which no integer decodes from.
    static func total(_ expression: SQLQueryString) -> SQLQueryString {
        "CAST(COALESCE(SUM(" + expression + "), 0) AS BIGINT)"
    }

    /// The sum of `expression` over every row of the answer, before its LIMIT (a window), as a 64-bit integer: with
    /// GROUP BY, `totalOfAll("COUNT(*)")` counts the rows of all the groups while only the first few are sent.
    static func totalOfAll(_ expression: SQLQueryString) -> SQLQueryString {
        "CAST(SUM(" + expression + ") OVER () AS BIGINT)"
    }

    /// `column LIKE '%text%'`: rows whose `column` (an expression written in code, such as `c.case_number`) holds
    /// `text`, in which `%`, `_` and `\` stand for themselves.
    static func contains(_ column: String, _ text: String) -> SQLQueryString {
        let escaped = text.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_")
        return "\(unsafeRaw: column) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
    }
}

extension Database {
    /// The same database through `SQLDoor`, for SQL that Fluent's query builder cannot say. Both drivers `configure`
    /// sets up (SQLite, PostgreSQL) are SQL databases; the error stands for any other driver, a mistake no request
    /// can make.
    func sql() throws -> SQLDoor {
        guard let sql = self as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "the database driver does not speak SQL")
        }
        return SQLDoor(database: sql, dialect: sql.dialect.name == "sqlite" ? .sqlite : .postgres)
    }
}
