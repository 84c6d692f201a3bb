import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The security administrator acknowledges an alert once, with a note of what was done; the note is kept in the
/// audit log and shown beside the alert (issue 28).
@Suite struct SecurityAlertTests {
    /// Five wrong passwords lock 鲁山县自然资源局's liaison: an alert of 鲁山县.
    func lockout(_ app: Application) async throws -> AuditEntry {
        for _ in 0..<5 {
            _ = try await app.send(
                .POST, "/api/v1/auth/login", json: ["username": "lushan.zrzy", "password": "Wrong#123"])
        }
        return try #require(try await app.auditEntries(.accountLocked).first)
    }

    @Test func anAlertIsAcknowledgedOnceWithItsNote() async throws {
        try await withTestApp { app in
            let alert = try await lockout(app)
            let path = "/admin/alerts/\(alert.id!.uuidString)/acknowledge"
            let security = try await app.signIn("secadmin")
            let empty = try await app.send(.POST, path, as: security, form: [("note", "  ")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("处置情况：请写明核实与处置的情况"))
            let done = try await app.send(.POST, path, as: security, form: [("note", "已电话核实为本人输错密码，已解锁")])
            #expect(done.status == .seeOther)
            #expect(
                try await app.auditEntries(.alertAcknowledged).map(\.summary) == [
                    "处置账户锁定（lushan.zrzy）：已电话核实为本人输错密码，已解锁"
                ])
            #expect(try await app.auditEntries(.alertAcknowledged).map(\.objectID) == [alert.id!.uuidString])
            let page = try await app.send(.GET, "/admin/alerts", as: security)
            #expect(page.text.contains("已处置：处置账户锁定（lushan.zrzy）：已电话核实为本人输错密码，已解锁"))
            let again = try await app.send(.POST, path, as: security, form: [("note", "再次处置")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("该告警已处置"))
            #expect(try await app.auditEntries(.alertAcknowledged).count == 1)
        }
    }

    @Test func onlyTheSecurityAdministratorAcknowledgesAndOnlyAlerts() async throws {
        try await withTestApp { app in
            let alert = try await lockout(app)
            let path = "/admin/alerts/\(alert.id!.uuidString)/acknowledge"
            for name in ["sysadmin", "auditor", "lushan.office"] {
                let session = try await app.signIn(name)
                #expect(try await app.send(.POST, path, as: session, form: [("note", "看过")]).status == .forbidden)
            }
            // An entry that is not an alert is not found among the alerts.
            let security = try await app.signIn("secadmin")
            let signIn = try #require(try await app.auditEntries(.signIn).first)
            let notAlert = try await app.send(
                .POST, "/admin/alerts/\(signIn.id!.uuidString)/acknowledge", as: security, form: [("note", "看过")])
            #expect(notAlert.status == .notFound)
            #expect(try await app.auditEntries(.alertAcknowledged).isEmpty)
        }
    }
}
