import Foundation
import NIOCore
import PostgresNIO
import SQLiteNIO
import Synchronization
import Vapor

/// The server's storage is full: the SQLite file or its journal cannot grow, PostgreSQL's disk is full, or a file
/// (an attachment, an upload's spool) cannot be written. Nothing half-written stays — the transaction rolls back and
/// partial files are removed — so the answer is 507 and the person may send the same thing again once an operator
/// has made room. Reading and signing in go on meanwhile (`StandInSession`).
enum StorageFull {
    static let refusal = AppError(
        status: .insufficientStorage, code: "storage_full",
        reason: "服务器存储空间已满，本次操作未保存（已保存的数据不受影响）；请联系系统管理员清理存储空间后重试")

    /// Below this much free space on the data directory's file system `/health/ready` reports full storage: SQLite
    /// needs room for its journal before a write can commit.
    static let floor: UInt64 = 16 << 20

    static func holds(_ error: any Error) -> Bool {
        switch error {
        case let sqlite as SQLiteError: return sqlite.reason == .full
        case let postgres as PSQLError:
            let state = postgres.serverInfo?[.sqlState] ?? ""
            return state == "53100"  // disk_full
        case let io as IOError: return [ENOSPC, EDQUOT].contains(io.errnoCode)
        case let app as AppError: return app.code == refusal.code
        default:
            let error = error as NSError
            if error.domain == NSPOSIXErrorDomain { return [Int(ENOSPC), Int(EDQUOT)].contains(error.code) }
            if error.domain == NSCocoaErrorDomain {
                return error.code == CocoaError.Code.fileWriteOutOfSpace.rawValue
                    || (error.userInfo[NSUnderlyingErrorKey] as? any Error).map(holds) ?? false
            }
            return false
        }
    }

    /// Free bytes on the file system that holds `path`, or nil when it cannot be asked.
    static func freeBytes(at path: String) -> UInt64? {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { return nil }
        return UInt64(status.f_bavail) * UInt64(status.f_frsize)
    }
}

/// Remembers the last write refused for full storage, per instance, until a write succeeds again or a minute has
/// passed: on PostgreSQL the database's disk cannot be measured from here, so `/health/ready` goes by what writes met.
final class StorageWatch: Sendable {
    /// The watch of the app answering the current request, so that a committed write can clear it.
    @TaskLocal static var current: StorageWatch?

    private let lastRefusal = Mutex<ContinuousClock.Instant?>(nil)
    static let memory: Duration = .seconds(60)
    let held = HeldAudit()
    let revocations = StandInSession.Revocations()

    func noteFull() { lastRefusal.withLock { $0 = .now } }
    func noteWritten() { lastRefusal.withLock { $0 = nil } }

    /// Whether storage is full as far as this instance can tell.
    func isFull(dataDirectory: String) -> Bool {
        if let free = StorageFull.freeBytes(at: dataDirectory), free < StorageFull.floor { return true }
        return lastRefusal.withLock { last in last.map { $0.duration(to: .now) < Self.memory } ?? false }
    }
}

extension Request {
    /// Runs `write` and, when storage is full, notes it and goes on: for the bookkeeping writes (a session's last use)
    /// that must not refuse a reader.
    func writeUnlessStorageFull(_ what: String, _ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch let error where StorageFull.holds(error) {
            application.storageWatch.noteFull()
            logger.warning("\(what) skipped: storage is full")
        }
    }
}

extension StorageWatch {
    /// Makes the watch the request's `current` one, and writes held audit entries once a request has gone through.
    struct Middleware: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let watch = request.application.storageWatch
            let response = try await StorageWatch.$current.withValue(watch) { try await next.respond(to: request) }
            if watch.held.count > 0, !watch.isFull(dataDirectory: request.application.config.dataDirectory) {
                await watch.held.write(on: request.db)
            }
            return response
        }
    }
}

extension Application {
    private struct StorageWatchKey: StorageKey {
        typealias Value = StorageWatch
    }

    /// Set by `configure`.
    var storageWatch: StorageWatch {
        get { storage[StorageWatchKey.self]! }
        set { storage[StorageWatchKey.self] = newValue }
    }
}
