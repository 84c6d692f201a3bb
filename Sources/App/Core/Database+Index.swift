import Fluent
import SQLKit

extension Database {
    /// Creates a plain index; Fluent's schema builder has none, and both SQLite and PostgreSQL share this SQL.
    func index(_ table: String, _ columns: String...) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        let name = "idx_\(table)_\(columns.joined(separator: "_"))"
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
