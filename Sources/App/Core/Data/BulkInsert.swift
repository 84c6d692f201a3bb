import Fluent
import Foundation
import SQLKit

/// A model that can be written many rows to a statement without Fluent's per-row reflection, which costs more than
/// the database itself at the generator's and the case import's sizes. `GeneratorTests` checks that `columns` are
/// exactly the model's fields and that rows written this way read back through Fluent unchanged.
protocol BulkInsertable: Model {
    static var columns: [String] { get }
    /// The values of `columns`, in their order; `now` fills timestamps not set yet.
    func row(now: Date) -> [any Encodable & Sendable]
}

extension Database {
    /// Multi-row INSERTs, as many rows to a statement as stay under SQLite's 32 766 and PostgreSQL's 65 535 binds;
    /// with `ignoringConflicts`, a row that would break a unique index is left out instead.
    func insert<M: BulkInsertable>(_ models: some Collection<M>, now: Date, ignoringConflicts: Bool = false)
        async throws
    {
        let sql = try self.sql()
        let rows = models.map { $0.row(now: now) }
        let perStatement = 30_000 / M.columns.count
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = sql.insert(into: M.schema).columns(M.columns)
            for row in rows[start..<min(start + perStatement, rows.count)] { insert = insert.values(row) }
            if ignoringConflicts { insert = insert.ignoringConflicts() }
            try await insert.run()
        }
    }
}
