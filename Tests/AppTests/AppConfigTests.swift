import Testing

@testable import App

/// The environment is read once at start; a bad value stops the start with the variable named.
@Suite struct AppConfigTests {
    func problem(_ env: [String: String]) -> String? {
        do {
            _ = try AppConfig.fromEnvironment(env)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theSecondFactorPolicyIsReadAndABadValueNamed() throws {
        #expect(try AppConfig.fromEnvironment([:]).secondFactorRequiredForAdministrators == false)
        #expect(
            try AppConfig.fromEnvironment(["FUYUAN_REQUIRE_SECOND_FACTOR": "administrators"])
                .secondFactorRequiredForAdministrators)
        #expect(
            try AppConfig.fromEnvironment(["FUYUAN_REQUIRE_SECOND_FACTOR": "none"])
                .secondFactorRequiredForAdministrators == false)
        #expect(
            problem(["FUYUAN_REQUIRE_SECOND_FACTOR": "yes"]) == "FUYUAN_REQUIRE_SECOND_FACTOR 须为 administrators 或 none")
        #expect(problem(["FUYUAN_PORT": "80000"]) == "FUYUAN_PORT 须为 1…65535 之间的整数")
    }

    @Test func theAuditCollectorIsATLSOrTCPAddress() throws {
        #expect(try AppConfig.fromEnvironment([:]).auditCollector == nil)
        let collector = try AppConfig.fromEnvironment(["FUYUAN_AUDIT_SYSLOG": "tcp://10.1.2.3:601"]).auditCollector
        #expect(collector?.host == "10.1.2.3")
        #expect(collector?.port == 601)
        #expect(collector?.tls == false)
        #expect(collector?.description == "tcp://10.1.2.3:601")
        let tls = try AppConfig.fromEnvironment([
            "FUYUAN_AUDIT_SYSLOG": "tls://syslog.gov.local:6514", "FUYUAN_AUDIT_SYSLOG_CA": "/etc/hostname",
        ]).auditCollector
        #expect(tls == AppConfig.Collector("tls://syslog.gov.local:6514", caFile: "/etc/hostname"))
        #expect(tls?.tls == true)
        #expect(tls?.description == "tls://syslog.gov.local:6514")
        for bad in ["udp://10.1.2.3:514", "tcp://10.1.2.3", "10.1.2.3:601", "tcp://:601", "tcp://h:601/x"] {
            #expect(
                problem(["FUYUAN_AUDIT_SYSLOG": bad])
                    == "FUYUAN_AUDIT_SYSLOG 须为 tls://主机:端口（RFC 5425）或 tcp://主机:端口，如 tls://10.1.2.3:6514",
                "\(bad)")
        }
        #expect(
            problem(["FUYUAN_AUDIT_SYSLOG": "tls://10.1.2.3:6514", "FUYUAN_AUDIT_SYSLOG_CA": "/nonexistent/ca.pem"])
                == "FUYUAN_AUDIT_SYSLOG_CA：无法读取 /nonexistent/ca.pem")
        #expect(
            problem(["FUYUAN_AUDIT_SYSLOG": "tcp://10.1.2.3:601", "FUYUAN_AUDIT_SYSLOG_CA": "/etc/hostname"])
                == "FUYUAN_AUDIT_SYSLOG_CA 只用于 tls:// 的采集端")
    }

    @Test func trustedProxiesAreAddresses() throws {
        #expect(try AppConfig.fromEnvironment([:]).trustedProxies.isEmpty)
        #expect(
            try AppConfig.fromEnvironment(["FUYUAN_TRUSTED_PROXIES": "10.0.0.1, fd00::1"]).trustedProxies == [
                "10.0.0.1", "fd00::1",
            ])
        #expect(
            problem(["FUYUAN_TRUSTED_PROXIES": "10.0.0.1,gateway"])
                == "FUYUAN_TRUSTED_PROXIES 须为逗号分隔的 IP 地址，“gateway”不是")
    }
}

/// AS-36: behind a trusted gateway the client is the address the gateway names; a header from anyone else is
/// ignored.
@Suite struct ClientAddressTests {
    let gateways: Set<String> = ["10.0.0.1", "10.0.0.2"]

    @Test func theGatewaysHeaderIsBelievedOnlyFromAGateway() {
        #expect(ClientAddress.resolve(peer: "10.9.8.7", forwardedFor: ["1.2.3.4"], trusted: gateways) == "10.9.8.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["10.9.8.7"], trusted: gateways) == "10.9.8.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: [], trusted: gateways) == "10.0.0.1")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: ["10.9.8.7"], trusted: gateways) == "unknown")
    }

    @Test func theRightmostAddressNotAGatewayIsTheClient() {
        // What the client wrote itself (1.1.1.1) stands left of what the gateways appended.
        let chain = ["1.1.1.1, 10.9.8.7", "10.0.0.2"]
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: chain, trusted: gateways) == "10.9.8.7")
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["fd00::9"], trusted: gateways) == "fd00::9")
        // Something that is no address is not taken.
        #expect(ClientAddress.resolve(peer: "10.0.0.1", forwardedFor: ["x<script>"], trusted: gateways) == "10.0.0.1")
    }
}
