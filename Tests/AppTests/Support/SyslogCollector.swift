import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A syslog collector on loopback: keeps every byte it is sent, across stops and restarts on the same port, and
/// splits them into RFC 6587 octet-counted messages.
final class SyslogCollector: @unchecked Sendable {
    private let received = NIOLockedValueBox([UInt8]())
    private let connections = NIOLockedValueBox([any Channel]())
    private let group: any EventLoopGroup
    private var server: (any Channel)?
    private(set) var port = 0

    init(group: any EventLoopGroup) {
        self.group = group
    }

    private final class Sink: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let collector: SyslogCollector
        init(_ collector: SyslogCollector) { self.collector = collector }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = Array(buffer: unwrapInboundIn(data))
            collector.received.withLockedValue { $0.append(contentsOf: bytes) }
        }
    }

    /// Listens on `port` (0: any free one, then kept for restarts).
    func start() async throws {
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                self.connections.withLockedValue { $0.append(channel) }
                return channel.pipeline.addHandler(Sink(self))
            }
            .bind(host: "127.0.0.1", port: port).get()
        self.server = server
        port = server.localAddress?.port ?? 0
    }

    /// Stops listening and drops every connection, as a collector that went down.
    func stop() async throws {
        try await server?.close().get()
        for connection in connections.withLockedValue({ list in
            defer { list = [] }; return list
        }) {
            try? await connection.close().get()
        }
    }

    /// The messages received so far.
    var messages: [String] {
        let bytes = received.withLockedValue { $0 }
        var messages: [String] = []
        var index = 0
        while let space = bytes[index...].firstIndex(of: UInt8(ascii: " ")),
            let length = Int(String(decoding: bytes[index..<space], as: UTF8.self)), space + 1 + length <= bytes.count
        {
            messages.append(String(decoding: bytes[(space + 1)..<(space + 1 + length)], as: UTF8.self))
            index = space + 1 + length
        }
        return messages
    }

    /// Waits up to `seconds` for at least `count` messages.
    func waitFor(_ count: Int, seconds: Double = 5) async throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while messages.count < count, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return messages
    }
}
