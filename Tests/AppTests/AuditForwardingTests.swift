import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App

/// DJ-AU-08: a copy of every audit entry reaches a syslog collector, in order, whole enough to check the chain; while
/// the collector is down entries wait in the database and go when it is back; one instance forwards at a time.
@Suite struct AuditForwardingTests {
    func collector(_ app: Application) async throws -> SyslogCollector {
        let collector = SyslogCollector(group: app.eventLoopGroup)
        try await collector.start()
        return collector
    }

    func forwarder(to collector: SyslogCollector) -> AuditForwarder {
        AuditForwarder(collector: AppConfig.Collector("tcp://127.0.0.1:\(collector.port)")!)
    }

    func cursor(_ app: Application) async throws -> Int {
        struct Row: Decodable { let seq: Int }
        return try await (try app.db.sql()).raw("SELECT seq FROM audit_forwarding WHERE id = 1")
            .first(decoding: Row.self)!.seq
    }

    func entryCount(_ app: Application) async throws -> Int { try await AuditEntry.query(on: app.db).count() }

    /// The structured data's parameters, unescaped.
    func parameters(_ message: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in message.matches(of: /(\w+)="((?:[^"\\]|\\.)*)"/) {
            result[String(match.1)] = String(match.2).replacing(/\\(.)/) { String($0.1) }
        }
        return result
    }

    /// The entry a message describes, rebuilt from the message alone.
    func rebuilt(_ message: String) throws -> AuditEntry {
        let fields = parameters(message)
        let header = try #require(
            message.wholeMatch(of: /<\d+>1 (\S+) \S+ fuyuan \d+ (\S+) \[.*\] \u{FEFF}(.*)/.dotMatchesNewlines()))
        let entry = AuditEntry()
        #expect(header.1.hasSuffix("+08:00"))
        entry.at = try Date.ISO8601FormatStyle(timeZoneSeparator: .colon, includingFractionalSeconds: true)
            .parse(String(header.1))
        entry.action = String(header.2)
        entry.summary = String(header.3)
        entry.seq = Int(fields["seq"] ?? "") ?? -1
        entry.previousHash = fields["previousHash"] ?? ""
        entry.actorID = fields["actorID"].flatMap(UUID.init(uuidString:))
        entry.actorName = fields["actor"] ?? ""
        entry.regionPath = fields["region"] ?? ""
        entry.ipAddress = fields["ip"] ?? ""
        entry.objectType = fields["objectType"] ?? ""
        entry.objectID = fields["objectID"] ?? ""
        entry.before = fields["before"]
        entry.after = fields["after"]
        entry.hash = fields["hash"] ?? ""
        return entry
    }

    /// RFC 5425: over TLS to a collector whose certificate the configured CA signed; to one it did not sign, nothing
    /// is sent and the cursor stays (issue 28).
    @Test func entriesGoOverTLSToTheCollectorTheCASigned() async throws {
        try await withTestApp { app in
            let (caFile, tls) = try SyslogCollector.selfSignedTLS(in: app.config.dataDirectory + "/tls")
            let collector = SyslogCollector(group: app.eventLoopGroup, tls: tls)
            try await collector.start()
            let forwarder = AuditForwarder(
                collector: try #require(AppConfig.Collector("tls://127.0.0.1:\(collector.port)", caFile: caFile)))
            let count = try await entryCount(app)
            #expect(try await forwarder.pass(app) == count)
            let messages = try await collector.waitFor(count)
            #expect(messages.count == count)
            #expect(try messages.map { try rebuilt($0).seq } == Array(1...count))

            // A collector with a certificate of its own, which the configured CA did not sign, is refused.
            let (_, other) = try SyslogCollector.selfSignedTLS(in: app.config.dataDirectory + "/other")
            let impostor = SyslogCollector(group: app.eventLoopGroup, tls: other)
            try await impostor.start()
            // As a second instance would after the first one's lease ran out.
            try await (try app.db.sql()).raw("UPDATE audit_forwarding SET seq = 0, holder = '', held_until = 0").run()
            let misled = AuditForwarder(
                collector: try #require(AppConfig.Collector("tls://127.0.0.1:\(impostor.port)", caFile: caFile)))
            await #expect(throws: (any Error).self) { try await misled.pass(app) }
            #expect(try await cursor(app) == 0)
            #expect(impostor.messages.isEmpty)
            try await collector.stop()
            try await impostor.stop()
        }
    }

    @Test func everyEntryArrivesInOrderAndTheCopyChecksOnItsOwn() async throws {
        try await withTestApp { app in
            let collector = try await collector(app)
            let forwarder = forwarder(to: collector)
            let office = try await app.signIn("lushan.office")
            _ = try await app.send(
                .POST, "/regions/410423/units", as: office, form: [("name", "鲁山县\"信访\"局]"), ("kind", "department")])
            let count = try await entryCount(app)
            #expect(try await forwarder.pass(app) == count)
            #expect(try await cursor(app) == count)
            let messages = try await collector.waitFor(count)
            #expect(messages.count == count)
            var previous = AuditChain.genesis
            for (index, message) in messages.enumerated() {
                let entry = try rebuilt(message)
                #expect(entry.seq == index + 1)
                #expect(entry.previousHash == previous)
                #expect(AuditChain.hash(of: entry) == entry.hash, "\(message)")
                previous = entry.hash
            }
            let unit = try #require(messages.last)
            #expect(unit.hasPrefix("<110>1 "))
            let pid = ProcessInfo.processInfo.processIdentifier
            #expect(unit.contains(" fuyuan \(pid) unit.created [fuyuan@32473 seq=\"\(count)\" "))
            #expect(unit.hasSuffix("\u{FEFF}新建单位：鲁山县 鲁山县\"信访\"局]"))
            #expect(parameters(unit)["actor"] == "lushan.office")
            #expect(parameters(unit)["region"] == "410000/410400/410423")
            // Nothing new, nothing sent.
            #expect(try await forwarder.pass(app) == 0)
            #expect(collector.messages.count == count)
            try await collector.stop()
        }
    }

    @Test func entriesWaitWhileTheCollectorIsDownAndGoWhenItIsBack() async throws {
        try await withTestApp { app in
            let collector = try await collector(app)
            let forwarder = forwarder(to: collector)
            let first = try await forwarder.pass(app)
            // What was sent has arrived before the collector goes down (it was sometimes still in flight).
            _ = try await collector.waitFor(first)
            try await collector.stop()
            let deadline = Date().addingTimeInterval(5)
            while forwarder.isConnected, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(forwarder.isConnected == false)
            // The collector is down: a refusal of 20 raises an alert, and nothing leaves.
            let liaison = try await app.signIn("lushan.zrzy")
            for _ in 0..<20 { _ = try await app.send(.GET, "/audit", as: liaison) }
            let count = try await entryCount(app)
            #expect(count == first + 22)
            await #expect(throws: (any Error).self) { try await forwarder.pass(app) }
            #expect(try await cursor(app) == first)
            // Back: what waited goes, once, in order.
            try await collector.start()
            #expect(try await forwarder.pass(app) == 22)
            let messages = try await collector.waitFor(count)
            #expect(messages.map { try! rebuilt($0).seq } == Array(1...count))
            let alert = try #require(messages.last)
            #expect(alert.hasPrefix("<105>1 "))
            #expect(alert.contains(" security.intrusion_suspected [fuyuan@32473 "))
            try await collector.stop()
        }
    }

    @Test func oneInstanceForwardsAtATimeAndAnotherTakesOverWhenItStops() async throws {
        try await withTestApp { app in
            let collector = try await collector(app)
            let (one, two) = (forwarder(to: collector), forwarder(to: collector))
            let count = try await entryCount(app)
            #expect(try await one.pass(app) == count)
            _ = try await app.signIn("lushan.office")
            #expect(try await two.pass(app) == 0)
            app.clock.advance(by: AuditForwarder.lease + 1)
            #expect(try await two.pass(app) == 1)
            #expect(try await one.pass(app) == 0)
            #expect(try await collector.waitFor(count + 1).count == count + 1)
            try await collector.stop()
        }
    }

    @Test func theRunningForwarderDeliversWithinSeconds() async throws {
        try await withTestApp { app in
            let collector = try await collector(app)
            let forwarder = forwarder(to: collector)
            try await forwarder.didBootAsync(app)
            let count = try await entryCount(app)
            #expect(try await collector.waitFor(count).count == count)
            _ = try await app.signIn("lushan.office")
            let messages = try await collector.waitFor(count + 1, seconds: 3)
            #expect(messages.count == count + 1)
            #expect(messages.last?.contains(" auth.sign_in [fuyuan@32473 ") == true)
            await forwarder.shutdownAsync(app)
            try await collector.stop()
        }
    }
}

@Suite struct SyslogMessageTests {
    @Test func theTimeIsShanghaiTimeWithTheMillisecondsTheChainHashes() {
        // 2026-11-24 08:53:05.4195 UTC, stored as .420 by `Audit.record`.
        let date = Date(timeIntervalSince1970: 1_795_510_385.4195)
        #expect(SyslogMessage.timestamp(date) == "2026-11-24T16:53:05.420+08:00")
        #expect(
            SyslogMessage.timestamp(Date(timeIntervalSince1970: 1_795_510_385.0004)) == "2026-11-24T16:53:05.000+08:00")
    }

    @Test func headerFieldsArePrintableAndValuesEscaped() {
        #expect(SyslogMessage.printable("府院 host", limit: 255) == "___host")
        #expect(SyslogMessage.printable("", limit: 255) == "-")
        #expect(SyslogMessage.escaped(#"a"b\c]d"#) == #"a\"b\\c\]d"#)
    }
}
