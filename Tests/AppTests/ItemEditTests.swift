import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The office corrects an item (RL-OCC-01…03): two editors of one item, the second refused with the difference
/// shown; If-Match on the API; an issued item's deadline moving only by extension; 20 simultaneous edits, one saved.
@Suite struct ItemEditTests {
    /// A draft of 方城县 with 方城县人民法院 as lead unit, made through the page: version 1.
    func draft(_ app: Application, _ office: TestSession) async throws -> WorkItem {
        let list = try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
        let created = try await app.send(
            .POST, "/regions/411322/ledger", as: office,
            form: [
                ("listID", list.id!.uuidString), ("title", "建立行政审判白皮书定期通报制度"), ("content", "每半年通报一次"),
                ("area", "trialOversight"), ("deadline", "2026年12月31日"),
                ("lead[]", try await app.unit(named: "方城县人民法院").id!.uuidString),
            ])
        #expect(created.status == .seeOther)
        return try #require(try await WorkItem.query(on: app.db).filter(\.$title == "建立行政审判白皮书定期通报制度").first())
    }

    func reload(_ app: Application, _ item: WorkItem) async throws -> WorkItem {
        try #require(try await WorkItem.find(item.id, on: app.db))
    }

    func form(title: String, content: String = "每半年通报一次", deadline: String = "2026年12月31日", version: Int)
        -> [(String, String)]
    {
        [
            ("title", title), ("content", content), ("area", "trialOversight"), ("deadline", deadline),
            ("version", String(version)),
        ]
    }

    @Test func theSecondOfTwoEditorsIsShownWhatTheFirstSaved() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let item = try await draft(app, office)
            let path = "/items/\(item.id!.uuidString)"
            // The draft's page offers the edit, and no workflow step (none is possible before 交办).
            let itemPage = try await app.send(.GET, path, as: office)
            #expect(itemPage.text.contains(#"id="item-edit""#))
            #expect(!itemPage.text.contains("data-action="))
            let page = try await app.send(.GET, path + "/edit", as: office)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<input type="hidden" name="version" value="1">"#))
            #expect(page.text.contains(#"name="deadline" value="2026年12月31日" required>"#))
            #expect(page.text.contains(#"<option value="trialOversight" selected>审判执行监督联动</option>"#))

            let first = try await app.send(.POST, path, as: office, form: form(title: "建立行政审判白皮书年度通报制度", version: 1))
            #expect(first.status == .seeOther)
            #expect(first.location == path)
            let second = try await app.send(
                .POST, path, as: office,
                form: form(title: "建立行政审判白皮书季度通报制度", content: "每季度通报一次", version: 1))
            #expect(second.status == .conflict)
            #expect(second.text.contains("已被他人修改（您看到的是旧版本），请刷新后核对再保存"))
            #expect(
                second.text.contains(
                    "<tr><td>事项</td><td class=\"prewrap\">建立行政审判白皮书年度通报制度</td><td class=\"prewrap\">建立行政审判白皮书季度通报制度</td></tr>"
                ))
            #expect(
                second.text.contains(
                    "<tr><td>具体内容</td><td class=\"prewrap\">每半年通报一次</td><td class=\"prewrap\">每季度通报一次</td></tr>"))
            #expect(!second.text.contains("<tr><td>完成时限</td>"))
            #expect(second.text.contains(#"<input type="hidden" name="version" value="2">"#))
            #expect(second.text.contains(#"name="title" value="建立行政审判白皮书季度通报制度""#))
            var saved = try await reload(app, item)
            #expect((saved.title, saved.content, saved.version) == ("建立行政审判白皮书年度通报制度", "每半年通报一次", 2))

            let again = try await app.send(
                .POST, path, as: office,
                form: form(title: "建立行政审判白皮书季度通报制度", content: "每季度通报一次", deadline: "2027年3月", version: 2))
            #expect(again.status == .seeOther)
            saved = try await reload(app, item)
            #expect(
                (saved.title, saved.content, saved.deadline, saved.deadlineKind, saved.version) == (
                    "建立行政审判白皮书季度通报制度", "每季度通报一次", .month(year: 2027, month: 3), .date, 3
                ))
            let edits = try await app.auditEntries(.itemEdited)
            #expect(edits.map(\.summary) == ["修改事项：建立行政审判白皮书定期通报制度（事项）", "修改事项：建立行政审判白皮书年度通报制度（事项、具体内容、完成时限）"])
            #expect(edits[1].before?.contains(#""deadline":"2026年12月31日""#) == true)
            #expect(edits[1].after?.contains(#""deadline":"2027年3月底前""#) == true)
            #expect(edits[1].after?.contains(#""version":3"#) == true)
            let events = try await ItemEvent.query(on: app.db).filter(\.$item.$id == item.id!).sort(\.$at).all()
            #expect(events.map(\.what) == ["新建事项", "修改事项（事项）", "修改事项（事项、具体内容、完成时限）"])

            // Saving the form unchanged writes nothing.
            let unchanged = try await app.send(
                .POST, path, as: office,
                form: form(title: "建立行政审判白皮书季度通报制度", content: "每季度通报一次", deadline: "2027年3月底前", version: 3))
            #expect(unchanged.status == .seeOther)
            #expect(try await reload(app, item).version == 3)
            #expect(try await app.auditEntries(.itemEdited).count == 2)
        }
    }

    @Test func anIssuedItemKeepsItsDeadlineAndAClosedOneIsNotEdited() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let item = try await draft(app, office)
            let path = "/items/\(item.id!.uuidString)"
            #expect(try await app.send(.POST, path + "/issue", as: office, form: []).status == .seeOther)
            #expect(try await reload(app, item).version == 2)
            // A form opened on the draft is refused once the item is issued.
            let stale = try await app.send(.POST, path, as: office, form: form(title: "新的标题", version: 1))
            #expect(stale.status == .conflict)
            let page = try await app.send(.GET, path + "/edit", as: office)
            #expect(page.text.contains(#"name="deadline" value="2026年12月31日" required readonly="readonly">"#))
            #expect(page.text.contains("事项已交办，时限由责任单位申请延期、联席办审批后调整"))
            let moved = try await app.send(
                .POST, path, as: office, form: form(title: "新的标题", deadline: "2027年6月30日", version: 2))
            #expect(moved.status == .unprocessableEntity)
            #expect(moved.text.contains("完成时限：事项已交办，时限由责任单位申请延期、联席办审批后调整"))
            let unreadable = try await app.send(
                .POST, path, as: office, form: form(title: " ", deadline: "尽快", version: 2))
            #expect(unreadable.text.contains("事项：不能为空"))
            #expect(unreadable.text.contains("完成时限：无法识别“尽快”"))
            #expect(
                try await app.send(.POST, path, as: office, form: form(title: "新的标题", version: 2)).status == .seeOther)
            #expect(try await reload(app, item).title == "新的标题")

            let closed = try await reload(app, item)
            closed.state = .closed
            try await closed.save(on: app.db)
            let refused = try await app.send(.GET, path + "/edit", as: office)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("事项已销号，不能再修改"))
            #expect(
                try await app.send(.POST, path, as: office, form: form(title: "再改", version: 3)).status
                    == .unprocessableEntity)
            #expect(try await app.auditEntries(.itemEdited).count == 1)
        }
    }

    @Test func theAPITakesIfMatchAndRefusesAStaleOneWith412() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("fangcheng.court")
            let item = try await draft(app, office)
            let path = "/api/v1/items/\(item.id!.uuidString)"
            let read = try await app.send(.GET, path, as: office)
            #expect(read.headers.first(name: .eTag) == "\"1\"")
            #expect(read.text.contains(#""version":1"#))
            let patched = try await app.send(
                .PATCH, path, as: office, json: ["title": "建立行政审判白皮书年度通报制度", "area": "enforcement"],
                headers: [("If-Match", "\"1\"")])
            #expect(patched.status == .ok)
            #expect(patched.headers.first(name: .eTag) == "\"2\"")
            let dto = try JSONDecoder().decode(LedgerDTO.Item.self, from: Data(patched.body.readableBytesView))
            #expect(
                (dto.title, dto.area, dto.content, dto.deadline, dto.version) == (
                    "建立行政审判白皮书年度通报制度", .enforcement, "每半年通报一次", "2026年12月31日", 2
                ))
            let stale = try await app.send(
                .PATCH, path, as: office, json: ["title": "另一个标题"], headers: [("If-Match", "\"1\"")])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.text.contains(#""code":"stale""#))
            // A stale If-Match is refused even when nothing would change.
            let staleNoChange = try await app.send(
                .PATCH, path, as: office, json: ["title": "建立行政审判白皮书年度通报制度"], headers: [("If-Match", "W/\"1\"")])
            #expect(staleNoChange.status == .preconditionFailed)
            let badDeadline = try await app.send(.PATCH, path, as: office, json: ["deadline": "明年"])
            #expect(badDeadline.status == .unprocessableEntity)
            #expect(badDeadline.text.contains("完成时限：无法识别“明年”"))
            #expect(try await app.send(.PATCH, path, as: court, json: ["title": "法院改的"]).status == .forbidden)
            #expect(
                try await app.send(.PATCH, path, as: try await app.signIn("nanyang.office"), json: ["title": "市里改的"])
                    .status == .forbidden)
            #expect(
                try await app.send(.PATCH, path, as: try await app.signIn("lushan.office"), json: ["title": "别县改的"])
                    .status == .notFound)
            let saved = try await reload(app, item)
            #expect((saved.title, saved.area, saved.version) == ("建立行政审判白皮书年度通报制度", .enforcement, 2))
            #expect(try await app.auditEntries(.itemEdited).count == 1)
        }
    }

    /// RL-OCC-03: 20 edits from the same base version at once: one is saved, 19 are refused, one audit entry.
    @Test func ofTwentySimultaneousEditsOneIsSaved() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let item = try await draft(app, office)
            let path = "/api/v1/items/\(item.id!.uuidString)"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for number in 1...20 {
                    group.addTask {
                        try await app.send(
                            .PATCH, path, as: office, json: ["title": "第\(number)稿"], headers: [("If-Match", "\"1\"")]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .preconditionFailed }.count == 19)
            let saved = try await reload(app, item)
            #expect(saved.version == 2)
            let edits = try await app.auditEntries(.itemEdited)
            #expect(edits.count == 1)
            #expect(edits.first?.after?.contains(#""title":"\#(saved.title)""#) == true)
        }
    }

    /// A deadline the parser would read differently (a grace period other than the default) stays as it is when
    /// the form sends it back unchanged.
    @Test func anUnchangedDeadlineIsKeptAsItIs() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let item = try await draft(app, office)
            item.deadline = .periodic(.quarter, graceDays: 15)
            item.deadlineKind = .periodic
            item.issuedOn = "2026-11-01"
            item.state = .issued
            try await item.save(on: app.db)
            let label = "每季度（期满后 15 日内报送进展）"
            #expect(item.deadline.label == label)
            let saved = try await app.send(
                .POST, "/items/\(item.id!.uuidString)", as: office,
                form: form(title: "新的标题", deadline: label, version: 1))
            #expect(saved.status == .seeOther)
            let reloaded = try await reload(app, item)
            #expect((reloaded.title, reloaded.deadline) == ("新的标题", .periodic(.quarter, graceDays: 15)))
        }
    }

    /// A unit's step that moves the item's state makes an edit form opened before it stale: an item closed by its
    /// units is never edited by a form that still showed it open.
    @Test func aStepThatMovesTheItemMakesAnOpenFormStale() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("fangcheng.court")
            let item = try await draft(app, office)
            let path = "/items/\(item.id!.uuidString)"
            #expect(try await app.send(.POST, path + "/issue", as: office, form: []).status == .seeOther)
            let issued = try await reload(app, item)
            #expect((issued.state, issued.version) == (.issued, 2))
            let part = try #require(try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).first())
            let signed = try await app.send(
                .POST, path + "/step", as: court, form: [("partID", part.id!.uuidString), ("action", "signFor")])
            #expect(signed.status == .seeOther)
            let moved = try await reload(app, item)
            #expect(moved.state != .issued)
            #expect(moved.version == 3)
            let stale = try await app.send(.POST, path, as: office, form: form(title: "新的标题", version: 2))
            #expect(stale.status == .conflict)
            #expect(try await reload(app, item).title == "建立行政审判白皮书定期通报制度")
        }
    }

    /// The conflict table lists only what differs: a deadline with a grace period other than the default, sent back
    /// in the same words, is not a difference.
    @Test func theConflictTableListsOnlyWhatDiffers() {
        let label = "每季度（期满后 15 日内报送进展）"
        let saved = LedgerStore.ItemEdit(title: "甲", content: "内容", area: .lawBasedGovernment, deadline: label)
        var typed = saved
        #expect(ItemEditView.differences(saved: saved, typed: typed).isEmpty)
        typed.title = "乙"
        typed.deadline = "2026年12月底前"
        let rows = ItemEditView.differences(saved: saved, typed: typed)
        #expect(rows.map(\.field) == ["事项", "完成时限"])
        #expect(rows.map(\.saved) == ["甲", label])
        #expect(rows.map(\.typed) == ["乙", "2026年12月底前"])
    }
}
