import Fluent
import SQLKit
import Vapor

/// Figures already counted (the litigation figures, the cases list's totals), reused while nothing they are counted
/// from has changed. Triggers in the database raise `figures_generation.n` in the same transaction as every change to
/// cases, hearings, units and regions (see `CountFiguresGenerations`), so an answer kept under the generation read
/// before it was counted is exactly what counting again would give: nothing is ever stale, on one instance or many,
/// and after a restore the restored generation names the restored data. A city's or the province's figures take a
/// second or more to count; read again, they take one small query. Concurrent askers of the same figures wait for
/// one count.
actor FiguresCache {
    static let shared = FiguresCache(capacity: 40_000)

    /// The database's generation: `epoch` is drawn when the table is made, so two databases never share a key.
    struct Generation: Hashable, Sendable {
        let epoch: String
        let n: Int
    }

    private struct Key: Hashable {
        let generation: Generation
        let query: String
    }

    private struct Entry {
        let value: any Sendable
        let weight: Int
        var used: UInt64
    }

    /// The most weight (rows of figures, a few hundred bytes each) kept at once; the least recently used go first.
    let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var counting: [Key: Task<any Sendable, any Error>] = [:]
    private var weight = 0
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The figures `query` names, counted by `count` unless kept from an earlier count at the same generation.
    /// Inside a transaction nothing is kept or reused: its own uncommitted changes may yet roll back.
    nonisolated static func value<Value: Sendable>(
        _ query: String, on db: any Database, weight: @escaping @Sendable (Value) -> Int,
        count: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let sql = try db.sql()
        guard !db.inTransaction else { return try await count() }
        return try await shared.value(query, at: try await current(on: sql), weight: weight, count: count)
    }

    static func current(on sql: SQLDoor) async throws -> Generation {
        let row = try await sql.raw("SELECT epoch, n FROM \(ident: CountFiguresGenerations.table)").first()
        guard let row else { throw Abort(.internalServerError, reason: "figures_generation has no row") }
        return Generation(epoch: try row.decode(column: "epoch"), n: try row.decode(column: "n"))
    }

    func value<Value: Sendable>(
        _ query: String, at generation: Generation, weight measure: @escaping @Sendable (Value) -> Int,
        count: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let key = Key(generation: generation, query: query)
        clock += 1
        if let entry = entries[key], let value = entry.value as? Value {
            entries[key]?.used = clock
            return value
        }
        if let task = counting[key], let value = try await task.value as? Value { return value }
        let counted = Task { try await count() }
        // Askers of the same figures meanwhile wait for this count; only they see it without its type.
        counting[key] = Task<any Sendable, any Error> { try await counted.value }
        defer { counting[key] = nil }
        let value = try await counted.value
        keep(value, weight: measure(value), under: key)
        return value
    }

    private func keep(_ value: any Sendable, weight: Int, under key: Key) {
        // Figures of an older generation of the same database can never be asked for again: neither those kept
        // nor one counted while a newer generation was already being asked for.
        func older(_ one: Key, _ other: Key) -> Bool {
            one.generation.epoch == other.generation.epoch && one.generation.n < other.generation.n
        }
        guard weight <= capacity, !entries.keys.contains(where: { older(key, $0) }) else { return }
        for old in entries.keys where older(old, key) { drop(old) }
        while self.weight + weight > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            drop(oldest)
        }
        entries[key] = Entry(value: value, weight: weight, used: clock)
        self.weight += weight
    }

    private func drop(_ key: Key) {
        if let entry = entries.removeValue(forKey: key) { weight -= entry.weight }
    }

    /// What is kept, for tests: how many answers and their total weight.
    var kept: (answers: Int, weight: Int) { (entries.count, weight) }
}
