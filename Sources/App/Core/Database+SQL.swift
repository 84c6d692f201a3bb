import Fluent
import SQLKit
import Vapor

extension Database {
    /// The same database, for SQL that Fluent's query builder cannot say. Both drivers `configure` sets up (SQLite,
    /// PostgreSQL) are SQL databases; the error stands for any other driver, a mistake no request can make.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "the database driver does not speak SQL")
        }
        return sql
    }
}
