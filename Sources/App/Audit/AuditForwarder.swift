import Fluent
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import SQLKit
import Vapor

/// Sends a copy of every audit entry to a central syslog collector over TCP (DJ-AU-08), in order and without gaps.
/// The audit log itself is the outbox: `audit_forwarding` keeps the last `seq` the collector was sent, so entries
/// written while the collector is down wait in the database and go once it is back, after a restart too. One
/// instance forwards at a time: it holds the row's lease, renewed on each pass.
final class AuditForwarder: LifecycleHandler, @unchecked Sendable {
    static let table = "audit_forwarding"
    static let batch = 500
    static let lease: TimeInterval = 30

    let collector: AppConfig.Collector
    let holder = UUID().uuidString
    private let lock = NSLock()
    private var channel: (any Channel)?
    private var task: Task<Void, Never>?

    init(collector: AppConfig.Collector) {
        self.collector = collector
    }

    private struct Cursor: Decodable {
        let seq: Int
    }

    /// Sends what the collector has not been sent, a batch at a time; the number sent. Nothing when another instance
    /// holds the lease. Throws when the collector cannot be reached, leaving the cursor where it was.
    func pass(_ app: Application) async throws -> Int {
        let sql = try app.db.sql()
        let now = Int64(app.clock.now().timeIntervalSince1970 * 1000)
        guard
            let cursor = try await sql.raw(
                """
                UPDATE audit_forwarding SET holder = \(bind: holder), held_until = \(bind: now + Int64(Self.lease * 1000))
                WHERE id = 1 AND (holder = \(bind: holder) OR held_until < \(bind: now)) RETURNING seq
                """
            ).first(decoding: Cursor.self)
        else { return 0 }
        var sent = 0
        var last = cursor.seq
        while true {
            let entries = try await AuditEntry.query(on: app.db).filter(\.$seq > last).sort(\.$seq).limit(Self.batch)
                .all()
            guard let final = entries.last else { break }
            let hostname = ProcessInfo.processInfo.hostName
            let pid = ProcessInfo.processInfo.processIdentifier
            var buffer = ByteBufferAllocator().buffer(capacity: entries.count * 600)
            for entry in entries { buffer.writeBytes(SyslogMessage.framed(entry, hostname: hostname, processID: pid)) }
            try await send(buffer, app)
            try await sql.raw(
                "UPDATE audit_forwarding SET seq = \(bind: final.seq) WHERE id = 1 AND holder = \(bind: holder)"
            ).run()
            sent += entries.count
            last = final.seq
            if entries.count < Self.batch { break }
        }
        return sent
    }

    /// Writes on the open connection, or a new one; a connection the collector closed is noticed and replaced.
    private func send(_ buffer: ByteBuffer, _ app: Application) async throws {
        let open = lock.withLock { self.channel.flatMap { $0.isActive ? $0 : nil } }
        let channel: any Channel
        if let open {
            channel = open
        } else {
            let tls = try collector.tls ? Self.tlsContext(collector) : nil
            let host = collector.host
            channel = try await ClientBootstrap(group: app.eventLoopGroup)
                .connectTimeout(.seconds(3))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        guard let tls else { return }
                        // An address is checked against the certificate's IP addresses, a name against its names.
                        let name = ClientAddress.isAddress(host) ? nil : host
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: name))
                    }
                }
                .connect(host: collector.host, port: collector.port).get()
            lock.withLock { self.channel = channel }
        }
        do {
            try await channel.writeAndFlush(buffer).get()
        } catch {
            try? await channel.close().get()
            throw error
        }
    }

    /// TLS 1.2 or later to the collector, its certificate verified against the configured CA (or the system's) and
    /// its name or address.
    static func tlsContext(_ collector: AppConfig.Collector) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let caFile = collector.caFile { configuration.trustRoots = .file(caFile) }
        return try NIOSSLContext(configuration: configuration)
    }

    /// Whether a connection to the collector is open.
    var isConnected: Bool { lock.withLock { channel?.isActive ?? false } }

    func didBootAsync(_ application: Application) async throws {
        let app = application
        let task = Task {
            var failing = false
            while !Task.isCancelled {
                do {
                    let sent = try await app.inFlight.hold("audit forwarding") { try await self.pass(app) }
                    if failing { app.logger.notice("audit collector reached again; \(sent) entries sent") }
                    failing = false
                } catch {
                    if !failing {
                        app.logger.error("audit collector \(self.collector) unreachable, entries wait: \(error)")
                    }
                    failing = true
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        lock.withLock { self.task = task }
    }

    func shutdownAsync(_ application: Application) async {
        let (task, channel) = lock.withLock { (self.task, self.channel) }
        task?.cancel()
        try? await channel?.close().get()
    }
}

/// The forwarding cursor: nothing sent yet, no holder.
struct CreateAuditForwarding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditForwarder.table)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("holder", .string, .required)
            .field("held_until", .int64, .required)
            .create()
        let sql = try database.sql()
        try await sql.raw("INSERT INTO audit_forwarding (id, seq, holder, held_until) VALUES (1, 0, '', 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditForwarder.table).delete()
    }
}
