import Fluent
import Testing
import VaporTesting

@testable import App

/// DJ-AC-07 with an injected clock: business accounts unused for 90 days are disabled; recent sign-ins, recently
/// used API tokens and the administrators keep theirs.
@Suite struct DormancyTests {
    @Test func accountsUnusedForNinetyDaysAreDisabledOnce() async throws {
        try await withTestApp { app in
            let rsj = try await app.user(named: "weidong.rsj")
            let token = "fy_" + Secret.make()
            try await APIToken(
                name: "人社局系统", tokenHash: Secret.digest(token), userID: rsj.id!, createdBy: "sysadmin"
            ).create(on: app.db)
            app.clock.advance(by: 80 * 86_400)
            _ = try await app.signIn("lushan.office")
            let used = try await app.send(.GET, "/api/v1/me", headers: [("Authorization", "Bearer \(token)")])
            #expect(used.status == .ok)
            app.clock.advance(by: 11 * 86_400)

            let names = try await runDormancyCheck(app)
            // 17 business accounts in the demo; lushan.office signed in 11 days ago, weidong.rsj's token was used.
            #expect(names.count == 15)
            #expect(!names.contains("lushan.office") && !names.contains("weidong.rsj"))
            #expect(names.contains("lushan.zrzy") && names.contains("henan.leader"))
            #expect(try await User.query(on: app.db).filter(\.$isActive == false).count() == 15)
            for administrator in ["sysadmin", "secadmin", "auditor"] {
                #expect(try await app.user(named: administrator).isActive)
            }
            let entry = try #require(try await app.auditEntries(.dormantDisabled).first)
            #expect(entry.summary.hasPrefix("停用 90 日未登录的账户 15 个：anyang.leader、anyang.office、"))
            // A disabled account cannot sign in; nothing more to disable the next day.
            let refused = try await app.send(
                .POST, "/api/v1/auth/login", json: ["username": "lushan.zrzy", "password": DemoData.password])
            #expect(refused.status == .unauthorized)
            #expect(try await runDormancyCheck(app).isEmpty)
            #expect(try await app.auditEntries(.dormantDisabled).count == 1)
        }
    }

    @Test func zeroDaysNeverDisables() async throws {
        try await withTestApp { app in
            app.clock.advance(by: 400 * 86_400)
            let disabled = try await Dormancy.disable(on: app.db, now: app.clock.now(), days: 0)
            #expect(disabled.isEmpty)
            #expect(try await User.query(on: app.db).filter(\.$isActive == false).count() == 0)
        }
    }
}
