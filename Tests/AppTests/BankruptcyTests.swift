import Fluent
import Foundation
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// Bankruptcy coordination: the court lists what a case needs of the government, each matter goes through the
/// ledger's workflow (sign, close), and the case concludes once none is open. On SQLite and, with `DATABASE_URL`,
/// on PostgreSQL.
@Suite struct BankruptcyTests {
    static let api = "/api/v1/regions/410423/bankruptcy/cases"

    func step(_ app: Application, _ session: TestSession, item: UUID, unit: String, _ action: WorkflowAction)
        async throws -> TestingHTTPResponse
    {
        let unitID = try await app.unit(named: unit).id!
        let part = try #require(
            try await ItemPart.query(on: app.db).filter(\.$item.$id == item).filter(\.$unit.$id == unitID).first())
        return try await app.send(
            .POST, "/items/\(item.uuidString)/step", as: session,
            form: [("partID", part.id!.uuidString), ("action", action.rawValue), ("reason", "")])
    }

    @Test func mattersGoThroughTheLedgerAndTheCaseConcludesWhenNoneIsOpen() async throws {
        try await withTestApp { app in
            // setup: a reorganisation accepted 100 days ago
            let court = try await app.signIn("lushan.court")
            let today = CalendarDay(containing: app.clock.now())
            let accepted = today.adding(days: -100)
            let created = try await app.send(
                .POST, Self.api, as: court,
                json: BankruptcyStore.Input(
                    caseNumber: "(2026)豫0423破3号", debtor: "鲁山县某矿业有限公司", procedure: .reorganization,
                    judge: "刘某", administrator: "河南某律师事务所", acceptedOn: accepted.description,
                    claimsDueOn: accepted.adding(days: 45).description))
            #expect(created.status == .created)
            let made = try created.content.decode(BankruptcyAPI.CaseDTO.self)
            #expect([made.caseNumber, made.court, made.region] == ["（2026）豫0423破3号", "鲁山县人民法院", "410423"])
            #expect(made.stage == .accepted)
            #expect(made.daysRun == 100)
            let path = Self.api + "/" + made.id.uuidString
            // act: two matters for 自然资源局
            let zrzy = try await app.unit(named: "鲁山县自然资源局")
            for (kind, unit) in [(BankruptcyMatterKind.realEstate, zrzy), (.assets, zrzy)] {
                let listed = try await app.send(
                    .POST, path + "/matters", as: court,
                    json: BankruptcyStore.MatterInput(
                        kind: kind, unitID: unit.id!, deadline: today.adding(days: 30).description, content: "协调"))
                #expect(listed.status == .created)
            }
            // check: each is an issued item of 鲁山县's bankruptcy list, its unit the lead
            let read = try await app.send(.GET, path, as: court).content.decode(BankruptcyAPI.CaseDTO.self)
            #expect(read.matters.map(\.number) == [1, 2])
            #expect(read.matters.map(\.kind) == [.realEstate, .assets])
            #expect(read.matters.map(\.title) == ["鲁山县某矿业有限公司破产案：不动产处置", "鲁山县某矿业有限公司破产案：资产盘活"])
            #expect(read.matters.map(\.units) == [["鲁山县自然资源局"], ["鲁山县自然资源局"]])
            #expect(read.matters.map(\.content) == ["（2026）豫0423破3号（破产重整）：协调", "（2026）豫0423破3号（破产重整）：协调"])
            #expect(read.matters.map(\.state) == [.issued, .issued])
            #expect(read.matters.map(\.timeliness) == [.onTime, .onTime])
            let list = try #require(
                try await WorkList.query(on: app.db).filter(\.$kind == .bankruptcy).filter(
                    \.$region.$id == app.unit(named: "鲁山县人民法院").$region.id
                ).all().first)
            #expect([list.title, list.source] == ["办理破产府院联动协调事项", "人民法院破产案件"])
            let (estate, assets) = (read.matters[0].itemID, read.matters[1].itemID)
            let history = try await ItemEvent.query(on: app.db).filter(\.$item.$id == estate).sort(\.$at).all()
            #expect(history.map(\.what) == ["新建事项", "交办"])

            // act: concluding while both are open is refused, naming how many
            let early = try await app.send(
                .POST, path + "/conclude", as: court, json: BankruptcyStore.Conclusion(concludedOn: today.description))
            #expect(early.status == .conflict)
            #expect(early.text.contains("尚有 2 项协调事项未办结"))

            // act: the court may not sign for the department; 自然资源局 closes one (the office approving) and
            // finds the other not to apply (the office confirming)
            let liaison = try await app.signIn("lushan.zrzy")
            let office = try await app.signIn("lushan.office")
            let unit = "鲁山县自然资源局"
            #expect(try await step(app, court, item: estate, unit: unit, .signFor).status == .forbidden)
            for (session, action) in [
                (liaison, WorkflowAction.signFor), (liaison, .requestClosure), (office, .approveClosure),
            ] {
                #expect(try await step(app, session, item: estate, unit: unit, action).status == .seeOther)
            }
            let oneOpen = try await app.send(
                .POST, path + "/conclude", as: court, json: BankruptcyStore.Conclusion(concludedOn: today.description))
            #expect(oneOpen.status == .conflict)
            #expect(oneOpen.text.contains("尚有 1 项协调事项未办结"))
            for (session, action) in [
                (liaison, WorkflowAction.signFor), (liaison, .requestNotApplicable), (office, .confirmNotApplicable),
            ] {
                #expect(try await step(app, session, item: assets, unit: unit, action).status == .seeOther)
            }

            // act: conclude 10 days ago
            let concluded = try await app.send(
                .POST, path + "/conclude", as: court,
                json: BankruptcyStore.Conclusion(concludedOn: today.adding(days: -10).description))
            // check: 90 days from acceptance to the end, and nothing more may be listed or changed
            #expect(concluded.status == .ok)
            let ended = try concluded.content.decode(BankruptcyAPI.CaseDTO.self)
            #expect(ended.stage == .concluded)
            #expect(ended.concludedOn == today.adding(days: -10).description)
            #expect(ended.daysRun == 90)
            #expect(ended.matters.map(\.state) == [.closed, .notApplicable])
            let late = try await app.send(
                .POST, path + "/matters", as: court,
                json: BankruptcyStore.MatterInput(
                    kind: .other, unitID: zrzy.id!, deadline: today.adding(days: 30).description, content: nil))
            #expect(late.status == .conflict)
            #expect(late.text.contains("破产案件已终结，不能再列出协调事项"))
            let again = try await app.send(
                .POST, path + "/conclude", as: court, json: BankruptcyStore.Conclusion(concludedOn: today.description))
            #expect(again.status == .conflict)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$objectID == "（2026）豫0423破3号").sort(\.$seq)
                .all().map(\.action)
            #expect(audit == ["bankruptcy.saved", "bankruptcy.matter", "bankruptcy.matter", "bankruptcy.concluded"])
        }
    }

    @Test func badInputIsNamedAndTheLedgerKeepsItsOwnLists() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("lushan.court")
            let today = CalendarDay(containing: app.clock.now())
            let bad = try await app.send(
                .POST, Self.api, as: court,
                json: BankruptcyStore.Input(
                    caseNumber: "破产1号", debtor: " ", procedure: .liquidation,
                    acceptedOn: today.adding(days: 1).description, firstMeetingOn: "2020-01-01"))
            #expect(bad.status == .unprocessableEntity)
            for words in ["案号：", "债务人：不能为空", "受理日期：不能晚于今天"] { #expect(bad.text.contains(words)) }
            // Another court's number, or a number that is not a bankruptcy case's, is refused by name.
            for (number, words) in [
                ("（2026）豫0403破5号", "案号：须为鲁山县法院的案号"), ("（2026）豫0423执5号", "案号：须为破产案件的案号"),
            ] {
                let refused = try await app.send(
                    .POST, Self.api, as: court,
                    json: BankruptcyStore.Input(
                        caseNumber: number, debtor: "某公司", procedure: .liquidation, acceptedOn: today.description))
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.text.contains(words), "\(number)")
            }
            // 卫东区's two demo cases, and no other
            #expect(try await BankruptcyCase.query(on: app.db).count() == 2)
            let made = try await BankruptcyStore.create(
                .init(
                    caseNumber: "（2026）豫0423破4号", debtor: "某公司", procedure: .liquidation, acceptedOn: today.description),
                region: try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first()),
                as: try await app.acting("lushan.court"))
            let path = Self.api + "/" + made.id!.uuidString
            // a past deadline, a court as the responsible unit, the stage set to concluded by PATCH
            let past = try await app.send(
                .POST, path + "/matters", as: court,
                json: BankruptcyStore.MatterInput(
                    kind: .staff, unitID: try await app.unit(named: "鲁山县人力资源和社会保障局").id!,
                    deadline: today.adding(days: -1).description, content: nil))
            #expect(past.status == .unprocessableEntity)
            #expect(past.text.contains("办理时限：不能早于今天"))
            let courtUnit = try await app.send(
                .POST, path + "/matters", as: court,
                json: BankruptcyStore.MatterInput(
                    kind: .staff, unitID: try await app.unit(named: "鲁山县人民法院").id!,
                    deadline: today.adding(days: 9).description, content: nil))
            #expect(courtUnit.status == .unprocessableEntity)
            #expect(courtUnit.text.contains("责任单位：须为本区划的政府部门或单位"))
            let patched = try await app.send(
                .PATCH, path, as: court,
                json: BankruptcyStore.Input(
                    caseNumber: "（2026）豫0423破4号", debtor: "某公司", procedure: .liquidation, stage: .concluded,
                    acceptedOn: today.description))
            #expect(patched.status == .unprocessableEntity)
            #expect(patched.text.contains("程序阶段：终结请用“终结程序”"))
            // the office cannot make a bankruptcy list, nor add an item to one, nor hand a matter down
            let office = try await app.signIn("lushan.office")
            let list = try await app.send(
                .POST, "/api/v1/regions/410423/lists", as: office,
                json: LedgerDTO.ListInput(kind: .bankruptcy, title: "破产", source: nil))
            #expect(list.status == .unprocessableEntity)
            #expect(list.text.contains("清单类别：破产协调事项清单由法院在破产案件中列出事项，不能新建"))
            _ = try await BankruptcyStore.addMatter(
                to: made,
                .init(
                    kind: .staff, unitID: try await app.unit(named: "鲁山县人力资源和社会保障局").id!,
                    deadline: today.adding(days: 9).description, content: nil), as: try await app.acting("lushan.court")
            )
            let bankruptcyList = try #require(
                try await WorkList.query(on: app.db).filter(\.$kind == .bankruptcy).filter(
                    \.$region.$id == made.$region.id
                )
                .first())
            let item = try await app.send(
                .POST, "/api/v1/items", as: office,
                json: LedgerStore.ItemInput(
                    listID: bankruptcyList.id!, title: "另一事项", content: "", area: .other, deadline: "2027年6月30日",
                    leadUnitIDs: [try await app.unit(named: "鲁山县司法局").id!], responsibleUnitIDs: [],
                    cooperatingUnitIDs: [], issueNow: false))
            #expect(item.status == .unprocessableEntity)
            #expect(item.text.contains("破产协调事项由法院在破产案件中列出"))
            let matter = try #require(
                try await WorkItem.query(on: app.db).filter(\.$list.$id == bankruptcyList.id!).first())
            await #expect(throws: AppError.self) {
                _ = try await LedgerStore.handDown(matter, to: ["410400"], as: try await app.acting("lushan.office"))
            }
        }
    }

    /// 卫东区's demo: last year's liquidation concluded, this year's reorganisation with its real-estate matter
    /// 5 days late: the list's lights and counts, its filters, the court's home card and its digest.
    @Test func theDemoShowsLateMattersToTheCourt() async throws {
        try await withTestApp { app in
            let court = try await app.signIn("weidong.court")
            let today = CalendarDay(containing: app.clock.now())
            let page = try await app.send(.GET, "/api/v1/regions/410403/bankruptcy/cases", as: court).content.decode(
                BankruptcyAPI.Page.self)
            #expect(page.total == 2)
            #expect(page.cases.map(\.debtor) == ["平顶山市卫东区某机械制造有限公司", "平顶山市卫东区某商贸有限公司"])
            #expect(page.cases.map(\.matters) == [3, 2])
            #expect(page.cases.map(\.openMatters) == [2, 0])
            #expect(page.cases.map(\.timeliness) == [.overdue, .none])
            #expect(page.cases.map(\.daysRun) == [160, 210])
            #expect(page.cases.map(\.stage) == [.meeting, .concluded])
            for (filter, debtors) in [
                ("progress=late", ["平顶山市卫东区某机械制造有限公司"]), ("progress=concluded", ["平顶山市卫东区某商贸有限公司"]),
                ("procedure=liquidation", ["平顶山市卫东区某商贸有限公司"]), ("q=%E6%9C%BA%E6%A2%B0", ["平顶山市卫东区某机械制造有限公司"]),
            ] {
                let filtered = try await app.send(.GET, "/api/v1/regions/410403/bankruptcy/cases?\(filter)", as: court)
                    .content.decode(BankruptcyAPI.Page.self)
                #expect(filtered.cases.map(\.debtor) == debtors, "\(filter)")
            }
            let bad = try await app.send(.GET, "/api/v1/regions/410403/bankruptcy/cases?progress=soon", as: court)
            #expect(bad.status == .unprocessableEntity)

            let home = try await app.send(.GET, "/api/v1/home", as: court).text
            #expect(home.contains("逾期的破产协调事项"))
            #expect(home.contains("平顶山市卫东区某机械制造有限公司破产案：不动产处置"))
            let lines = try await Digest.bankruptcy(Digest.Day(today: today, rules: DueRules()), app.db)
            let courtID = try await app.unit(named: "卫东区人民法院").id!
            let weidong = try await app.unit(named: "卫东区人民法院").$region.id
            let number = page.cases[0].caseNumber
            #expect(
                lines == [
                    Digest.Key(regionID: weidong, recipient: Notice.unit(courtID)): [
                        "【破产协调】\(number) 平顶山市卫东区某机械制造有限公司：不动产处置（卫东自然资源和规划分局），已逾期 5 日"
                    ]
                ])
        }
    }
}
