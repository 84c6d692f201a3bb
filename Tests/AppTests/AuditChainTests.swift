import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// The audit log is a hash chain: concurrent writers extend it without forks or gaps, the table refuses UPDATE and
/// DELETE, and whatever a database administrator changes behind the product's back is found by `verify`.
@Suite struct AuditChainTests {
    func sql(_ app: Application) throws -> SQLDoor { try app.db.sql() }

    /// What someone with the database's password could do: drop the triggers first.
    func dropTriggers(_ app: Application) async throws {
        if try sql(app).dialect == .sqlite {
            try await sql(app).raw("DROP TRIGGER audit_entries_no_update").run()
            try await sql(app).raw("DROP TRIGGER audit_entries_no_delete").run()
        } else {
            try await sql(app).raw("DROP TRIGGER audit_entries_append_only ON audit_entries").run()
        }
    }

    @Test func concurrentWritersExtendOneUnbrokenChain() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let before = try await AuditEntry.query(on: app.db).count()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 1...40 {
                    group.addTask {
                        try await app.send(
                            .POST, "/api/v1/regions/410423/units", as: office,
                            json: ["name": "鲁山县并发测试单位\(index)", "kind": "department"]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .created, count: 40))
            let entries = try await AuditEntry.query(on: app.db).sort(\.$seq).all()
            #expect(entries.count == before + 40)
            #expect(entries.map(\.seq) == Array(1...entries.count))
            #expect(try await app.auditEntries(.unitCreated).count == 40)
            #expect(try await AuditChain.verify(on: app.db) == .init(checked: entries.count, problems: []))
        }
    }

    @Test func theTableRefusesUpdateAndDelete() async throws {
        try await withTestApp { app in
            _ = try await app.signIn("lushan.office")
            await #expect(throws: (any Error).self) {
                try await sql(app).raw("UPDATE audit_entries SET summary = 'x'").run()
            }
            await #expect(throws: (any Error).self) { try await sql(app).raw("DELETE FROM audit_entries").run() }
            #expect(try await AuditChain.verify(on: app.db).intact)
        }
    }

    @Test func anEditADeletionAndATruncationAreFound() async throws {
        try await withTestApp { app in
            for name in ["lushan.office", "lushan.court", "weidong.office", "fangcheng.office"] {
                _ = try await app.signIn(name)
            }
            // The demo's loading and four sign-ins.
            #expect(try await AuditChain.verify(on: app.db) == .init(checked: 5, problems: []))
            try await dropTriggers(app)

            try await sql(app).raw("UPDATE audit_entries SET ip_address = '10.0.0.9' WHERE seq = 2").run()
            #expect(try await AuditChain.verify(on: app.db) == .init(checked: 5, problems: ["第 2 条的内容被改动"]))
            // A second edit further on is named too: the first break hides nothing.
            try await sql(app).raw("UPDATE audit_entries SET summary = '改过' WHERE seq = 4").run()
            #expect(
                try await AuditChain.verify(on: app.db)
                    == .init(checked: 5, problems: ["第 2 条的内容被改动", "第 4 条的内容被改动"]))

            try await sql(app).raw("DELETE FROM audit_entries WHERE seq = 2").run()
            #expect(
                try await AuditChain.verify(on: app.db)
                    == .init(checked: 4, problems: ["第 2 条缺失（被删除）", "第 4 条的内容被改动"]))

            // Rebuilding the chain after the deletion needs the hash of an entry the forger cannot make: even
            // renumbering leaves entry 3 pointing at the deleted one.
            try await sql(app).raw("UPDATE audit_entries SET seq = 2 WHERE seq = 3").run()
            #expect(
                try await AuditChain.verify(on: app.db).problems == [
                    "第 2 条与前一条的链接不符", "第 2 条的内容被改动", "第 3 条缺失（被删除）", "第 4 条的内容被改动",
                ])
        }
    }

    @Test func aDeletedTailIsFoundByTheHead() async throws {
        try await withTestApp { app in
            for name in ["lushan.office", "lushan.court", "weidong.office"] { _ = try await app.signIn(name) }
            try await dropTriggers(app)
            try await sql(app).raw("DELETE FROM audit_entries WHERE seq = 4").run()
            #expect(
                try await AuditChain.verify(on: app.db)
                    == .init(checked: 3, problems: ["链头记录 4 条，实有 3 条（末尾的记录被删除）"]))
        }
    }

    @Test func theAuditorSeesTheVerdict() async throws {
        try await withTestApp { app in
            let auditor = try await app.signIn("auditor")
            let page = try await app.send(.GET, "/audit?verify=1", as: auditor)
            #expect(page.text.contains("审计日志完整性校验通过：共 2 条"))
            try await dropTriggers(app)
            try await sql(app).raw("UPDATE audit_entries SET summary = '改过' WHERE seq = 1").run()
            let broken = try await app.send(.GET, "/audit?verify=1", as: auditor)
            #expect(broken.text.contains("审计日志完整性校验未通过：第 1 条的内容被改动。已校验 3 条。"))
        }
    }

    /// A NUL or an escape in what a user sends made the chain fail for good: PostgreSQL cannot store a NUL and
    /// SQLite hands text back only up to one, so what was hashed was not what was read back.
    @Test func controlCharactersAreRefusedAtTheDoorAndNeverBreakTheChain() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            // act, check: refused wherever a person can type, naming the field
            let api = try await app.send(
                .POST, "/api/v1/regions/410423/lists", as: office,
                json: ["kind": "problem", "title": "清单\u{0}", "source": ""])
            #expect(api.status == .unprocessableEntity)
            #expect(api.text.contains("title：含有控制字符（如 NUL 或转义符），请删除后重试"))
            let form = try await app.send(
                .POST, "/regions/410423/lists", as: office,
                form: [("kind", "problem"), ("title", "清单\u{1B}[31m"), ("source", "")])
            #expect(form.status == .unprocessableEntity)
            #expect(form.text.contains("title：含有控制字符"))
            let search = try await app.send(.GET, "/regions/410423/ledger?q=a%00b", as: office)
            #expect(search.status == .unprocessableEntity)
            #expect(search.text.contains("q：含有控制字符"))
            let fangcheng = try await app.signIn("fangcheng.office")
            let item = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "411322").filter(\.$number == 2).first())
            let attachment = try await app.upload(
                "/items/\(item.id!.uuidString)/attachments", as: fangcheng, fileName: "scan\u{0}.png",
                data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(attachment.status == .unprocessableEntity)
            #expect(attachment.text.contains("附件文件名：含有控制字符"))
            #expect(try await WorkList.query(on: app.db).filter(\.$title =~ "清单").count() == 0)
            #expect(try await Attachment.query(on: app.db).count() == 0)
            // Whatever still reaches the log is kept as its escape, so that what is hashed is what is read back.
            try await Audit.record(
                .unitCreated, by: .system, object: ("unit", "x\u{0}y"), summary: "含\u{0}与\u{1B}与换行\n",
                at: app.clock.now(),
                on: app.db)
            let entry = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
            #expect(entry.summary == #"含\u0000与\u001B与换行"# + "\n")
            #expect(entry.objectID == #"x\u0000y"#)
            #expect(try await AuditChain.verify(on: app.db).intact)
        }
    }
}
