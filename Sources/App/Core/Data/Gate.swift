/// At most `capacity` callers inside at a time; the others wait their turn in the order they came, without holding a
/// database connection or a thread while they wait.
actor Gate {
    /// The SQLite writers of this process, one at a time (SQLite serves one app instance; several instances use
    /// PostgreSQL).
    static let sqliteWriters = Gate(capacity: 1)
    /// Litigation figures over a whole city or province: seconds of database work each, so a few people opening
    /// the province dashboard at once would otherwise take every pooled connection and everyone else would wait.
    static let wideFigures = Gate(capacity: 1)

    let capacity: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// How many wait outside.
    var queued: Int { waiting.count }

    init(capacity: Int) {
        self.capacity = capacity
    }

    func enter() async {
        guard inside >= capacity else {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the next in line, if any (`inside` stays the same then).
    func leave() {
        if waiting.isEmpty { inside -= 1 } else { waiting.removeFirst().resume() }
    }

    func pass<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }
}
