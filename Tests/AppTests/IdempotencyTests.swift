import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// A creating request sent again with its `Idempotency-Key` gets the first answer and creates nothing more.
@Suite struct IdempotencyTests {
    func create(_ app: Application, _ session: TestSession, key: String?, name: String) async throws
        -> TestingHTTPResponse
    {
        try await app.send(
            .POST, "/api/v1/regions/410423/units", as: session, json: ["name": name, "kind": "department"],
            headers: key.map { [("Idempotency-Key", $0)] } ?? [])
    }

    func count(_ app: Application, _ name: String) async throws -> Int {
        try await App.Unit.query(on: app.db).filter(\.$name == name).count()
    }

    @Test func aRetryReplaysTheFirstAnswer() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let first = try await create(app, office, key: "unit-1", name: "鲁山县信访局")
            #expect(first.status == .created)
            let again = try await create(app, office, key: "unit-1", name: "鲁山县信访局")
            #expect(again.status == .created)
            #expect(again.text == first.text)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await count(app, "鲁山县信访局") == 1)
            #expect(try await app.auditEntries(.unitCreated).count == 1)

            let other = try await create(app, office, key: "unit-1", name: "鲁山县统计局")
            #expect(other.status == .unprocessableEntity)
            #expect(other.text.contains("Idempotency-Key “unit-1” 已用于另一个请求"))
            // Keys belong to their user.
            let court = try await app.signIn("lushan.court")
            #expect(try await create(app, court, key: "unit-1", name: "鲁山县统计局").status == .forbidden)
            // A refused request takes no key.
            let refused = try await create(app, office, key: "unit-2", name: "")
            #expect(refused.status == .unprocessableEntity)
            #expect(try await create(app, office, key: "unit-2", name: "鲁山县统计局").status == .created)
            #expect(
                try await app.send(
                    .POST, "/api/v1/regions/410423/units", as: office, json: ["name": "x"],
                    headers: [("Idempotency-Key", "bad key")]
                ).status == .badRequest)
        }
    }

    @Test func concurrentDuplicatesCreateOnce() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 1...12 {
                    group.addTask { try await create(app, office, key: "same", name: "鲁山县并发单位").status.code }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(try await count(app, "鲁山县并发单位") == 1)
            #expect(statuses.allSatisfy { $0 == 201 || $0 == 409 })
            #expect(statuses.contains(201))
            #expect(try await IdempotencyKey.query(on: app.db).filter(\.$key == "same").count() == 1)
        }
    }

    /// The write committed but the process died before the answer was kept: the retry must not write again.
    @Test func aKeyWhoseAnswerWasLostIsNotRunAgain() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            _ = try await create(app, office, key: "lost", name: "鲁山县档案馆")
            let record = try #require(try await IdempotencyKey.query(on: app.db).filter(\.$key == "lost").first())
            record.status = nil
            record.body = nil
            try await record.update(on: app.db)
            let retry = try await create(app, office, key: "lost", name: "鲁山县档案馆")
            #expect(retry.status == .conflict)
            #expect(retry.text.contains("already_done"))
            #expect(try await count(app, "鲁山县档案馆") == 1)
        }
    }
}
