import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// Concurrent edits of one unit: the second writer on a stale copy is refused (412 with If-Match, 409 on the page),
/// never silently overwrites, and read-modify-write clients that retry lose no update.
@Suite struct VersionTests {
    func patch(_ app: Application, _ session: TestSession, _ id: UUID, name: String, ifMatch: String?) async throws
        -> TestingHTTPResponse
    {
        try await app.send(
            .PATCH, "/api/v1/units/\(id.uuidString)", as: session, json: ["name": name],
            headers: ifMatch.map { [("If-Match", $0)] } ?? [])
    }

    @Test func aStaleIfMatchIsRefusedWith412() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let unit = try await app.unit(named: "鲁山县司法局")
            let read = try await app.send(.GET, "/api/v1/units/\(unit.id!.uuidString)", as: office)
            #expect(read.headers.first(name: .eTag) == "\"1\"")
            let first = try await patch(app, office, unit.id!, name: "鲁山县司法局（甲）", ifMatch: "\"1\"")
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .eTag) == "\"2\"")
            let second = try await patch(app, office, unit.id!, name: "鲁山县司法局（乙）", ifMatch: "\"1\"")
            #expect(second.status == .preconditionFailed)
            #expect(second.text.contains(#""code":"stale""#))
            #expect(try await app.unit(named: "鲁山县司法局（甲）").version == 2)
            #expect(try await app.auditEntries(.unitUpdated).count == 1)
            #expect(try await patch(app, office, unit.id!, name: "x", ifMatch: "three").status == .badRequest)
        }
    }

    /// 100 clients each raise a counter held in the unit's name by reading, changing and writing with If-Match,
    /// retrying on 412, while 50 other writers create units: no answer is 5xx, no increment is lost, every write has
    /// its audit entry.
    @Test func readModifyWriteClientsLoseNoUpdate() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let id = try await app.unit(named: "鲁山县司法局").id!
            #expect(try await patch(app, office, id, name: "计数0", ifMatch: nil).status == .ok)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 1...100 {
                    group.addTask {
                        while true {
                            let read = try await app.send(.GET, "/api/v1/units/\(id.uuidString)", as: office)
                            #expect(read.status == .ok)
                            let unit = try JSONDecoder().decode(
                                OrgDTO.Unit.self, from: Data(read.body.readableBytesView))
                            let count = try #require(Int(unit.name.dropFirst(2)))
                            let written = try await patch(
                                app, office, id, name: "计数\(count + 1)", ifMatch: read.headers.first(name: .eTag))
                            if written.status == .ok { return }
                            #expect(written.status == .preconditionFailed)
                        }
                    }
                }
                for number in 1...50 {
                    group.addTask {
                        let created = try await app.send(
                            .POST, "/api/v1/regions/410423/units", as: office,
                            json: ["name": "并发写入单位\(number)", "kind": "department"])
                        #expect(created.status == .created)
                    }
                }
                try await group.waitForAll()
            }
            let unit = try #require(try await App.Unit.find(id, on: app.db))
            #expect(unit.name == "计数100")
            #expect(unit.version == 102)
            #expect(try await app.auditEntries(.unitUpdated).count == 101)
            #expect(try await App.Unit.query(on: app.db).filter(\.$name =~ "并发写入单位").count() == 50)
            #expect(try await app.auditEntries(.unitCreated).count == 50)
        }
    }

    @Test func theEditPageRefusesAStaleFormAndShowsTheOtherChange() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let unit = try await app.unit(named: "鲁山县司法局")
            let page = try await app.send(.GET, "/units/\(unit.id!.uuidString)/edit", as: office)
            #expect(page.text.contains(#"<input type="hidden" name="version" value="1">"#))
            let path = "/units/\(unit.id!.uuidString)"
            let first = try await app.send(
                .POST, path, as: office, form: [("name", "鲁山县司法局（甲）"), ("kind", "department"), ("version", "1")])
            #expect(first.status == .seeOther)
            let second = try await app.send(
                .POST, path, as: office, form: [("name", "鲁山县司法局（乙）"), ("kind", "other"), ("version", "1")])
            #expect(second.status == .conflict)
            #expect(second.text.contains("单位已被他人修改（您看到的是旧版本），请刷新后核对再保存。现在的名称是“鲁山县司法局（甲）”，类别是“政府部门”。"))
            #expect(second.text.contains(#"<input type="hidden" name="version" value="2">"#))
            #expect(try await app.unit(named: "鲁山县司法局（甲）").kind == .department)
        }
    }
}

@Suite struct RosterVersionTests {
    /// Two office staff open the roster form; the second to save is refused and shown why.
    @Test func aStaleRosterFormIsRefused() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("weidong.office")
            let page = try await app.send(.GET, "/regions/410403/meeting/edit", as: office)
            #expect(page.text.contains(#"<input type="hidden" name="version" value="1">"#))
            let rosterTests = RosterTests()
            var form = try await rosterTests.weidongForm(
                app, people: RosterTests.seedPeople, members: ["卫东区司法局": ("刘某", "")], approvedBy: "宋建立")
            form.append(("version", "1"))
            #expect(try await app.send(.POST, "/regions/410403/meeting", as: office, form: form).status == .seeOther)
            var other = try await rosterTests.weidongForm(
                app, people: RosterTests.seedPeople, members: ["卫东区人民法院": ("王某", "")], approvedBy: "宋建立")
            other.append(("version", "1"))
            let stale = try await app.send(.POST, "/regions/410403/meeting", as: office, form: other)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("联席会议组成已被他人修改（您看到的是旧版本），请刷新后核对再保存"))
            #expect(stale.text.contains(#"<input type="hidden" name="version" value="2">"#))
            let api = try await app.send(
                .PUT, "/api/v1/regions/410403/joint-meeting", as: office,
                json: RosterStore.Input(
                    name: "卫东区府院联动联席会议", officeUnitID: nil, people: [], memberUnits: [], approvedBy: "宋建立",
                    approvedOn: CalendarDay(parsing: "2026-11-20")!),
                headers: [("If-Match", "\"1\"")])
            #expect(api.status == .preconditionFailed)
            let meeting = try #require(
                try await JointMeeting.query(on: app.db).filter(\.$name == "卫东区府院联动联席会议").first())
            #expect(meeting.version == 2)
        }
    }
}
