import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct LedgerTests {
    func region(_ app: Application, _ code: String) async throws -> Region {
        try #require(try await Region.query(on: app.db).filter(\.$code == code).first())
    }

    func rows(_ app: Application, _ code: String, _ filter: LedgerFilter = LedgerFilter()) async throws
        -> [LedgerQueries.Row]
    {
        try await LedgerQueries.rows(
            region: region(app, code), filter: filter, today: CalendarDay(containing: app.clock.now()),
            rules: DueRules(),
            paged: false, on: app.db
        ).rows
    }

    /// A store is called the same way from a handler, a command or a test: with who acts, when and on which
    /// database, not with a request. Its rules and its audit entry are the same.
    @Test func aStoreActsWithoutARequest() async throws {
        try await withTestApp { app in
            let office = try await app.acting("lushan.office")
            let list = try await LedgerStore.createList(
                regionID: office.caller.regionID, kind: .problem, title: " 命令行建立的清单 ", source: "测试", as: office)
            #expect(list.title == "命令行建立的清单")
            let entry = try #require(try await app.auditEntries(.listCreated).last)
            #expect(entry.actorName == "lushan.office")
            #expect(entry.ipAddress == "local")
            #expect(entry.summary == "新建问题清单：命令行建立的清单")
            let court = try await app.acting("lushan.court")
            await #expect(throws: AppError.self) {
                _ = try await LedgerStore.createList(
                    regionID: court.caller.regionID, kind: .problem, title: "法院不能建清单", source: "", as: court)
            }
            let weidong = try await app.acting("weidong.office")
            await #expect(throws: AppError.self) {
                _ = try await LedgerStore.createList(
                    regionID: office.caller.regionID, kind: .problem, title: "别县的清单", source: "", as: weidong)
            }
        }
    }

    @Test func demoLedgersHoldTheSeedsItems() async throws {
        try await withTestApp { app in
            let fangcheng = try await rows(app, "411322")
            #expect(fangcheng.count == 30)
            #expect(fangcheng[22].item.title == "研发一府两院互动交流平台“方城县府院通”")
            #expect(fangcheng[22].units(.lead) == ["方城县政务服务和大数据管理局"])
            #expect(fangcheng[22].units(.responsible) == ["方城县人民检察院", "方城县人民法院"])
            #expect(fangcheng[6].item.deadline == .periodic(.quarter, graceDays: 10))
            var plan = LedgerFilter()
            plan.list = try await WorkList.query(on: app.db).filter(\.$source == "汝府院联席办〔2022〕4号").first()?.id
            let ruzhou = try await rows(app, "410482", plan)
            #expect(ruzhou.count == 17)
            // 汝州市 also holds the ten items 平顶山市 handed down.
            #expect(try await rows(app, "410482").count == 27)
            #expect(ruzhou.map(\.item.deadline.label).filter { $0 == "持续推进" }.count == 14)
            #expect(ruzhou.last?.item.deadline == .asNeeded)
        }
    }

    /// Today is after every 2021 deadline: the items still in progress, and the quarterly item whose reports stop in
    /// 2022, are overdue; closed, long-term and awaiting-review items are not.
    @Test func overdueIsDerivedFromTodayAndTheParts() async throws {
        try await withTestApp { app in
            var filter = LedgerFilter()
            filter.timeliness = .overdue
            let fangcheng = try await rows(app, "411322", filter).map(\.item.number)
            #expect(fangcheng == [2, 7, 8, 10, 13, 18, 19, 20, 22, 25, 29])
            let ruzhou = try await rows(app, "410482", filter).map(\.item.number)
            #expect(ruzhou == [1, 8])
            filter.timeliness = .dueSoon
            #expect(try await rows(app, "411322", filter).isEmpty)
            // Two years earlier the 2021 items were not due yet.
            let early = try await LedgerQueries.rows(
                region: region(app, "411322"), filter: LedgerFilter(), today: CalendarDay(parsing: "2021-10-25")!,
                rules: DueRules(), paged: false, on: app.db
            ).rows
            #expect(early.first { $0.item.number == 3 }?.timeliness == Timeliness.none)  // closed
            #expect(early.first { $0.item.number == 2 }?.timeliness == .onTime)  // due 2021-12-20
            #expect(early.first { $0.item.number == 13 }?.timeliness == .dueSoon)  // due 2021-10-31
            // The filter, worked out by the database, picks the same items as the marks worked out here.
            for mark in [Timeliness.none, .onTime, .dueSoon, .overdue] {
                filter.timeliness = mark
                let filtered = try await LedgerQueries.rows(
                    region: region(app, "411322"), filter: filter, today: CalendarDay(parsing: "2021-10-25")!,
                    rules: DueRules(), paged: false, on: app.db
                ).rows.map(\.item.number)
                let marked: Set<Timeliness> = mark == .onTime || mark == .none ? [.onTime, .none] : [mark]
                #expect(filtered == early.filter { marked.contains($0.timeliness) }.map(\.item.number), "\(mark)")
            }
            // The items due 2021-10-31 that were still open then.
            #expect(early.filter { $0.timeliness == .dueSoon }.map(\.item.number) == [13, 18, 19, 20, 25, 29])
        }
    }

    @Test func filtersAndKeywordSearch() async throws {
        try await withTestApp { app in
            var filter = LedgerFilter()
            filter.q = "破产"
            #expect(try await rows(app, "411322", filter).map(\.item.number) == [11, 12, 13])
            // The keyword is matched as written: % and _ are not wildcards.
            filter.q = "100%"
            #expect(try await rows(app, "411322", filter).map(\.item.number) == [4])
            filter.q = "率_"
            #expect(try await rows(app, "411322", filter).isEmpty)
            filter = LedgerFilter()
            filter.unit = try await app.unit(named: "方城县民政局").id
            #expect(try await rows(app, "411322", filter).map(\.item.number) == [30])
            filter = LedgerFilter()
            filter.state = .closed
            #expect(try await rows(app, "411322", filter).count == 17)
            filter.state = .awaitingReview
            #expect(try await rows(app, "411322", filter).map(\.item.number) == [16])
            filter = LedgerFilter()
            filter.kind = .longTerm
            #expect(try await rows(app, "411322", filter).map(\.item.number) == [1])
            filter = LedgerFilter()
            filter.area = .bankruptcy
            #expect(try await rows(app, "411322", filter).map(\.item.number) == [11, 12, 13])
        }
    }

    @Test func aPageHoldsTwentyFiveRowsAndTheTotal() async throws {
        try await withTestApp { app in
            var filter = LedgerFilter()
            filter.page = 2
            let (rows, total) = try await LedgerQueries.rows(
                region: region(app, "411322"), filter: filter, today: CalendarDay(containing: app.clock.now()),
                rules: DueRules(), paged: true, on: app.db)
            #expect(total == 30)
            #expect(rows.map(\.item.number) == [26, 27, 28, 29, 30])
            filter.sort = .updated
            filter.page = 3
            let beyond = try await LedgerQueries.rows(
                region: region(app, "411322"), filter: filter, today: CalendarDay(containing: app.clock.now()),
                rules: DueRules(), paged: true, on: app.db)
            #expect(beyond.total == 30 && beyond.rows.isEmpty)
            let office = try await app.signIn("fangcheng.office")
            let far = try await app.send(.GET, "/api/v1/regions/411322/items?page=\(Int.max)", as: office)
            #expect(far.status == .ok)
            #expect(far.text == #"{"items":[],"total":30}"#)
        }
    }

    @Test func pageAndExportShowTheSameRows() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let page = try await app.send(.GET, "/regions/411322/ledger?timeliness=overdue", as: office)
            #expect(page.text.contains("共 11 项"))
            #expect(page.text.components(separatedBy: "data-mark=\"red\"").count - 1 == 11)
            let csv = try await app.send(.GET, "/regions/411322/ledger.csv?timeliness=overdue", as: office)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "\u{FEFF}序号,事项,牵头单位,责任单位,完成时限,办理状态,最新进展,是否逾期")
            #expect(lines.count == 12)
            #expect(lines[1] == "2,建立行政诉讼风险提示白皮书制度（每半年）,方城县人民法院,方城县人民政府办公室、方城县司法局,2021年12月20日,推进中,,是")
        }
    }

    @Test func anEmptyFilterFormMeansAny() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let page = try await app.send(
                .GET, "/regions/411322/ledger?list=&area=&unit=&state=&kind=&timeliness=&q=&page=x", as: office)
            #expect(page.status == .ok)
            #expect(page.text.contains("共 30 项"))
        }
    }

    /// The API is strict where the form is forgiving: a value outside the choices is refused, named.
    @Test func theAPIRefusesAFilterValueItDoesNotKnow() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let bad = try await app.send(.GET, "/api/v1/regions/411322/items?state=finished&list=&page=0", as: office)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("list：取值“”不在可选范围内；state：取值“finished”不在可选范围内；page：须为正整数"))
            let good = try await app.send(.GET, "/api/v1/regions/411322/items?q=", as: office)
            #expect(good.status == .ok)
            #expect(good.body.string.contains(#""total":30"#))
        }
    }

    @Test func exportNeutralisesFormulas() {
        #expect(TableExport.neutralised("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(TableExport.neutralised("+1") == "'+1")
        #expect(TableExport.neutralised("-1") == "'-1")
        #expect(TableExport.neutralised("@SUM") == "'@SUM")
        #expect(TableExport.neutralised("鲁山县") == "鲁山县")
    }

    /// Draft → issued → signed for → reported → closure requested → sent back → extension → closed.
    @Test func anItemWalksFromDraftToClosure() async throws {
        try await withTestApp { app in
            // setup
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("fangcheng.court")
            let list = try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            let courtUnit = try await app.unit(named: "方城县人民法院")
            let created = try await app.send(
                .POST, "/regions/411322/ledger", as: office,
                form: [
                    ("listID", list.id!.uuidString), ("title", "建立行政审判白皮书定期通报制度"), ("content", "每半年通报一次"),
                    ("area", "trialOversight"), ("deadline", "2026年12月31日"), ("lead[]", courtUnit.id!.uuidString),
                ])
            #expect(created.status == .seeOther)
            let item = try #require(try await WorkItem.query(on: app.db).filter(\.$title == "建立行政审判白皮书定期通报制度").first())
            #expect(item.number == 31)
            #expect(item.state == .draft)
            let itemPath = "/items/\(item.id!.uuidString)"
            let part = try #require(try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).first())
            func step(_ session: TestSession, _ action: WorkflowAction, reason: String = "") async throws
                -> TestingHTTPResponse
            {
                try await app.send(
                    .POST, itemPath + "/step", as: session,
                    form: [("partID", part.id!.uuidString), ("action", action.rawValue), ("reason", reason)])
            }
            func state() async throws -> (ItemState, UnitState) {
                let item = try #require(try await WorkItem.find(item.id, on: app.db))
                let part = try #require(try await ItemPart.find(part.id, on: app.db))
                return (item.state, part.state)
            }
            // act and check, step by step
            #expect(try await step(court, .signFor).status == .unprocessableEntity)  // not issued yet
            #expect(try await app.send(.POST, itemPath + "/issue", as: office, form: []).status == .seeOther)
            #expect(try await state() == (.issued, .assigned))
            #expect(try await step(office, .signFor).status == .forbidden)  // the unit signs, not the office
            #expect(try await step(court, .signFor).status == .seeOther)
            #expect(try await step(court, .signFor).status == .conflict)  // a double click happens once
            #expect(try await state() == (.inProgress, .inProgress))
            let report = try await app.send(
                .POST, itemPath + "/reports", as: court,
                form: [("partID", part.id!.uuidString), ("text", "已起草白皮书"), ("figures", "结案 43 件")])
            #expect(report.status == .seeOther)
            #expect(try await step(court, .requestClosure).status == .seeOther)
            #expect(try await state() == (.awaitingReview, .closureRequested))
            let noReason = try await step(office, .sendBack)
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.text.contains("理由：退回须说明理由"))
            #expect(try await step(office, .sendBack, reason: "缺少通报数据").status == .seeOther)
            #expect(try await state() == (.inProgress, .inProgress))
            let ext = try await app.send(
                .POST, itemPath + "/extensions", as: court,
                form: [("partID", part.id!.uuidString), ("day", "2027-03-31"), ("reason", "等待年度数据")])
            #expect(ext.status == .seeOther)
            let pending = try #require(
                try await ExtensionRequest.query(on: app.db).filter(\.$part.$id == part.id!).first())
            #expect(
                try await app.send(
                    .POST, itemPath + "/extensions/decide", as: office,
                    form: [("extensionID", pending.id!.uuidString), ("approve", "1"), ("note", "同意")]
                ).status == .seeOther)
            let extended = try #require(try await ItemPart.find(part.id, on: app.db))
            #expect(extended.extendedTo == "2027-03-31")
            #expect(extended.nextDueOn == "2027-03-31")
            #expect(extended.nextDueReason == "延期后的完成时限")
            #expect(try await step(court, .requestClosure).status == .seeOther)
            #expect(try await step(office, .approveClosure).status == .seeOther)
            #expect(try await state() == (.closed, .closed))
            let illegal = try await step(court, .requestClosure)
            #expect(illegal.status == .conflict)
            #expect(illegal.text.contains("当前状态为“已销号”，不能申请销号"))
            // the whole history, newest first
            let events = try await ItemEvent.query(on: app.db).filter(\.$item.$id == item.id!).sort(\.$at).all().map(
                \.what)
            #expect(
                events == [
                    "新建事项", "交办", "签收：待签收 → 办理中", "报送进展", "申请销号：办理中 → 申请销号", "退回：申请销号 → 办理中",
                    "申请延期至 2027年3月31日", "同意延期至 2027年3月31日", "申请销号：办理中 → 申请销号", "审核销号：申请销号 → 已销号",
                ])
            let page = try await app.send(.GET, itemPath, as: office)
            #expect(page.text.contains("缺少通报数据"))
            #expect(page.text.contains("已起草白皮书"))
            #expect(try await app.auditEntries(.itemStep).count == 5)
        }
    }

    @Test func theRollUpShowsEachLowerRegionsAnswer() async throws {
        try await withTestApp { app in
            let city = try await app.signIn("pds.office")
            let cityItem = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "410400").filter(\.$number == 1).first())
            let page = try await app.send(.GET, "/items/\(cityItem.id!.uuidString)", as: city)
            #expect(page.text.contains(#"<p class="muted" id="roll-up-tally">待部署 2，已销号 1</p>"#))
            #expect(page.text.contains("125072.39 元"))
            let four = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "410400").filter(\.$number == 4).first())
            let notApplicable = try await app.send(.GET, "/items/\(four.id!.uuidString)", as: city)
            #expect(notApplicable.text.contains("待部署 2，无相关问题事项 1"))
            #expect(notApplicable.text.contains("经县住建局、县人民法院认真研判、仔细排查，目前没有相关问题事项。"))
        }
    }

    @Test func aLowerOfficeDeploysOrDeclaresNoRelatedMatters() async throws {
        try await withTestApp { app in
            let weidong = try await app.signIn("weidong.office")
            let drafts = try await WorkItem.query(on: app.db).join(
                Region.self, on: \WorkItem.$region.$id == \Region.$id
            )
            .filter(Region.self, \.$code == "410403").filter(\.$parentItem.$id != nil).sort(\.$number).all()
            #expect(drafts.count == 10)
            #expect(drafts.allSatisfy { $0.state == .draft && $0.$parentItem.id != nil })
            let none = try await app.send(
                .POST, "/items/\(drafts[3].id!.uuidString)/not-applicable", as: weidong,
                form: [("reason", "经排查，我区目前没有相关问题事项")])
            #expect(none.status == .seeOther)
            let justice = try await app.unit(named: "卫东区司法局")
            let deploy = try await app.send(
                .POST, "/items/\(drafts[1].id!.uuidString)/assign", as: weidong,
                form: [("lead[]", justice.id!.uuidString), ("issueNow", "1")])
            #expect(deploy.status == .seeOther)
            #expect(try await WorkItem.find(drafts[1].id, on: app.db)?.state == .issued)
            #expect(try await WorkItem.find(drafts[3].id, on: app.db)?.state == .notApplicable)
            let city = try await app.signIn("pds.office")
            let parent = try #require(drafts[3].$parentItem.id)
            let rollUp = try await app.send(.GET, "/items/\(parent.uuidString)", as: city)
            #expect(rollUp.text.contains("待部署 1，无相关问题事项 2"))
            // a sibling county can neither see nor act
            let lushan = try await app.signIn("lushan.office")
            #expect(try await app.send(.GET, "/items/\(drafts[1].id!.uuidString)", as: lushan).status == .notFound)
            // the city reads but does not act in the county's ledger
            #expect(try await app.send(.GET, "/items/\(drafts[1].id!.uuidString)", as: city).status == .ok)
            #expect(
                try await app.send(
                    .POST, "/items/\(drafts[2].id!.uuidString)/not-applicable", as: city, form: [("reason", "x")]
                ).status == .forbidden)
        }
    }

    @Test func periodicReportsCloseTheirPeriod() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("fangcheng.court")
            let item = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "411322").filter(\.$number == 7).first())
            let part = try #require(
                try await ItemPart.query(on: app.db).filter(\.$item.$id == item.id!).filter(\.$role == .lead).first())
            #expect(part.nextDueOn == "2022-07-10")
            #expect(part.nextDueReason == "2022年第2季度进展报告")
            let wrong = try await app.send(
                .POST, "/items/\(item.id!.uuidString)/reports", as: court,
                form: [("partID", part.id!.uuidString), ("text", "走访企业"), ("period", "2019-Q1")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("报送期次：请选择本次报告所属的期次"))
            _ = try await app.send(
                .POST, "/items/\(item.id!.uuidString)/reports", as: court,
                form: [("partID", part.id!.uuidString), ("text", "走访企业"), ("period", "2022-Q2")])
            let after = try #require(try await ItemPart.find(part.id, on: app.db))
            #expect(after.nextDueOn == "2022-10-10")
            #expect(after.nextDueReason == "2022年第3季度进展报告")
        }
    }
}

@Suite struct LedgerAPITests {
    func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
    }

    /// Twelve items created at once in one list take twelve different numbers, 31 to 42 (the list holds 30).
    @Test func concurrentCreatesTakeDistinctNumbers() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let list = try #require(try await WorkList.query(on: app.db).filter(\.$title == "方城县府院联动机制实施方案").first())
            let courtUnit = try await app.unit(named: "方城县人民法院")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 1...12 {
                    let input = LedgerStore.ItemInput(
                        listID: list.id!, title: "并发新建事项\(index)", content: "", area: .enforcement,
                        deadline: "2027年3月31日", leadUnitIDs: [courtUnit.id!], responsibleUnitIDs: [],
                        cooperatingUnitIDs: [], issueNow: false)
                    group.addTask { try await app.send(.POST, "/api/v1/items", as: office, json: input).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .created, count: 12))
            let numbers = try await WorkItem.query(on: app.db).filter(\.$list.$id == list.requireID())
                .filter(\.$title =~ "并发新建事项").all().map(\.number).sorted()
            #expect(numbers == Array(31...42))
        }
    }

    @Test func anotherSystemWalksAnItemThroughTheAPI() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let court = try await app.signIn("fangcheng.court")
            let lists = try decode(
                [LedgerDTO.List].self, try await app.send(.GET, "/api/v1/regions/411322/lists", as: office))
            #expect(lists.map(\.title) == ["方城县府院联动机制实施方案"])
            let courtUnit = try await app.unit(named: "方城县人民法院")
            let input = LedgerStore.ItemInput(
                listID: lists[0].id, title: "建立执行款项预算保障台账", content: "", area: .enforcement, deadline: "2027年3月31日",
                leadUnitIDs: [courtUnit.id!], responsibleUnitIDs: [], cooperatingUnitIDs: [], issueNow: true)
            let created = try await app.send(.POST, "/api/v1/items", as: office, json: input)
            #expect(created.status == .created)
            var item = try decode(LedgerDTO.Item.self, created)
            #expect(item.number == 31)
            #expect(item.state == .issued)
            #expect(item.parts.map(\.state) == [.assigned])
            #expect(item.parts[0].nextDueOn == "2027-03-31")
            let partID = item.parts[0].id
            let signed = try await app.send(
                .POST, "/api/v1/items/\(item.id)/steps", as: court,
                json: LedgerDTO.Step(partID: partID, action: .signFor, reason: nil))
            item = try decode(LedgerDTO.Item.self, signed)
            #expect(item.state == .inProgress)
            let again = try await app.send(
                .POST, "/api/v1/items/\(item.id)/steps", as: court,
                json: LedgerDTO.Step(partID: partID, action: .signFor, reason: nil))
            #expect(again.status == .conflict)
            #expect(again.text == #"{"error":{"code":"conflict","message":"当前状态为“办理中”，不能签收"}}"#)
            let reported = try await app.send(
                .POST, "/api/v1/items/\(item.id)/reports", as: court,
                json: LedgerDTO.ReportInput(partID: partID, text: "已建立台账", figures: "12 件", period: nil))
            #expect(reported.status == .created)
            let clerk = try #require(try await User.query(on: app.db).filter(\.$username == "fangcheng.court").first())
            let today = CalendarDay(containing: app.clock.now()).description
            // The answer is the report created, not the item with every report.
            let answered = try decode(LedgerDTO.Report.self, reported)
            #expect(
                [answered.unitName, answered.reportedOn, answered.text, answered.figures, answered.author]
                    == ["方城县人民法院", today, "已建立台账", "12 件", clerk.displayName])
            #expect(answered.period == nil)
            let second = try await app.send(
                .POST, "/api/v1/items/\(item.id)/reports", as: court,
                json: LedgerDTO.ReportInput(partID: partID, text: "已清理 3 件", figures: nil, period: nil))
            #expect(try decode(LedgerDTO.Report.self, second).text == "已清理 3 件")
            let reports = try #require(
                try decode(LedgerDTO.Item.self, try await app.send(.GET, "/api/v1/items/\(item.id)", as: court)).reports
            )
            #expect(reports.map(\.text) == ["已清理 3 件", "已建立台账"])  // newest first
            #expect(reports.map(\.figures) == ["", "12 件"])
            #expect(reports.map(\.unitName) == ["方城县人民法院", "方城县人民法院"])
            #expect(reports.map(\.author) == [clerk.displayName, clerk.displayName])
            #expect(reports.map(\.reportedOn) == [today, today])
            #expect(reports.map(\.period) == [nil, nil])
            // The item page shows the same reports, newest first.
            let page = try await app.send(.GET, "/items/\(item.id)", as: court).text
            let line = "\(CalendarDay(containing: app.clock.now()).chinese) · 方城县人民法院 · \(clerk.displayName)"
            let shown = page.matches(
                of: /<div class="report"><div class="muted small">([^<]*)<\/div><p class="prewrap">([^<]*)<\/p>/
            )
            .map { "\($0.output.1) | \($0.output.2)" }
            #expect(shown == ["\(line) | 已清理 3 件", "\(line) | 已建立台账"])
            #expect(page.contains("<p class=\"muted\">数据：12 件</p>"))
            var filter = try decode(
                LedgerDTO.Page.self,
                try await app.send(.GET, "/api/v1/regions/411322/items?timeliness=overdue", as: office))
            #expect(filter.total == 11)
            filter = try decode(
                LedgerDTO.Page.self, try await app.send(.GET, "/api/v1/regions/411322/items?q=预算保障台账", as: office))
            #expect(filter.items.map(\.title) == ["建立执行款项预算保障台账"])
        }
    }

    @Test func theRollUpAsJSON() async throws {
        try await withTestApp { app in
            let province = try await app.signIn("henan.office")
            let item = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "410000").filter(\.$number == 1).first())
            let rollUp = try decode(
                LedgerDTO.RollUp.self, try await app.send(.GET, "/api/v1/items/\(item.id!)/roll-up", as: province))
            #expect(rollUp.regions.map(\.name) == ["平顶山市", "安阳市", "南阳市"])
            #expect(rollUp.regions.map(\.state) == [.issued, .draft, .draft])
            #expect(rollUp.tally == ["issued": 1, "draft": 2])
        }
    }
}

/// An item reported on for years keeps its page short: the newest 50 reports and steps, and a link to all of them.
@Suite struct ItemHistoryTests {
    @Test func theItemPageShowsTheNewestFiftyReportsAndStepsAndAllOnRequest() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("fangcheng.office")
            let item = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "411322").filter(\.$number == 22).first())
            let itemID = try item.requireID()
            let unitID = try #require(try await ItemPart.query(on: app.db).filter(\.$item.$id == itemID).first()).$unit
                .id
            try await ProgressReport.query(on: app.db).filter(\.$item.$id == itemID).delete()
            try await ItemEvent.query(on: app.db).filter(\.$item.$id == itemID).delete()
            let start = app.clock.now()
            for index in 1...52 {
                try await ProgressReport(
                    itemID: itemID, unitID: unitID, reportedOn: CalendarDay(containing: start), periodKey: nil,
                    text: "第 \(index) 次进展", figures: "", author: "联络员"
                ).create(on: app.db)
                try await ItemEvent(
                    itemID: itemID, at: start.addingTimeInterval(Double(index * 60)), actor: "联络员", what: "第 \(index) 步"
                ).create(on: app.db)
            }
            func shown(_ page: String, _ marker: String) -> [Int] {
                (1...52).filter { page.contains("第 \($0) \(marker)<") }
            }
            let page = try await app.send(.GET, "/items/\(itemID)", as: office).text
            #expect(page.contains("进展报告（52）"))
            #expect(shown(page, "次进展") == Array(3...52))
            #expect(shown(page, "步") == Array(3...52))
            #expect(page.contains(#"<p class="muted small" id="reports-more">以上为最近 50 条。"#))
            #expect(page.contains(#"href="/items/\#(itemID)?history=all#history""#))
            let all = try await app.send(.GET, "/items/\(itemID)?history=all", as: office).text
            #expect(shown(all, "次进展") == Array(1...52))
            #expect(shown(all, "步") == Array(1...52))
            #expect(!all.contains("reports-more") && !all.contains("history-more"))
            // The API answers with every report.
            let answer = try await app.send(.GET, "/api/v1/items/\(itemID)", as: office)
            let api = try JSONDecoder().decode(LedgerDTO.Item.self, from: Data(answer.body.readableBytesView))
            #expect(api.reports?.count == 52)
            #expect(api.reports?.first?.text == "第 52 次进展")
        }
    }
}

@Suite struct LedgerSortTests {
    @Test func byTheNearestDueDayWithOpenEndedItemsLast() async throws {
        try await withTestApp { app in
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "411322").first())
            var filter = LedgerFilter()
            filter.sort = .due
            let rows = try await LedgerQueries.rows(
                region: region, filter: filter, today: CalendarDay(containing: app.clock.now()), rules: DueRules(),
                paged: false, on: app.db
            ).rows
            // Earliest first: item 7, whose responsible units never sent their 2021 Q3 report (due 2021-10-10); the
            // 2021-10-31 items still open (13, 18, 19, 20, 25, 29); 2021-11-30 (8, 10); 2021-12-20 (2, 22); then the rest.
            #expect(rows.prefix(11).map(\.item.number) == [7, 13, 18, 19, 20, 25, 29, 8, 10, 2, 22])
            #expect(rows.dropFirst(11).allSatisfy { $0.parts.allSatisfy { $0.nextDueOn == nil } })
            #expect(rows.count == 30)
        }
    }
}

@Suite struct ItemLinkTests {
    @Test func ruzhousMeasuresAnswerTheLossRateProblem() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("ruzhou.office")
            let problem = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "410482").filter(\.$title == "行政机关败诉率高、行政争议实质性化解不佳的问题").first())
            let page = try await app.send(.GET, "/items/\(problem.id!.uuidString)", as: office)
            #expect(page.text.contains("对应的责任清单事项（17）"))
            #expect(page.text.contains("第 1 项 建立汝州市人民政府行政复议咨询委员会"))
            let measure = try #require(try await WorkItem.query(on: app.db).filter(\.$title == "强化行政执法监督").first())
            let back = try await app.send(.GET, "/items/\(measure.id!.uuidString)", as: office)
            #expect(back.text.contains("回应的问题清单事项"))
            #expect(back.text.contains("行政机关败诉率高、行政争议实质性化解不佳的问题"))
            // Pairing again is refused; a problem cannot be paired with another problem.
            let again = try await app.send(
                .POST, "/items/\(problem.id!.uuidString)/links", as: office,
                form: [("measureID", measure.id!.uuidString)])
            #expect(again.status == .conflict)
            let other = try #require(
                try await WorkItem.query(on: app.db).join(Region.self, on: \WorkItem.$region.$id == \Region.$id)
                    .filter(Region.self, \.$code == "410482").filter(\.$title == "问题楼房处置化解").first())
            // The dropdown offers every responsibility item of 汝州市 not yet paired with that problem, in list order.
            let linked = Set(
                try await ItemLink.query(on: app.db).filter(\.$problem.$id == other.requireID()).all()
                    .map(\.$measure.id))
            let offered = try await WorkItem.query(on: app.db).join(
                WorkList.self, on: \WorkItem.$list.$id == \WorkList.$id
            )
            .filter(\.$region.$id == other.$region.id).filter(WorkList.self, \.$kind == .responsibility)
            .sort(\.$number).all().filter { !linked.contains($0.id!) }
            let otherPage = try await app.send(.GET, "/items/\(other.id!.uuidString)", as: office)
            let form = try #require(otherPage.text.firstMatch(of: /id="link-form"(?s:.*?)<\/form>/)).output
            let options = form.matches(of: /<option value="([^"]+)"[^>]*>([^<]*)<\/option>/)
                .map { "\($0.output.1) \($0.output.2)" }
            #expect(options == offered.map { "\($0.id!.uuidString) 第 \($0.number) 项 \($0.title)" })
            #expect(options.count == 17)
            let wrong = try await app.send(
                .POST, "/items/\(problem.id!.uuidString)/links", as: office, form: [("measureID", other.id!.uuidString)]
            )
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("责任清单事项：须为本区划责任清单中的事项"))
        }
    }
}
