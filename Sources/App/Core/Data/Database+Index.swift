import Fluent
import SQLKit

extension Database {
    /// Creates a plain index; Fluent's schema builder has none, and both SQLite and PostgreSQL share this SQL.
    func index(_ table: String, _ columns: String...) async throws {
        let sql = try self.sql()
        let name = "idx_\(table)_\(columns.joined(separator: "_"))"
        var builder = sql.database.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
