import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A syslog collector on loopback: keeps every byte it is sent, across stops and restarts on the same port, and
/// splits them into RFC 6587 octet-counted messages.
final class SyslogCollector: @unchecked Sendable {
    private let received = NIOLockedValueBox([UInt8]())
    private let connections = NIOLockedValueBox([any Channel]())
    private let group: any EventLoopGroup
    private var server: (any Channel)?
    private(set) var port = 0
    /// Set, the collector speaks TLS (RFC 5425) with this certificate.
    private let tls: NIOSSLContext?

    init(group: any EventLoopGroup, tls: NIOSSLContext? = nil) {
        self.group = group
        self.tls = tls
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
                return channel.eventLoop.makeCompletedFuture {
                    if let tls = self.tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(Sink(self))
                }
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

extension SyslogCollector {
    /// A certificate for 127.0.0.1 made by `openssl`, self-signed so that it is its own CA: (the PEM file of the
    /// certificate, the server's TLS context).
    static func selfSignedTLS(in directory: String, name: String = "127.0.0.1") throws -> (
        caFile: String, NIOSSLContext
    ) {
        let key = directory + "/collector-key.pem"
        let certificate = directory + "/collector-cert.pem"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", certificate, "-days", "2", "-subj", "/CN=fuyuan-test-collector",
            "-addext", name.first?.isNumber == true ? "subjectAltName=IP:\(name)" : "subjectAltName=DNS:\(name)",
            "-addext", "basicConstraints=critical,CA:TRUE",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        return (certificate, try NIOSSLContext(configuration: configuration))
    }
}
