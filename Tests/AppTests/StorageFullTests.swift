import Fluent
import Foundation
import FuyuanCore
import NIOCore
import SQLKit
import SQLiteNIO
import Testing
import VaporTesting

@testable import App

/// A full disk refuses writes with 507 and nothing else: people still sign in and read (issue 35, point 6). The whole
/// of it on a real full file system is `scripts/disk-full-test.py`; here each part on both databases.
@Suite struct StorageFullTests {
    /// What SQLite, a file write and NIO raise when there is no room is recognised; other failures are not.
    @Test func fullStorageIsRecognisedFromEachSource() async throws {
        let connection = try await SQLiteConnection.open(storage: .memory)
        defer { Task { try? await connection.close() } }
        _ = try await connection.query("CREATE TABLE t (x TEXT)")
        let pages = try await connection.query("PRAGMA page_count")[0].column("page_count")?.integer ?? 0
        _ = try await connection.query("PRAGMA max_page_count = \(pages)")
        await #expect(throws: SQLiteError.self) {
            _ = try await connection.query("INSERT INTO t SELECT hex(zeroblob(8000))")
        }
        do {
            _ = try await connection.query("INSERT INTO t SELECT hex(zeroblob(8000))")
        } catch {
            #expect(StorageFull.holds(error), "\(error)")
        }
        let devFull = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        do {
            try devFull.write(contentsOf: Data(count: 4096))
            try devFull.synchronize()
            Issue.record("/dev/full took a write")
        } catch {
            #expect(StorageFull.holds(error), "\(error)")
        }
        #expect(StorageFull.holds(IOError(errnoCode: ENOSPC, reason: "write")))
        #expect(!StorageFull.holds(IOError(errnoCode: EACCES, reason: "open")))
        #expect(!StorageFull.holds(CancellationError()))
        do {
            _ = try await connection.query("INSERT INTO nowhere VALUES (1)")
        } catch {
            #expect(!StorageFull.holds(error))
        }
    }

    /// The refusal is 507 with a Chinese message, as JSON under /api and as a page elsewhere; `/health/ready` says so
    /// until a write commits again.
    @Test func aWriteRefusedForRoomIs507AndReadinessSaysSo() async throws {
        try await withTestApp { app in
            #expect(try await app.send(.GET, "/health/ready").text == #"{"status":"ok"}"#)
            let full = IOError(errnoCode: ENOSPC, reason: "write")
            let api = Request(application: app, method: .POST, url: "/api/v1/items", on: app.eventLoopGroup.next())
            let answer = ErrorResponder().render(full, for: api)
            #expect(answer.status == .insufficientStorage)
            #expect(
                answer.body.string
                    == #"{"error":{"code":"storage_full","message":"服务器存储空间已满，本次操作未保存（已保存的数据不受影响）；请联系系统管理员清理存储空间后重试"}}"#
            )
            let form = Request(application: app, method: .POST, url: "/ledger/items", on: app.eventLoopGroup.next())
            let page = ErrorResponder().render(full, for: form)
            #expect(page.status == .insufficientStorage)
            #expect(page.body.string?.contains("服务器存储空间已满，本次操作未保存") == true)

            let ready = try await app.send(.GET, "/health/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.text == #"{"status":"storage_full"}"#)
            // A sign-in is a committed write: room has returned.
            _ = try await app.signIn("lushan.office")
            #expect(try await app.send(.GET, "/health/ready").text == #"{"status":"ok"}"#)
        }
    }

    /// A session carried by its cookie reads and writes as its user, is refused once tampered with, signed out or
    /// older than the idle timeout, and its user must still be active.
    @Test func aStandInSessionActsAsItsUserUntilItEnds() async throws {
        try await withTestApp { app in
            let user = try await app.user(named: "lushan.office")
            let made = StandInSession.make(userID: try user.requireID(), at: app.clock.now(), seal: app.fieldSeal)
            #expect(made.token.hasPrefix("s1."))
            let session = TestSession(cookie: made.token, csrf: made.csrf)
            let me = try await app.send(.GET, "/api/v1/me", as: session)
            #expect(me.status == .ok)
            #expect(me.text.contains(#""username":"lushan.office""#))
            #expect(me.text.contains(made.csrf))
            #expect(try await app.send(.GET, "/regions/410423/ledger", as: session).status == .ok)
            let created = try await app.send(
                .POST, "/api/v1/regions/410423/lists", as: session,
                json: ["kind": "problem", "title": "存储告急期间建立的清单", "source": "测试"])
            #expect(created.status == .created, "\(created.text)")
            let refused = try await app.send(
                .POST, "/api/v1/regions/410423/lists", as: session,
                json: ["kind": "problem", "title": "无令牌", "source": "测试"], csrf: false)
            #expect(refused.status == .forbidden)

            var tampered = made.token
            tampered.replaceSubrange(tampered.index(tampered.endIndex, offsetBy: -1)..., with: "0")
            if tampered == made.token {
                tampered.replaceSubrange(tampered.index(before: tampered.endIndex)..., with: "1")
            }
            let forged = TestSession(cookie: tampered, csrf: made.csrf)
            #expect(try await app.send(.GET, "/api/v1/me", as: forged).status == .unauthorized)
            let otherUser = StandInSession.make(
                userID: try await app.user(named: "lushan.court").requireID(), at: app.clock.now(),
                seal: app.fieldSeal)
            let swapped =
                made.token.split(separator: ".").prefix(2).joined(separator: ".") + "."
                + otherUser.token.split(separator: ".").dropFirst(2).joined(separator: ".")
            #expect(
                try await app.send(.GET, "/api/v1/me", as: .init(cookie: swapped, csrf: "")).status == .unauthorized)

            let out = try await app.send(.POST, "/api/v1/auth/logout", as: session)
            #expect(out.status == .noContent)
            #expect(try await app.send(.GET, "/api/v1/me", as: session).status == .unauthorized)
            let signedOut = try await app.auditEntries(.signOut)
            #expect(signedOut.map(\.actorName) == ["lushan.office"])

            let later = StandInSession.make(userID: try user.requireID(), at: app.clock.now(), seal: app.fieldSeal)
            app.clock.advance(by: app.config.idleTimeout + 1)
            let expired = try await app.send(
                .GET, "/regions/410423/ledger", as: .init(cookie: later.token, csrf: later.csrf))
            #expect(expired.status == .seeOther)
            #expect(expired.location?.hasSuffix("expired=1") == true)
        }
    }

    /// On PostgreSQL the database itself can say its disk is full (SQLSTATE 53100), here raised by triggers: signing
    /// in still works with a stand-in session, reading works, every write answers 507 and changes nothing; once room
    /// returns the held sign-in is written to the audit log and the chain verifies. (On SQLite the same is proven on a
    /// real full file system by scripts/disk-full-test.py.)
    @Test func onAFullDatabaseDiskPeopleSignInAndRead() async throws {
        try await withTestApp { app in
            guard app.isPostgres else { return }
            let sql = try app.db.sql()
            try await sql.raw(
                """
                CREATE FUNCTION pretend_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$
                """
            ).run()
            for table in ["user_sessions", "audit_entries", "work_lists"] {
                try await sql.raw(
                    "CREATE TRIGGER full_\(unsafeRaw: table) BEFORE INSERT OR UPDATE ON \(ident: table) FOR EACH ROW EXECUTE FUNCTION pretend_disk_full()"
                ).run()
            }
            let listsBefore = try await WorkList.query(on: app.db).count()
            let session = try await app.signIn("lushan.office")
            #expect(session.cookie.hasPrefix(StandInSession.prefix))
            #expect(try await app.send(.GET, "/regions/410423/ledger", as: session).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/me", as: session).status == .ok)
            let write = try await app.send(
                .POST, "/api/v1/regions/410423/lists", as: session,
                json: ["kind": "problem", "title": "写不进去的清单", "source": "测试"])
            #expect(write.status == .insufficientStorage)
            #expect(write.text.contains(#""code":"storage_full""#))
            #expect(try await WorkList.query(on: app.db).count() == listsBefore)
            #expect(try await app.send(.GET, "/health/ready").text == #"{"status":"storage_full"}"#)
            #expect(app.storageWatch.held.count == 1)
            let wrong = try await app.send(
                .POST, "/api/v1/auth/login", json: ["username": "lushan.office", "password": "不对的密码"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("用户名或密码错误"))

            for table in ["user_sessions", "audit_entries", "work_lists"] {
                try await sql.raw("DROP TRIGGER full_\(unsafeRaw: table) ON \(ident: table)").run()
            }
            let again = try await app.send(
                .POST, "/api/v1/regions/410423/lists", as: session,
                json: ["kind": "problem", "title": "有空间后的清单", "source": "测试"])
            #expect(again.status == .created)
            _ = try await app.send(.GET, "/api/v1/me", as: session)
            #expect(app.storageWatch.held.count == 0)
            let signIns = try await app.auditEntries(.signIn).map(\.summary)
            #expect(signIns.last == "鲁山县联席办（演示） 登录（存储空间已满，临时会话）")
            let verdict = try await AuditChain.verify(on: app.db, alerting: .system, at: app.clock.now())
            #expect(verdict.problems.isEmpty)
            #expect(try await app.send(.GET, "/health/ready").text == #"{"status":"ok"}"#)
        }
    }
}
