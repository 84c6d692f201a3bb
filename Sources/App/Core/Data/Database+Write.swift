import Fluent
import SQLKit

extension Database {
    /// Every write transaction of the app. On SQLite it takes the write lock before it reads anything — what
    /// BEGIN IMMEDIATE does, which Fluent cannot issue — so that a transaction never reads a snapshot it then cannot
    /// write from ("database is locked"); and the app's own writers take turns in `Gate.sqliteWriters` first, instead of
    /// spinning in SQLite's busy handler. On PostgreSQL it is a plain transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let body = Self.recordingIdempotencyKey(body)
        let result: T
        if try sql().dialect == .sqlite {
            result = try await Gate.sqliteWriters.pass {
                try await transaction { db in
                    try await db.sql().raw("UPDATE audit_chain SET seq = seq WHERE id = 1").run()
                    return try await body(db)
                }
            }
        } else {
            result = try await transaction(body)
        }
        StorageWatch.current?.noteWritten()
        return result
    }
}

extension Database {
    /// The body, then the request's `Idempotency-Key` (if any, and not yet recorded) in the same transaction: the key
    /// is taken exactly when the write commits, and a concurrent duplicate fails on the key's unique index.
    fileprivate static func recordingIdempotencyKey<T: Sendable>(
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) -> @Sendable (any Database) async throws -> T {
        guard let pending = IdempotencyKey.pending else { return body }
        return { db in
            let result = try await body(db)
            if !pending.isRecorded { try await pending.create(on: db) }
            return result
        }
    }
}

extension Database {
    /// On SQLite, `body` with a page cache of `megabytes` on this connection, then the connection's own size again
    /// (SQLite frees the pages above it). A bulk write touches pages all over several indices with random keys; with
    /// SQLite's default 2 MB each of them is read again and again. Elsewhere just `body`.
    func withPageCache<T>(megabytes: Int, _ body: () async throws -> T) async throws -> T {
        let sql = try self.sql()
        guard sql.dialect == .sqlite else { return try await body() }
        let previous =
            try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self) ?? -2000
        try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(-megabytes * 1024))").run()
        do {
            let result = try await body()
            try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run()
            return result
        } catch {
            try? await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run()
            throw error
        }
    }
}
