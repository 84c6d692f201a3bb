import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// The defects a walk-through of the ledger found (issue 34), each as it was met.
@Suite struct LedgerWalkThroughTests {
    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
    }

    /// A new item of 方城县's own list, issued, with the given units as lead (first) and responsible (the rest).
    func newItem(_ app: Application, title: String, deadline: String, units: [String]) async throws -> WorkItem {
        let list = try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
        var ids: [UUID] = []
        for name in units { ids.append(try #require(try await app.unit(named: name).id)) }
        let input = LedgerStore.ItemInput(
            listID: list.id!, title: title, content: "", area: .enforcement, deadline: deadline,
            leadUnitIDs: Array(ids.prefix(1)), responsibleUnitIDs: Array(ids.dropFirst()), cooperatingUnitIDs: [],
            issueNow: true)
        let created = try await app.send(
            .POST, "/api/v1/items", as: try await app.signIn("fangcheng.office"), json: input)
        #expect(created.status == .created)
        return try #require(try await WorkItem.query(on: app.db).filter(\.$title == title).first())
    }

    func part(_ app: Application, of item: WorkItem, unit name: String) async throws -> ItemPart {
        let unit = try await app.unit(named: name)
        return try #require(
            try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).filter(\.$unit.$id == unit.id!).first()
        )
    }

    func step(_ app: Application, _ session: TestSession, _ item: WorkItem, _ part: ItemPart, _ action: WorkflowAction)
        async throws -> TestingHTTPResponse
    {
        try await app.send(
            .POST, "/items/\(item.id!.uuidString)/step", as: session,
            form: [("partID", part.id!.uuidString), ("action", action.rawValue), ("reason", "")])
    }

    func history(_ app: Application, _ item: WorkItem) async throws -> [String] {
        try await ItemEvent.query(on: app.db).filter(\.$item.$id == item.id!).sort(\.$at).all().map(\.what)
    }

    // 1. Handing an item down answered 500 when the lower region had added an item of its own under that number.
    @Test func handingDownNeverCollidesWithTheLowerRegionsOwnItems() async throws {
        try await withTestApp { app in
            let lushan = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let handed = try #require(
                try await WorkList.query(on: app.db).filter(\.$region.$id == lushan.id!).filter(
                    \.$title == "河南省：第一批十项重点工作"
                ).first())
            // A county adds its own items to its own lists: the numbers of a handed-down list are the upper level's.
            let court = try await app.unit(named: "鲁山县人民法院")
            let own = try await app.send(
                .POST, "/api/v1/items", as: try await app.signIn("lushan.office"),
                json: LedgerStore.ItemInput(
                    listID: handed.id!, title: "本级补充事项", content: "", area: .enforcement, deadline: "2027年3月31日",
                    leadUnitIDs: [court.id!], responsibleUnitIDs: [], cooperatingUnitIDs: [], issueNow: false))
            #expect(own.status == .unprocessableEntity)
            #expect(own.text.contains("清单：“河南省：第一批十项重点工作”是上级下达的清单，序号随上级；本级事项请加入本级的问题清单或责任清单"))
            // One added before that rule holds number 11 there.
            try await WorkItem(
                list: handed, number: 11, title: "早先的本级事项", content: "", area: .enforcement, deadline: .continuous
            ).create(on: app.db)
            // The province adds its 11th item and hands it down to 平顶山市, which issues its copy.
            let province = try #require(
                try await WorkList.query(on: app.db).filter(\.$title == "第一批十项重点工作").first())
            let henan = try await app.signIn("henan.office")
            let created = try await app.send(
                .POST, "/api/v1/items", as: henan,
                json: LedgerStore.ItemInput(
                    listID: province.id!, title: "第十一项重点工作", content: "", area: .enforcement, deadline: "持续推进",
                    leadUnitIDs: [try await app.unit(named: "河南省司法厅").id!], responsibleUnitIDs: [],
                    cooperatingUnitIDs: [], issueNow: true))
            let eleventh = try decode(LedgerDTO.Item.self, created)
            #expect(eleventh.number == 11)
            let toCity = try await app.send(
                .POST, "/api/v1/items/\(eleventh.id)/hand-down", as: henan,
                json: LedgerDTO.HandDown(regions: ["410400"]))
            #expect(toCity.status == .ok)
            let cityCopy = try #require(
                try await WorkItem.query(on: app.db).filter(\.$parentItem.$id == eleventh.id).first())
            #expect(cityCopy.number == 11)
            #expect(try await history(app, cityCopy) == ["河南省下达（第 11 项）"])
            cityCopy.state = .issued
            cityCopy.issuedOn = "2026-12-01"
            try await cityCopy.save(on: app.db)
            // act: 平顶山市 hands it down to 鲁山县 and 卫东区 at once
            let pds = try await app.signIn("pds.office")
            let path = "/api/v1/items/\(cityCopy.id!.uuidString)/hand-down"
            let refused = try await app.send(
                .POST, path, as: pds, json: LedgerDTO.HandDown(regions: ["410423", "410403"]))
            // check: all or nothing, and the message says what collides
            #expect(refused.status == .conflict)
            #expect(
                refused.text.contains(
                    "鲁山县的“河南省：第一批十项重点工作”中已有第 11 项“早先的本级事项”，与下达的第 11 项序号相同；未下达至任何区划，请鲁山县联席办先处理该事项"))
            #expect(try await WorkItem.query(on: app.db).filter(\.$parentItem.$id == cityCopy.id!).count() == 0)
            // Once the own item is gone, both copies are made under the upper number, with the 下达 in their history.
            try await WorkItem.query(on: app.db).filter(\.$title == "早先的本级事项").delete()
            let handedDown = try await app.send(
                .POST, path, as: pds, json: LedgerDTO.HandDown(regions: ["410423", "410403"]))
            #expect(try decode(LedgerDTO.HandedDown.self, handedDown).created == 2)
            let copies = try await WorkItem.query(on: app.db).filter(\.$parentItem.$id == cityCopy.id!).all()
            #expect(copies.map(\.number) == [11, 11])
            for copy in copies { #expect(try await history(app, copy) == ["平顶山市下达（第 11 项）"]) }
        }
    }

    // 2. A closed item still took an extension decision.
    @Test func closingDecidesWhatIsPendingAndNothingChangesAfter() async throws {
        try await withTestApp { app in
            let item = try await newItem(app, title: "建立执行联动台账", deadline: "2027年3月31日", units: ["方城县人民法院"])
            let court = try await app.signIn("fangcheng.court")
            let office = try await app.signIn("fangcheng.office")
            let part = try await part(app, of: item, unit: "方城县人民法院")
            let path = "/items/\(item.id!.uuidString)"
            #expect(try await step(app, court, item, part, .signFor).status == .seeOther)
            let asked = try await app.send(
                .POST, path + "/extensions", as: court,
                form: [("partID", part.id!.uuidString), ("day", "2027-06-30"), ("reason", "等待年度数据")])
            #expect(asked.status == .seeOther)
            #expect(try await step(app, court, item, part, .requestClosure).status == .seeOther)
            // act
            #expect(try await step(app, office, item, part, .approveClosure).status == .seeOther)
            // check: the pending request is withdrawn, with a line in the history
            let pending = try #require(
                try await ExtensionRequest.query(on: app.db).filter(\.$part.$id == part.id!).first())
            #expect(pending.status == .withdrawn)
            #expect(
                try await history(app, item) == [
                    "新建事项", "交办", "签收：待签收 → 办理中", "申请延期至 2027年6月30日", "申请销号：办理中 → 申请销号",
                    "审核销号：申请销号 → 已销号", "延期至 2027年6月30日 的申请随已销号撤回",
                ])
            let page = try await app.send(.GET, path, as: office)
            #expect(page.text.contains("已撤回"))
            #expect(!page.text.contains(#"name="approve""#))
            // nothing that changes the item is taken any more, on the page or in the API
            let decided = try await app.send(
                .POST, path + "/extensions/decide", as: office,
                form: [("extensionID", pending.id!.uuidString), ("approve", "1"), ("note", "")])
            #expect(decided.status == .conflict)
            #expect(decided.text.contains("事项已销号，不能再审批延期"))
            let report = try await app.send(
                .POST, "/api/v1/items/\(item.id!.uuidString)/reports", as: court,
                json: LedgerDTO.ReportInput(partID: part.id!, text: "补报", figures: nil, period: nil))
            #expect(report.status == .conflict)
            #expect(report.text.contains("当前状态为“已销号”，不能报送进展"))
            let attached = try await app.upload(
                path + "/attachments", as: court, fileName: "a.pdf", data: Data("%PDF-1.7\n%%EOF".utf8))
            #expect(attached.status == .conflict)
            #expect(attached.text.contains("事项已销号，不能再上传附件"))
            #expect(try await Attachment.query(on: app.db).count() == 0)
            #expect(try await ProgressReport.query(on: app.db).filter(\.$item.$id == item.id!).count() == 0)
            #expect(try #require(try await ItemPart.find(part.id, on: app.db)).extendedTo == nil)
        }
    }

    // 3. A report on a part still 待签收 was taken and moved the next due date.
    @Test func aUnitSignsForItsPartBeforeItReports() async throws {
        try await withTestApp { app in
            let item = try await newItem(app, title: "每季度报送执行情况", deadline: "每季度", units: ["方城县人民法院"])
            let court = try await app.signIn("fangcheng.court")
            let part = try await part(app, of: item, unit: "方城县人民法院")
            let dueBefore = part.nextDueOn
            let period = try #require(
                LedgerStore.reportingSpans(
                    .quarter, from: CalendarDay(containing: app.clock.now()),
                    to: CalendarDay(
                        containing: app.clock.now())
                ).first?.key)
            func report() async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, "/api/v1/items/\(item.id!.uuidString)/reports", as: court,
                    json: LedgerDTO.ReportInput(partID: part.id!, text: "已部署", figures: nil, period: period))
            }
            // act, check
            let early = try await report()
            #expect(early.status == .conflict)
            #expect(early.text.contains("请先签收，再报送进展"))
            #expect(try await ProgressReport.query(on: app.db).filter(\.$item.$id == item.id!).count() == 0)
            #expect(try #require(try await ItemPart.find(part.id, on: app.db)).nextDueOn == dueBefore)
            #expect(try await step(app, court, item, part, .signFor).status == .seeOther)
            #expect(try await report().status == .created)
            #expect(try await ProgressReport.query(on: app.db).filter(\.$item.$id == item.id!).count() == 1)
        }
    }

    // 4. The reminders said 临期 of parts due in 35 days, which the lights show 正常.
    @Test func remindersLightsAndFiltersAgreeOnWhatIsDueSoon() async throws {
        try await withTestApp { app in
            let today = CalendarDay(containing: app.clock.now())
            let far = try await newItem(
                app, title: "三十五天后到期的事项", deadline: today.adding(days: 35).chinese, units: ["方城县人民法院"])
            let near = try await newItem(
                app, title: "三天后到期的事项", deadline: today.adding(days: 3).chinese, units: ["方城县人民法院"])
            // act
            _ = try await runDigest(app)
            // check
            let court = try await app.unit(named: "方城县人民法院")
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "411322").first())
            let lines = try await Notice.query(on: app.db).filter(\.$region.$id == region.id!)
                .filter(\.$recipient == Notice.unit(court.id!)).all().flatMap { $0.lines.components(separatedBy: "\n") }
            #expect(lines.filter { $0.contains("三十五天后到期的事项") } == ["【待签收】三十五天后到期的事项"])
            #expect(
                lines.filter { $0.contains("三天后到期的事项") }.sorted() == [
                    "【临期】三天后到期的事项：完成时限，时限 \(today.adding(days: 3).chinese)", "【待签收】三天后到期的事项",
                ])
            let office = try await app.signIn("fangcheng.office")
            let soon = try decode(
                LedgerDTO.Page.self,
                try await app.send(.GET, "/api/v1/regions/411322/items?timeliness=dueSoon&q=到期的事项", as: office))
            #expect(soon.items.map(\.title) == [near.title])
            #expect(soon.items.map(\.timeliness) == [.dueSoon])
            let onTime = try decode(
                LedgerDTO.Page.self,
                try await app.send(.GET, "/api/v1/regions/411322/items?timeliness=onTime&q=到期的事项", as: office))
            #expect(onTime.items.map(\.title) == [far.title])
        }
    }

    // 5. 待审核 found nothing while one of two units awaited review.
    @Test func anItemIsUnderAStateWhileAnyOfItsPartsIs() async throws {
        try await withTestApp { app in
            let item = try await newItem(
                app, title: "两家单位办理的事项", deadline: "2027年3月31日", units: ["方城县人民法院", "方城县司法局"])
            let court = try await app.signIn("fangcheng.court")
            let part = try await part(app, of: item, unit: "方城县人民法院")
            #expect(try await step(app, court, item, part, .signFor).status == .seeOther)
            #expect(try await step(app, court, item, part, .requestClosure).status == .seeOther)
            let office = try await app.signIn("fangcheng.office")
            // act
            let page = try await app.send(
                .GET, "/regions/411322/ledger?state=awaitingReview&q=两家单位", as: office)
            let api = try decode(
                LedgerDTO.Page.self,
                try await app.send(.GET, "/api/v1/regions/411322/items?state=awaitingReview&q=两家单位", as: office))
            // check: the item is there although as a whole it is 推进中 (方城县司法局 has not signed), with the part
            #expect(try #require(try await WorkItem.find(item.id, on: app.db)).state == .inProgress)
            #expect(api.items.map(\.title) == ["两家单位办理的事项"])
            #expect(page.text.contains("共 1 项"))
            #expect(page.text.contains("方城县人民法院：申请销号"))
            let issued = try decode(
                LedgerDTO.Page.self,
                try await app.send(.GET, "/api/v1/regions/411322/items?state=issued&q=两家单位", as: office))
            #expect(issued.items.map(\.title) == ["两家单位办理的事项"])
            let closed = try decode(
                LedgerDTO.Page.self,
                try await app.send(.GET, "/api/v1/regions/411322/items?state=closed&q=两家单位", as: office))
            #expect(closed.items.isEmpty)
        }
    }

    // 7. 督办本事项 opened an empty form; the roll-up said 草稿 where its table said 待部署.
    @Test func supervisionOfAnItemAndTheRollUpSpeakOfTheItem() async throws {
        try await withTestApp { app in
            let fangcheng = try #require(try await Region.query(on: app.db).filter(\.$code == "411322").first())
            let item = try #require(
                try await WorkItem.query(on: app.db).filter(\.$region.$id == fangcheng.id!).filter(\.$number == 2)
                    .first())
            let parts = try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).with(\.$unit).all()
            let open = parts.filter { !$0.state.isFinished }.map(\.unit)
            let office = try await app.signIn("fangcheng.office")
            // act
            let form = try await app.send(.GET, "/regions/411322/supervision?item=\(item.id!.uuidString)", as: office)
            // check
            #expect(form.text.contains("督办事项：第 2 项 \(item.title)"))
            #expect(!open.isEmpty)
            for unit in open {
                #expect(form.text.contains(#"value="\#(unit.id!.uuidString)" aria-label="督办\#(unit.name)" checked"#))
            }
            #expect(form.text.components(separatedBy: "\" checked").count - 1 == open.count)
            let province = try #require(
                try await WorkItem.query(on: app.db).join(WorkList.self, on: \WorkItem.$list.$id == \WorkList.$id)
                    .filter(WorkList.self, \.$title == "第一批十项重点工作").filter(\.$number == 1).first())
            let rollUp = try await app.send(
                .GET, "/items/\(province.id!.uuidString)", as: try await app.signIn("henan.office"))
            #expect(rollUp.text.contains("待部署 2，已交办 1"))
            #expect(!rollUp.text.contains("草稿"))
        }
    }

    // 6. Form errors stood only in a box at the top; the case form without a defendant said 鲁山县没有“”.
    @Test func aFormMarksEachFieldItRefusesAndKeepsWhatWasTyped() async throws {
        try await withTestApp { app in
            let list = try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            // act
            let item = try await app.send(
                .POST, "/regions/411322/ledger", as: try await app.signIn("fangcheng.office"),
                form: [
                    ("listID", list.id!.uuidString), ("title", " "), ("content", "保留的内容"), ("area", "other"),
                    ("deadline", "下个月底"),
                ])
            let defendantMissing = try await app.send(
                .POST, "/regions/410423/litigation/cases", as: try await app.signIn("lushan.court"),
                form: [
                    ("number", "（2024）豫0423行初90号"), ("court", "鲁山县人民法院"), ("procedure", ""), ("defendant", ""),
                    ("actionType", "行政处罚"), ("plaintiff", "企业"), ("filedOn", "2024-02-01"),
                ])
            // check: each field marked, its message beside it, the first one focused, the text kept
            #expect(item.status == .unprocessableEntity)
            #expect(
                item.text.contains(
                    #"<input type="text" id="f-title" name="title" value=" " required aria-invalid="true" aria-describedby="e-title" autofocus><p class="field-error" id="e-title">不能为空</p>"#
                ))
            #expect(
                item.text.contains(
                    #"<input type="text" id="f-deadline" name="deadline" value="下个月底" required aria-invalid="true" aria-describedby="e-deadline"><p class="field-error" id="e-deadline">无法识别“下个月底”"#
                ))
            #expect(item.text.contains(#"<p class="field-error" id="e-roles">至少指定一个牵头或责任单位</p>"#))
            #expect(item.text.contains("保留的内容"))
            #expect(item.text.components(separatedBy: "autofocus").count == 2)
            #expect(defendantMissing.status == .unprocessableEntity)
            #expect(defendantMissing.text.contains("<li>被告单位：不能为空</li>"))
            #expect(
                defendantMissing.text.contains(
                    #"<select id="f-defendant" name="defendant" aria-invalid="true" aria-describedby="e-defendant" autofocus>"#
                ))
        }
    }
}
