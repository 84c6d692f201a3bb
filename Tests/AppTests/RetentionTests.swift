import Fluent
import Testing
import VaporTesting

@testable import App

/// DJ-PI-04 with an injected clock: the daily sweep deletes what has outlived its purpose and nothing else.
@Suite struct RetentionTests {
    @Test func theSweepDeletesExpiredSessionsOldReplaysAndOldLeasesOnce() async throws {
        try await withTestApp { app in
            let early = try await app.signIn("lushan.office")
            let unit = ["name": "鲁山县信访局", "kind": "department"]
            let first = try await app.send(
                .POST, "/api/v1/regions/410423/units", as: early, json: unit, headers: [("Idempotency-Key", "k-old")])
            #expect(first.status == .created)
            app.clock.advance(by: 25 * 3600)
            let late = try await app.signIn("weidong.office")
            let second = try await app.send(
                .POST, "/api/v1/regions/410403/units", as: late, json: ["name": "卫东区档案馆", "kind": "department"],
                headers: [("Idempotency-Key", "k-new")])
            #expect(second.status == .created)
            let now = app.clock.now()
            try await JobLease(name: "digest:old", holder: "a", at: now.addingTimeInterval(-31 * 86_400)).create(
                on: app.db)
            try await JobLease(name: "digest:today", holder: "a", at: now).create(on: app.db)

            let swept = try await Retention.sweep(on: app.db, now: now, config: app.config)
            #expect(swept == Retention.Swept(sessions: 1, idempotencyKeys: 1, leases: 1))
            #expect(try await app.send(.GET, "/api/v1/me", as: early).status == .unauthorized)
            #expect(try await app.send(.GET, "/api/v1/me", as: late).status == .ok)
            #expect(try await IdempotencyKey.query(on: app.db).all().map(\.key) == ["k-new"])
            #expect(try await JobLease.query(on: app.db).all().map(\.name) == ["digest:today"])
            // What the sweep kept still works: the recent key replays its answer.
            let replay = try await app.send(
                .POST, "/api/v1/regions/410403/units", as: late, json: ["name": "卫东区档案馆", "kind": "department"],
                headers: [("Idempotency-Key", "k-new")])
            #expect(replay.headers.first(name: "Idempotent-Replayed") == "true")
            let entries = try await app.auditEntries(.retentionSwept)
            #expect(entries.map(\.summary) == ["清理过期数据：会话 1 个，幂等记录 1 条，任务租约 1 条，投递记录 0 条"])
            #expect(entries.map(\.actorName) == ["system"])

            // Nothing more to sweep: no second entry.
            #expect(try await runRetentionSweep(app) == 0)
            #expect(try await app.auditEntries(.retentionSwept).count == 1)
            #expect(try await AuditChain.verify(on: app.db).intact)
        }
    }
}
