import Fluent
import SQLKit
import Testing

@testable import App

/// A bulk write (the case import) gets a larger SQLite page cache only while it runs: the pooled connection has its
/// own size back afterwards, also when the write fails.
@Suite struct PageCacheTests {
    struct Failed: Error {}

    @Test func bulkWritesGiveTheirPageCacheBack() async throws {
        try await withTestApp(demo: false) { app in
            try await app.db.transaction { db in
                let sql = try db.sql()
                guard sql.dialect == .sqlite else {
                    let answer = try await db.withPageCache(megabytes: 64) { 7 }
                    #expect(answer == 7)
                    return
                }
                func size() async throws -> Int {
                    try #require(try await sql.raw("PRAGMA cache_size").first()).decode(
                        column: "cache_size", as: Int.self)
                }
                #expect(try await size() == -2000)
                let inside = try await db.withPageCache(megabytes: 64) { try await size() }
                #expect(inside == -65536)
                #expect(try await size() == -2000)
                do {
                    try await db.withPageCache(megabytes: 64) { throw Failed() }
                    Issue.record("the failure was swallowed")
                } catch is Failed {}
                #expect(try await size() == -2000)
            }
        }
    }
}
