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

    @Test func theAuditCollectorIsATCPAddress() throws {
        #expect(try AppConfig.fromEnvironment([:]).auditCollector == nil)
        let collector = try AppConfig.fromEnvironment(["FUYUAN_AUDIT_SYSLOG": "tcp://10.1.2.3:601"]).auditCollector
        #expect(collector?.host == "10.1.2.3")
        #expect(collector?.port == 601)
        #expect(collector?.description == "tcp://10.1.2.3:601")
        for bad in ["udp://10.1.2.3:514", "tcp://10.1.2.3", "10.1.2.3:601", "tcp://:601", "tcp://h:601/x"] {
            #expect(
                problem(["FUYUAN_AUDIT_SYSLOG": bad]) == "FUYUAN_AUDIT_SYSLOG 须为 tcp://主机:端口，如 tcp://10.1.2.3:601",
                "\(bad)")
        }
    }
}
