import Fluent
import Foundation
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// DJ-IP-04: an account refused again and again, or walking through record numbers, raises one security alert; the
/// security administrator sees it, and so does a broken audit chain.
@Suite struct IntrusionAlertTests {
    @Test func theWatchCountsWithinTheWindowAndKeepsQuietAfterAnAlert() {
        let watch = IntrusionWatch(thresholds: .init(refusals: 3, misses: 5, window: 60, quiet: 600))
        let account = UUID()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }
        // Three refusals a minute apart never make three within the window.
        #expect([0, 61, 122].map { watch.observe(.refused, account: account, at: at($0)) } == [false, false, false])
        // Three within it do, once; the next ones within the quiet time do not.
        #expect([130, 131].map { watch.observe(.refused, account: account, at: at($0)) } == [false, true])
        #expect(
            [132, 300, 301, 302].map { watch.observe(.refused, account: account, at: at($0)) }.contains(true) == false)
        // Misses are counted apart, to their own threshold, and another account apart from this one.
        #expect((0..<5).map { watch.observe(.missing, account: account, at: at(140 + Double($0))) }.last == true)
        #expect(watch.observe(.refused, account: UUID(), at: at(140)) == false)
        // After the quiet time, a new burst alerts again.
        #expect([740, 741, 742].map { watch.observe(.refused, account: account, at: at($0)) } == [false, false, true])
    }

    @Test func fiftyRefusalsInAMinuteRaiseOneAlertForTheSecurityAdministrator() async throws {
        try await withTestApp { app in
            let liaison = try await app.signIn("lushan.zrzy")
            for _ in 0..<50 {
                #expect(try await app.send(.GET, "/audit", as: liaison).status == .forbidden)
            }
            #expect(try await app.auditEntries(.accessDenied).count == 50)
            let alerts = try await app.auditEntries(.intrusionSuspected)
            #expect(alerts.count == 1)
            let alert = try #require(alerts.first)
            #expect(alert.actorName == "lushan.zrzy")
            #expect(alert.regionPath == "410000/410400/410423")
            #expect(alert.summary == "账户 lushan.zrzy 在 1 分钟内被拒绝达 20 次，疑似越权尝试或遍历记录编号；最近一次：GET /audit")

            let security = try await app.signIn("secadmin")
            let page = try await app.send(.GET, "/admin/alerts", as: security)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("近 24 小时安全告警 1 条"))
            #expect(page.body.string.contains(alert.summary))
            #expect(page.body.string.contains("<strong>紧急</strong>"))
            let users = try await app.send(.GET, "/admin/users", as: security).body.string
            #expect(users.contains("近 24 小时有 1 条安全告警。"))
            // Nobody else reads the alerts.
            for name in ["lushan.zrzy", "henan.office", "sysadmin", "auditor"] {
                let other = try await app.signIn(name)
                #expect(try await app.send(.GET, "/admin/alerts", as: other).status == .forbidden, "\(name)")
            }
        }
    }

    @Test func walkingThroughRecordNumbersRaisesAnAlert() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            for _ in 0..<29 {
                #expect(try await app.send(.GET, "/items/\(UUID().uuidString)", as: office).status == .notFound)
            }
            #expect(try await app.auditEntries(.intrusionSuspected).isEmpty)
            #expect(try await app.send(.GET, "/api/v1/items/\(UUID().uuidString)", as: office).status == .notFound)
            let alert = try #require(try await app.auditEntries(.intrusionSuspected).first)
            #expect(alert.summary.hasPrefix("账户 lushan.office 在 1 分钟内请求不存在的记录或页面达 30 次"))
        }
    }

    @Test func aBrokenChainIsAnAlertAndSystemEntriesReachTheTopAuditor() async throws {
        try await withTestApp { app in
            let security = try await app.signIn("secadmin")
            #expect(try await app.send(.GET, "/admin/alerts", as: security).body.string.contains("近 24 小时没有安全告警"))
            let sql = try app.db.sql()
            try await sql.raw(
                app.isPostgres
                    ? "DROP TRIGGER audit_entries_append_only ON audit_entries" : "DROP TRIGGER audit_entries_no_delete"
            ).run()
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 1").run()
            let verdict = try await verifyAuditChain(app)
            #expect(verdict.problems == ["第 1 条缺失（被删除）"])
            let alert = try #require(try await app.auditEntries(.auditChainBroken).first)
            #expect(alert.actorName == "system")
            #expect(alert.summary == "审计日志完整性校验未通过：第 1 条缺失（被删除）（已校验 1 条）")
            let page = try await app.send(.GET, "/admin/alerts", as: security).body.string
            #expect(page.contains(alert.summary))
            // The province auditor sees the system's entries (they carry no region).
            let auditor = try await app.signIn("auditor")
            #expect(try await app.send(.GET, "/audit", as: auditor).body.string.contains(alert.summary))
        }
    }
}
