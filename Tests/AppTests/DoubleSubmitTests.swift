import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// RL-OCC-04: a step sent twice at once (a double click, a retried request) is done once, whatever the two requests
/// saw when they loaded the item.
@Suite struct DoubleSubmitTests {
    /// RL-OCC-04 for 交办: two clicks at once issue the item once.
    @Test func twoSimultaneousIssuesIssueOnce() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let item = try await ItemEditTests().draft(app, office)
            let path = "/items/\(item.id!.uuidString)/issue"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 1...2 { group.addTask { try await app.send(.POST, path, as: office, form: []).status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1)
            #expect(statuses.filter { $0 == .conflict || $0 == .unprocessableEntity }.count == 1)
            #expect(try await app.auditEntries(.itemIssued).count == 1)
            let events = try await ItemEvent.query(on: app.db).filter(\.$item.$id == item.id!).all()
            #expect(events.map(\.what).sorted() == ["交办", "新建事项"])
        }
    }

    /// RL-OCC-04 for 下达: two clicks at once make one copy in the lower region.
    @Test func twoSimultaneousHandDownsCopyOnce() async throws {
        try await withTestApp { app in
            let city = try await app.signIn("pds.office")
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410400").first())
            let list = WorkList(regionID: region.id!, kind: .problem, title: "平顶山市本级问题清单", source: "平顶山市联席会议")
            try await list.create(on: app.db)
            let created = try await app.send(
                .POST, "/regions/410400/ledger", as: city,
                form: [
                    ("listID", list.id!.uuidString), ("title", "开展行政机关负责人出庭应诉专项检查"), ("area", "lawBasedGovernment"),
                    ("deadline", "2027年6月30日"), ("lead[]", try await app.unit(named: "平顶山市司法局").id!.uuidString),
                    ("issueNow", "1"),
                ])
            #expect(created.status == .seeOther)
            let item = try #require(
                try await WorkItem.query(on: app.db).filter(\.$title == "开展行政机关负责人出庭应诉专项检查").first())
            #expect((item.state, item.version) == (.issued, 2))
            let path = "/items/\(item.id!.uuidString)/hand-down"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 1...2 {
                    group.addTask { try await app.send(.POST, path, as: city, form: [("region[]", "410423")]).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .conflict])
            #expect(try await WorkItem.query(on: app.db).filter(\.$parentItem.$id == item.id!).count() == 1)
            #expect(try await app.auditEntries(.itemHandedDown).count == 1)
        }
    }

    /// Two decisions on one extension request at once: one is made, the other is told it was decided.
    @Test func twoSimultaneousDecisionsOnAnExtensionMakeOne() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("fangcheng.court")
            let item = try await ItemEditTests().draft(app, office)
            let path = "/items/\(item.id!.uuidString)"
            let part = try #require(try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).first())
            #expect(try await app.send(.POST, path + "/issue", as: office, form: []).status == .seeOther)
            let signed = try await app.send(
                .POST, path + "/step", as: court, form: [("partID", part.id!.uuidString), ("action", "signFor")])
            #expect(signed.status == .seeOther)
            let requested = try await app.send(
                .POST, path + "/extensions", as: court,
                form: [("partID", part.id!.uuidString), ("day", "2027-03-31"), ("reason", "等待年度数据")])
            #expect(requested.status == .seeOther)
            let pending = try #require(
                try await ExtensionRequest.query(on: app.db).filter(\.$part.$id == part.id!).first())
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for approve in ["1", "0"] {
                    group.addTask {
                        try await app.send(
                            .POST, path + "/extensions/decide", as: office,
                            form: [("extensionID", pending.id!.uuidString), ("approve", approve), ("note", "意见")]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .conflict])
            let decided = try #require(try await ExtensionRequest.find(pending.id, on: app.db))
            let extended = try #require(try await ItemPart.find(part.id, on: app.db)).extendedTo
            #expect(
                (decided.status == .approved && extended == "2027-03-31")
                    || (decided.status == .refused && extended == nil))
            #expect(try await app.auditEntries(.extensionDecided).count == 1)
        }
    }
}
