import Foundation
import FuyuanCore
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client over SwiftNIO (no Swift SMTP package is on the mirror; docs/dependencies.md): one message a
/// connection — greeting, EHLO, STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, MAIL, RCPT, DATA, QUIT — each reply
/// checked, the whole conversation under one deadline.
enum SMTPClient {
    /// Sends `message`; answers the server's reply to the end of DATA (`250 2.0.0 Ok: queued as …`).
    static func send(
        _ message: MailMessage, via server: MailServer, on group: any EventLoopGroup,
        timeout: Duration = .seconds(60)
    ) async throws -> String {
        let tls = server.security == .none ? nil : try tlsContext(server)
        let hostname = ClientAddress.isAddress(server.host) ? nil : server.host
        let implicit = server.security == .tls
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: group).connectTimeout(.seconds(10))
                .connect(host: server.host, port: server.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if implicit, let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: hostname))
                        }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DeliveryFailure(description: "无法连接邮件服务器 \(server.host):\(server.port)：\(error)")
        }
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                do {
                    return try await channel.executeThenClose { inbound, outbound in
                        var conversation = Conversation(
                            replies: inbound.makeAsyncIterator(), outbound: outbound, channel: channel.channel)
                        return try await conversation.run(message, server: server, tls: tls, hostname: hostname)
                    }
                } catch let failure as DeliveryFailure {
                    throw failure
                } catch let error as NIOSSLError {
                    throw DeliveryFailure(description: "与邮件服务器建立 TLS 失败（其证书是否受信任？可用 ca= 指定签发它的 CA）：\(error)")
                } catch {
                    throw DeliveryFailure(description: "与邮件服务器的连接中断：\(error)")
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() ?? nil else {
                channel.channel.close(promise: nil)
                throw DeliveryFailure(description: "邮件服务器 \(Int(timeout.components.seconds)) 秒内未完成应答")
            }
            return answer
        }
    }

    /// TLS 1.2 or later, the server's certificate verified against the configured CA (or the system's) and its name.
    static func tlsContext(_ server: MailServer) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile = server.caFile { configuration.trustRoots = .file(caFile) }
        return try NIOSSLContext(configuration: configuration)
    }

    /// One reply: its code and its lines' text.
    struct Reply {
        let code: Int
        let text: String
    }

    private struct Conversation {
        var replies: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        let channel: any Channel
        private var pending: [UInt8] = []

        init(
            replies: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
            outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, channel: any Channel
        ) {
            self.replies = replies
            self.outbound = outbound
            self.channel = channel
        }

        mutating func run(_ message: MailMessage, server: MailServer, tls: NIOSSLContext?, hostname: String?)
            async throws -> String
        {
            try await exchange(nil, shown: "问候", expect: [220])
            var features = try await command("EHLO \(Self.heloName)", expect: 250).text
            if server.security == .starttls, let tls {
                try await command("STARTTLS", expect: 220)
                // Anything that came along with the answer would be read as the server's inside TLS (a forgery).
                guard pending.isEmpty else {
                    throw DeliveryFailure(description: "邮件服务器在 STARTTLS 之前多发了数据，已中止以免被冒充")
                }
                let channel = channel
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: tls, serverHostname: hostname), position: .first)
                }.get()
                features = try await command("EHLO \(Self.heloName)", expect: 250).text
            }
            if !server.user.isEmpty { try await authenticate(server, features: features) }
            try await command("MAIL FROM:<\(message.from)>", expect: 250)
            try await command("RCPT TO:<\(message.to)>", expect: 250, 251)
            try await command("DATA", expect: 354)
            let body = message.rendered().split(separator: "\r\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            let answer = try await exchange(body + ".\r\n", shown: "邮件正文", expect: [250])
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
            return "\(answer.code) \(answer.text)"
        }

        private mutating func authenticate(_ server: MailServer, features: String) async throws {
            let mechanisms =
                features.split(whereSeparator: \.isNewline)
                .first { $0.uppercased().hasPrefix("AUTH") }.map { $0.uppercased().split(separator: " ") } ?? []
            if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
                let token = Data(([0] + Array(server.user.utf8) + [0] + Array(server.password.utf8)))
                try await exchange("AUTH PLAIN \(token.base64EncodedString())\r\n", shown: "AUTH PLAIN", expect: [235])
            } else {
                try await command("AUTH LOGIN", expect: 334)
                try await exchange(
                    Data(server.user.utf8).base64EncodedString() + "\r\n", shown: "AUTH LOGIN 用户名", expect: [334])
                try await exchange(
                    Data(server.password.utf8).base64EncodedString() + "\r\n", shown: "AUTH LOGIN 密码", expect: [235])
            }
        }

        private static let heloName =
            ProcessInfo.processInfo.hostName.isEmpty ? "fuyuan" : ProcessInfo.processInfo.hostName

        @discardableResult
        private mutating func command(_ line: String, expect codes: Int...) async throws -> Reply {
            try await exchange(line + "\r\n", shown: line, expect: codes)
        }

        /// Sends `text` (if any) and reads one reply; a reply of another code is a failure naming the step (`shown`,
        /// never a password) and quoting the server.
        @discardableResult
        private mutating func exchange(_ text: String?, shown: String, expect codes: [Int]) async throws -> Reply {
            if let text { try await outbound.write(ByteBuffer(string: text)) }
            let reply = try await read()
            guard codes.contains(reply.code) else {
                throw DeliveryFailure(
                    description: "邮件服务器拒绝（\(shown)）：\(reply.code) \(reply.text)",
                    permanent: (500..<600).contains(reply.code))
            }
            return reply
        }

        /// One reply, however many lines (`250-…` continues, `250 …` ends) and however the bytes arrive.
        private mutating func read() async throws -> Reply {
            var lines: [String] = []
            while true {
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[..<end], as: UTF8.self)
                        .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    pending.removeSubrange(...end)
                    guard line.count >= 3, let code = Int(line.prefix(3)) else {
                        throw DeliveryFailure(description: "邮件服务器的应答无法识别：\(line.prefix(200))")
                    }
                    lines.append(String(line.dropFirst(4)))
                    if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                        return Reply(code: code, text: lines.joined(separator: "\n"))
                    }
                }
                guard let buffer = try await replies.next() else {
                    throw DeliveryFailure(description: "邮件服务器断开了连接")
                }
                pending += buffer.readableBytesView
            }
        }
    }
}
