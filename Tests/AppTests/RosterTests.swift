import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

@Suite struct RosterTests {
    /// The roster form's fields for 卫东区, as the edit page would post them.
    func weidongForm(
        _ app: Application, people: [(String, String, String)], members: [String: (String, String)], approvedBy: String,
        approvedOn: String = "2026-11-20"
    ) async throws -> [(String, String)] {
        let units = try await App.Unit.query(on: app.db).join(Region.self, on: \App.Unit.$region.$id == \Region.$id)
            .filter(Region.self, \.$code == "410403").sort(\.$name).all()
        var fields: [(String, String)] = [
            ("name", "卫东区府院联动联席会议"), ("officeUnitID", try await app.unit(named: "卫东区司法局").id!.uuidString),
        ]
        for person in people {
            fields += [("personRole[]", person.0), ("personName[]", person.1), ("personPost[]", person.2)]
        }
        fields += [("personRole[]", ""), ("personName[]", ""), ("personPost[]", "")]
        for unit in units {
            fields.append(("rowUnit[]", unit.id!.uuidString))
            if members[unit.name] != nil { fields.append(("memberUnit[]", unit.id!.uuidString)) }
            fields += [("liaisonName[]", members[unit.name]?.0 ?? ""), ("liaisonPhone[]", members[unit.name]?.1 ?? "")]
        }
        return fields + [("approvedBy", approvedBy), ("approvedOn", approvedOn)]
    }

    static let seedPeople = [
        ("convener", "宋建立", "区长"), ("executiveDeputy", "赵飞", "区委常委、常务副区长"),
        ("deputy", "李海强", "副区长、卫东公安分局局长"), ("deputy", "武中立", "区人民法院院长"),
    ]

    @Test func demoRosterIsTheSeedsOwn() async throws {
        try await withTestApp { app in
            let session = try await app.signIn("weidong.rsj")
            let response = try await app.send(.GET, "/api/v1/regions/410403/joint-meeting", as: session)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let meeting = try decoder.decode(OrgDTO.Meeting.self, from: Data(response.body.readableBytesView))
            #expect(
                meeting.people.map { "\($0.role.label) \($0.name) \($0.post)" } == [
                    "召集人 宋建立 区长", "常务副召集人 赵飞 区委常委、常务副区长", "副召集人 李海强 副区长、卫东公安分局局长", "副召集人 武中立 区人民法院院长",
                ])
            #expect(meeting.officeUnitName == "卫东区司法局")
            #expect(meeting.memberUnits.count == 24)
            #expect(meeting.memberUnits.first?.unitName == "卫东区政府办公室")
            #expect(meeting.memberUnits.last?.unitName == "卫东公安分局")
            #expect(meeting.changes.map(\.approvedBy) == ["宋建立"])
        }
    }

    @Test func officeChangesTheRosterWithTheConvenersApproval() async throws {
        try await withTestApp { app in
            // setup
            let office = try await app.signIn("weidong.office")
            var people = Self.seedPeople
            people[3] = ("deputy", "王某某", "区人民法院院长")
            let form = try await weidongForm(
                app, people: people,
                members: ["卫东区司法局": ("刘某", "0375-2345678"), "卫东区人民法院": ("", ""), "卫东区政府办公室": ("", "")],
                approvedBy: "宋建立")
            // act
            let response = try await app.send(.POST, "/regions/410403/meeting", as: office, form: form)
            // Opening the form again shows the phone whole, and says so in the log.
            #expect(try await app.auditEntries(.personalDataViewed).isEmpty)
            let editPage = try await app.send(.GET, "/regions/410403/meeting/edit", as: office)
            #expect(editPage.text.contains("0375-2345678"))
            let viewed = try await app.auditEntries(.personalDataViewed)
            #expect(viewed.map(\.summary) == ["查看卫东区联席会议联络员电话（完整号码）1 个"])
            #expect(viewed.map(\.actorName) == ["weidong.office"])
            // check
            #expect(response.status == .seeOther)
            #expect(response.location == "/regions/410403/meeting?saved=1")
            let page = try await app.send(.GET, "/regions/410403/meeting?saved=1", as: office)
            #expect(page.text.contains("联席会议组成已更新"))
            #expect(page.text.contains("成员单位及联络员（3）"))
            let change = try #require(
                try await RosterChange.query(on: app.db).filter(\.$recordedBy == "卫东区联席办（演示）").first())
            #expect(change.approvedBy == "宋建立")
            #expect(change.approvedOn == "2026-11-20")
            let lines = change.summary.components(separatedBy: "\n")
            #expect(lines.first == "移出副召集人：武中立（区人民法院院长）")
            #expect(lines[1] == "增加副召集人：王某某（区人民法院院长）")
            // Phone numbers are recorded masked, stored sealed, shown masked and edited whole.
            #expect(lines.contains("卫东区司法局联络员：（空） → 刘某 037*****5678"))
            let member = try #require(
                try await MemberUnit.query(on: app.db).filter(\.$unit.$id == app.unit(named: "卫东区司法局").id!).first())
            #expect(member.sealedPhone.hasPrefix("sm4:"))
            #expect(try app.fieldSeal.open(member.sealedPhone) == "0375-2345678")
            let sql = try app.db.sql()
            let raw = try await sql.raw("SELECT liaison_phone FROM member_units").all().map {
                try $0.decode(column: "liaison_phone", as: String.self)
            }
            #expect(!raw.contains { $0.contains("2345678") })
            #expect(page.text.contains("<td>刘某</td><td>037*****5678</td>"))
            #expect(!page.text.contains("0375-2345678"))
            let edit = try await app.send(.GET, "/regions/410403/meeting/edit", as: office)
            #expect(edit.text.contains(#"value="0375-2345678""#))
            let api = try await app.send(.GET, "/api/v1/regions/410403/joint-meeting", as: office)
            #expect(api.text.contains(#""liaisonPhone":"037*****5678""#))
            #expect(lines.filter { $0.hasPrefix("移出成员单位") }.count == 21)
            let audit = try #require(try await app.auditEntries(.rosterChanged).first)
            #expect(audit.summary.hasPrefix("卫东区联席会议组成调整（批准人：宋建立）：移出副召集人：武中立"))
            #expect(!(audit.after ?? "").contains("2345678"))
            let before = try JSONDecoder().decode(Roster.self, from: Data(try #require(audit.before).utf8))
            let after = try JSONDecoder().decode(Roster.self, from: Data(try #require(audit.after).utf8))
            #expect(before.memberUnits.count == 24)
            #expect(after.memberUnits.map(\.unit) == ["卫东区人民法院", "卫东区司法局", "卫东区政府办公室"])
        }
    }

    @Test func aChangeWithoutApproverOrWithBadRowsChangesNothing() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("weidong.office")
            var people = Self.seedPeople
            people.append(("convener", "另一人", "区长"))
            people.append(("", "无职务", "某职务"))
            let form = try await weidongForm(
                app, people: people, members: ["卫东区司法局": ("", "")], approvedBy: "", approvedOn: "2026-02-30")
            let response = try await app.send(.POST, "/regions/410403/meeting", as: office, form: form)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("组成人员第 6 行：请选择职务"))
            #expect(response.text.contains("批准日期：请填写有效日期，如 2026-11-23"))
            // The form comes back with what was typed.
            #expect(response.text.contains("value=\"无职务\""))
            let fixedDate = try await weidongForm(
                app, people: Array(people.prefix(5)), members: ["卫东区司法局": ("", "")], approvedBy: "",
                approvedOn: "2026-11-20")
            let second = try await app.send(.POST, "/regions/410403/meeting", as: office, form: fixedDate)
            #expect(second.status == .unprocessableEntity)
            #expect(second.text.contains("召集人：只能有一位"))
            #expect(second.text.contains("批准人：不能为空（成员调整须报召集人批准）"))
            #expect(
                try await MemberUnit.query(on: app.db).join(
                    JointMeeting.self, on: \MemberUnit.$meeting.$id == \JointMeeting.$id
                )
                .join(Region.self, on: \JointMeeting.$region.$id == \Region.$id).filter(
                    Region.self, \.$code == "410403"
                ).count() == 24)
            #expect(try await RosterChange.query(on: app.db).count() == 1)
            #expect(try await app.auditEntries(.rosterChanged).isEmpty)
        }
    }

    @Test func unchangedRosterIsRefused() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("weidong.office")
            let input = RosterStore.Input(
                name: "卫东区府院联动联席会议", officeUnitID: try await app.unit(named: "卫东区司法局").id,
                people: Self.seedPeople.map { .init(role: MeetingRole(rawValue: $0.0)!, name: $0.1, post: $0.2) },
                memberUnits: try await DemoData.units["410403"]!.asyncMap {
                    .init(unitID: try await app.unit(named: $0.0).id!, liaisonName: "", liaisonPhone: "")
                },
                approvedBy: "宋建立", approvedOn: CalendarDay(parsing: "2026-11-20")!)
            let response = try await app.send(.PUT, "/api/v1/regions/410403/joint-meeting", as: office, json: input)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text == #"{"error":{"code":"invalid","message":"未作任何修改"}}"#)
        }
    }

    @Test func theEditPageShowsTheRosterAndItsUnits() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("weidong.office")
            let page = try await app.send(.GET, "/regions/410403/meeting/edit", as: office)
            #expect(page.status == .ok)
            #expect(page.text.contains("value=\"宋建立\""))
            #expect(page.text.components(separatedBy: "name=\"rowUnit[]\"").count - 1 == 24)
            #expect(page.text.components(separatedBy: " checked").count - 1 == 24)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var values: [T] = []
        for element in self { values.append(try await transform(element)) }
        return values
    }
}
