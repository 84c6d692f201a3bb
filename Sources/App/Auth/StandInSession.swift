import Fluent
import FuyuanCore
import Synchronization
import Vapor

/// A session that could not be written because the server's storage is full (`StorageFull`): the cookie carries the
/// session itself — its id, its user and when it began — tagged with the data key, so that people can still sign in
/// and read while writes are refused. It lasts one idle timeout from signing in and is never touched; signing out
/// ends it on the instance that answers (`Revocations`). Its sign-in waits in `HeldAudit` until a write succeeds.
enum StandInSession {
    static let prefix = "s1."
    private static let purpose = "fuyuan stand-in session v1"
    private static let csrfPurpose = "fuyuan stand-in csrf v1"

    struct Opened: Equatable {
        let id: UUID
        let userID: UUID
        let createdAt: Date
    }

    static func make(userID: UUID, at now: Date, seal: FieldSeal) -> (token: String, csrf: String) {
        let id = UUID()
        let parts = [id.uuidString, userID.uuidString, String(Int64((now.timeIntervalSince1970 * 1000).rounded()))]
        return (prefix + (parts + [seal.tag(purpose, parts)]).joined(separator: "."), csrf(for: id, seal: seal))
    }

    static func csrf(for id: UUID, seal: FieldSeal) -> String { seal.tag(csrfPurpose, [id.uuidString]) }

    /// The session `token` stands for, if it is one, its tag holds and it has not outlived `lifetime`.
    static func open(_ token: String, at now: Date, lifetime: TimeInterval, seal: FieldSeal) -> Opened? {
        guard token.hasPrefix(prefix) else { return nil }
        let fields = token.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false).map(
            String.init)
        guard fields.count == 4, let id = UUID(uuidString: fields[0]), let userID = UUID(uuidString: fields[1]),
            let milliseconds = Int64(fields[2]), seal.verifies(fields[3], purpose, Array(fields[0..<3]))
        else { return nil }
        let createdAt = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let age = now.timeIntervalSince(createdAt)
        guard age >= -60, age <= lifetime else { return nil }
        return Opened(id: id, userID: userID, createdAt: createdAt)
    }

    /// Stand-in sessions signed out on this instance, until they would have run out anyway.
    final class Revocations: Sendable {
        private let until = Mutex<[UUID: Date]>([:])

        func revoke(_ id: UUID, until end: Date, now: Date) {
            until.withLock { table in
                table = table.filter { $0.value > now }
                table[id] = end
            }
        }

        func isRevoked(_ id: UUID) -> Bool { until.withLock { $0[id] != nil } }
    }
}

/// Audit entries that could not be written because storage was full (the sign-in of a stand-in session, its sign-out),
/// kept in memory with their own time and written to the audit log by the first request after room returns
/// (`StorageWatch.Middleware`). Each is
/// also in the server log at once, so that a restart before then loses none from sight.
final class HeldAudit: Sendable {
    struct Entry: Sendable {
        let action: AuditAction
        let actor: AuditActor
        let object: (type: String, id: String)
        let summary: String
        let at: Date
    }

    private let entries = Mutex<[Entry]>([])
    private let lastTry = Mutex<ContinuousClock.Instant?>(nil)
    static let retryInterval: Duration = .seconds(10)

    func hold(_ entry: Entry, logger: Logger) {
        logger.warning(
            "audit entry held while storage is full: \(entry.action.rawValue) \(entry.actor.name) \(entry.summary)")
        entries.withLock { $0.append(entry) }
    }

    var count: Int { entries.withLock { $0.count } }

    /// Writes what is held, at most once per `retryInterval`; what cannot be written yet stays held.
    func write(on db: any Database) async {
        let due = lastTry.withLock { last in
            guard last.map({ $0.duration(to: .now) >= Self.retryInterval }) ?? true else { return false }
            last = .now
            return true
        }
        guard due else { return }
        let held = entries.withLock { entries in
            defer { entries = [] }
            return entries
        }
        guard !held.isEmpty else { return }
        do {
            try await db.write { db in
                for entry in held {
                    try await Audit.record(
                        entry.action, by: entry.actor, object: entry.object, summary: entry.summary, at: entry.at,
                        on: db)
                }
            }
        } catch {
            entries.withLock { $0.insert(contentsOf: held, at: 0) }
        }
    }
}
