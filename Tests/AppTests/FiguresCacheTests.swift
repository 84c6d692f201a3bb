import Fluent
import FuyuanCore
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import App

/// Kept figures (`FiguresCache`) are reused only while nothing they were counted from has changed, whoever changes
/// it: the app, a statement typed into the database, a rolled-back transaction.
@Suite struct FiguresCacheTests {
    static let always = DayRange(from: CalendarDay(parsing: "2000-01-01")!, to: CalendarDay(parsing: "2026-12-31")!)

    @Test func keptFiguresFollowEveryChange() async throws {
        try await withTestApp { app in
            let sql = try app.db.sql()
            let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            @Sendable func figures(on db: (any Database)? = nil) async throws -> LitigationQueries.Result {
                try await LitigationQueries.figures(
                    region: lushan, unit: nil, period: Self.always, breakdown: .unit, on: db ?? app.db)
            }
            func row(_ unit: UUID, in result: LitigationQueries.Result) -> LitigationQueries.Row? {
                result.rows.first { $0.key == unit.uuidString }
            }
            let cases = try await AdminCase.query(on: app.db).filter(\.$region.$id == lushan.requireID())
                .sort(\.$caseNumber).all()
            let before = try await figures()
            #expect(before.current.received == cases.count)
            let generation = try await FiguresCache.current(on: sql)
            #expect(try await figures().rows.map(\.figures) == before.rows.map(\.figures))
            #expect(try await FiguresCache.current(on: sql) == generation)

            // A statement typed into the database: a dismissal becomes a revocation, one more loss.
            let dismissed = try #require(cases.first { $0.outcome == .dismissed })
            try await sql.raw(
                "UPDATE admin_cases SET outcome = \(bind: Outcome.revoked.rawValue) WHERE id = \(bind: dismissed.id!)"
            ).run()
            let revoked = try await figures()
            #expect(revoked.current.losses == before.current.losses + 1)
            #expect(
                row(dismissed.$defendant.id, in: revoked)?.figures.losses
                    == (row(dismissed.$defendant.id, in: before)?.figures.losses ?? 0) + 1)

            // A change rolled back is neither shown afterwards nor kept for the change committed after it.
            let other = try #require(cases.first { $0.outcome == .dismissed && $0.id != dismissed.id })
            struct RolledBack: Error {}
            await #expect(throws: RolledBack.self) {
                try await app.db.transaction { db in
                    try await (try db.sql()).raw("DELETE FROM hearings").run()
                    try await (try db.sql()).raw("DELETE FROM admin_cases").run()
                    #expect(try await figures(on: db).current.received == 0)
                    throw RolledBack()
                }
            }
            #expect(try await figures().current == revoked.current)
            other.outcome = .compensation
            try await other.save(on: app.db)
            let compensated = try await figures()
            #expect(compensated.current.received == cases.count)
            #expect(compensated.current.losses == before.current.losses + 2)

            // A case deleted through the app's models, with its hearings.
            let gone = cases.last!
            try await Hearing.query(on: app.db).filter(\.$adminCase.$id == gone.requireID()).delete()
            try await gone.delete(on: app.db)
            #expect(try await figures().current.received == cases.count - 1)

            // A unit renamed: its row carries the new name.
            let unit = try #require(try await Unit.find(dismissed.$defendant.id, on: app.db))
            unit.name = "鲁山县改名后的单位"
            try await unit.save(on: app.db)
            #expect(row(dismissed.$defendant.id, in: try await figures())?.label == "鲁山县改名后的单位")
        }
    }

    @Test func aSecondLookAtTheDashboardCountsNothingAgain() async throws {
        try await withTestApp { app in
            let log = QueryLog()
            app.middleware.use(QueryLog.Middleware(log: log), at: .beginning)
            let session = try await app.signIn("pds.office")
            func statements() async throws -> [String] {
                try await log.recording {
                    let page = try await app.send(.GET, "/regions/410400/litigation", as: session)
                    #expect(page.status == .ok)
                }
            }
            let first = try await statements()
            let second = try await statements()
            // The figures by unit, the chart and the lower regions: each counted once, then one small read each.
            #expect(first.filter { $0.contains("admin_cases") }.count == 3)
            #expect(second.filter { $0.contains("admin_cases") }.isEmpty)
            #expect(second.filter { $0.contains("figures_generation") }.count == 3)
            #expect(second.count == first.count - 3)
        }
    }

    @Test func theFiguresAnswerIsKeptAsItsJSONUntilACaseChanges() async throws {
        try await withTestApp { app in
            let log = QueryLog()
            app.middleware.use(QueryLog.Middleware(log: log), at: .beginning)
            let session = try await app.signIn("lushan.office")
            struct Answer: Decodable {
                struct Figures: Decodable { let new: Int }
                let figures: Figures
            }
            func ask() async throws -> (body: String, new: Int, statements: [String]) {
                var body = ""
                let statements = try await log.recording {
                    let answer = try await app.send(
                        .GET, "/api/v1/litigation/figures?region=410423&from=2023-01-01&to=2023-12-31&breakdown=unit",
                        as: session)
                    #expect(answer.status == .ok)
                    body = answer.body.string
                }
                return (body, try JSONDecoder().decode(Answer.self, from: Data(body.utf8)).figures.new, statements)
            }
            let first = try await ask()
            let second = try await ask()
            #expect(first.new == 47)
            #expect(first.statements.contains { $0.contains("admin_cases") })
            // The session, the region and the generation: the same bytes, neither counted nor written again.
            #expect(second.statements.count == 3)
            #expect(second.statements.last?.contains("figures_generation") == true)
            #expect(second.body == first.body)
            let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let gone = try #require(
                try await AdminCase.query(on: app.db).filter(\.$region.$id == lushan.requireID())
                    .filter(\.$filedOn >= "2023-01-01").filter(\.$filedOn <= "2023-12-31").first())
            try await Hearing.query(on: app.db).filter(\.$adminCase.$id == gone.requireID()).delete()
            try await gone.delete(on: app.db)
            let third = try await ask()
            #expect(third.statements.contains { $0.contains("admin_cases") })
            #expect(third.new == 46)
        }
    }

    @Test func theCasesListTotalIsKeptUntilACaseChanges() async throws {
        try await withTestApp { app in
            let log = QueryLog()
            app.middleware.use(QueryLog.Middleware(log: log), at: .beginning)
            let session = try await app.signIn("lushan.office")
            func total() async throws -> (total: Int, counted: Bool) {
                var total = -1
                let statements = try await log.recording {
                    let answer = try await app.send(.GET, "/api/v1/litigation/cases?region=410423", as: session)
                    total = try JSONDecoder().decode(
                        LitigationAPI.CasePage.self, from: Data(answer.body.readableBytesView)
                    ).total
                }
                return (total, statements.contains { $0.contains("COUNT(*) AS n FROM admin_cases") })
            }
            // 鲁山县's demo cases: 114 from the seeds, 14 of this year and the last (`DemoLitigation.recent`), one of 2024.
            #expect(try await total() == (129, true))
            #expect(try await total() == (129, false))
            let gone = try #require(try await AdminCase.query(on: app.db).sort(\.$caseNumber).first())
            try await Hearing.query(on: app.db).filter(\.$adminCase.$id == gone.requireID()).delete()
            try await gone.delete(on: app.db)
            #expect(try await total() == (128, true))
        }
    }

    @Test func theGenerationRisesOncePerRowOnSQLiteAndOncePerTransactionOnPostgreSQL() async throws {
        try await withTestApp { app in
            let sql = try app.db.sql()
            let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let rows = try await AdminCase.query(on: app.db).filter(\.$region.$id == lushan.requireID()).count()
            #expect(rows == 129)
            let before = try await FiguresCache.current(on: sql)
            try await sql.raw("UPDATE admin_cases SET filed_on = filed_on WHERE region_id = \(bind: lushan.id!)").run()
            let once = try await FiguresCache.current(on: sql)
            #expect(once.epoch == before.epoch)
            #expect(once.n - before.n == (app.isPostgres ? 1 : rows))
            // Two statements on two tables in one transaction; on PostgreSQL the raise waits for the commit.
            try await app.db.transaction { db in
                let sql = try db.sql()
                try await sql.raw("UPDATE admin_cases SET filed_on = filed_on WHERE region_id = \(bind: lushan.id!)")
                    .run()
                try await sql.raw("UPDATE units SET name = name WHERE region_id = \(bind: lushan.id!)").run()
                if app.isPostgres { #expect(try await FiguresCache.current(on: sql) == once) }
            }
            let units = try await Unit.query(on: app.db).filter(\.$region.$id == lushan.requireID()).count()
            #expect(try await FiguresCache.current(on: sql).n - once.n == (app.isPostgres ? 1 : rows + units))
        }
    }

    @Test func aWriterDoesNotWaitForAnotherTransactionsRaise() async throws {
        try await withTestApp { app in
            guard app.isPostgres else { return }  // SQLite has one writer at a time anyway.
            let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            try await app.db.transaction { open in
                // A long import's transaction has written cases and not yet committed ...
                try await (try open.sql()).raw(
                    "UPDATE admin_cases SET filed_on = filed_on WHERE region_id = \(bind: lushan.id!)"
                ).run()
                // ... while someone else renames a unit and commits, without waiting for it.
                try await app.db.transaction { other in
                    let sql = try other.sql()
                    try await sql.raw("SET LOCAL lock_timeout = '2s'").run()
                    try await sql.raw("UPDATE units SET name = name WHERE region_id = \(bind: lushan.id!)").run()
                }
            }
        }
    }

    @Test func keepsTheRecentlyUsedWithinItsCapacity() async throws {
        let cache = FiguresCache(capacity: 10)
        let counted = NIOLockedValueBox(0)
        func ask(_ query: String, _ n: Int = 1, weight: Int = 4) async throws -> String {
            try await cache.value(query, at: .init(epoch: "e", n: n), weight: { _ in weight }) {
                counted.withLockedValue { $0 += 1 }
                return "\(query)@\(n)"
            }
        }
        #expect(try await ask("a") == "a@1")
        #expect(try await ask("b") == "b@1")
        #expect(try await ask("a") == "a@1")
        #expect(counted.withLockedValue { $0 } == 2)
        // A third answer of weight 4 does not fit beside two: the least recently used (b) goes.
        _ = try await ask("c")
        #expect(await cache.kept == (2, 8))
        _ = try await ask("a")
        #expect(counted.withLockedValue { $0 } == 3)
        _ = try await ask("b")
        #expect(counted.withLockedValue { $0 } == 4)
        // A new generation drops the older one's answers; an answer heavier than the whole capacity is not kept.
        #expect(try await ask("a", 2) == "a@2")
        #expect(await cache.kept == (1, 4))
        _ = try await ask("huge", 2, weight: 11)
        #expect(await cache.kept == (1, 4))
        // An answer counted at a generation older than one kept is given but not kept.
        #expect(try await ask("b", 1) == "b@1")
        #expect(await cache.kept == (1, 4))
        _ = try await ask("b", 1)
        #expect(counted.withLockedValue { $0 } == 8)
    }

    @Test func concurrentAskersWaitForOneCountAndAFailureIsNotKept() async throws {
        let cache = FiguresCache(capacity: 10)
        let counted = NIOLockedValueBox(0)
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await cache.value("slow", at: .init(epoch: "e", n: 1), weight: { _ in 1 }) {
                        counted.withLockedValue { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(200))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: 42, count: 8))
        #expect(counted.withLockedValue { $0 } == 1)
        struct Broken: Error {}
        await #expect(throws: Broken.self) {
            _ = try await cache.value("broken", at: .init(epoch: "e", n: 1), weight: { (_: Int) in 1 }) {
                throw Broken()
            }
        }
        #expect(await cache.kept == (1, 1))
    }
}
