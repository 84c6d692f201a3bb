import Fluent
import FuyuanCore
import SQLKit
import Testing
import VaporTesting

@testable import App

/// `fuyuan gen` at county scale (鲁山县 with 平顶山市 and the province above it), and what rests on it: the bulk
/// insert's rows read back through Fluent, and the database's figures equal to `LitigationFigures.of`.
@Suite struct GeneratorTests {
    static let until = CalendarDay(year: 2026, month: 11, day: 23)!
    static let options = Generator.Options(scale: .county, seed: 7, years: 5, until: until)

    func generate(_ app: Application) async throws -> Generator.Counts {
        try await Generator.run(app, options: Self.options) { _ in }
    }

    @Test func countyScaleHasTheSizesItsRulesGive() async throws {
        try await withTestApp(demo: false) { app in
            let counts = try await generate(app)
            // 6 organs + 30 departments in each region, and 21 townships in the county.
            #expect(counts.regions == 3)
            #expect(counts.units == 36 + 36 + 57)
            #expect(try await Unit.query(on: app.db).count() == 129)
            // Two accounts a unit, and the three administrators.
            #expect(counts.users == 2 * 129 + 3)
            #expect(try await User.query(on: app.db).count() == 261)
            // Two lists of 34 items a year for five years, in each of the three regions, and the bankruptcy matters.
            #expect(counts.items == 3 * 5 * 68 + counts.bankruptcyMatters)
            #expect(try await WorkItem.query(on: app.db).count() == 1020 + counts.bankruptcyMatters)
            // Bankruptcy: 4 cases a year in the city, 2 in the county, none in the province; those accepted after the
            // last day left out. Each has one to four matters of different kinds, each an issued item of its region's
            // bankruptcy list led by one department, and a concluded case none open.
            #expect((24...30).contains(counts.bankruptcyCases))
            #expect(try await BankruptcyCase.query(on: app.db).count() == counts.bankruptcyCases)
            let matters = try await BankruptcyMatter.query(on: app.db).with(\.$item).all()
            #expect(matters.count == counts.bankruptcyMatters)
            let byCase = Dictionary(grouping: matters, by: { $0.$bankruptcyCase.id })
            #expect(byCase.count == counts.bankruptcyCases)
            #expect(byCase.values.allSatisfy { (1...4).contains($0.count) && Set($0.map(\.kind)).count == $0.count })
            #expect(matters.allSatisfy { $0.item.area == .bankruptcy && $0.item.issuedOn != nil })
            let bankruptcyLists = try await WorkList.query(on: app.db).filter(\.$kind == .bankruptcy).all()
            #expect(bankruptcyLists.count == 2)
            #expect(Set(matters.map { $0.item.$list.id }) == Set(bankruptcyLists.map(\.id)))
            for concluded in try await BankruptcyCase.query(on: app.db).filter(\.$stage == .concluded).all() {
                #expect(try await BankruptcyQueries.openMatters(of: concluded.id!, on: app.db) == 0)
                #expect(concluded.concludedOn.map { $0 >= concluded.acceptedOn } == true)
            }
            #expect(try await ProgressReport.query(on: app.db).count() == counts.reports)
            #expect(try await AdminCase.query(on: app.db).count() == counts.cases)
            #expect(try await Hearing.query(on: app.db).count() == counts.hearings)
            // At most 343 cases a region a year; those that would be filed after the last day are left out.
            #expect(counts.cases <= 3 * 5 * 343 && counts.cases > 3 * 5 * 300)
            // Six judicial suggestions a region a year, none issued after the day the data ends.
            #expect(try await JudicialSuggestion.query(on: app.db).count() == counts.suggestions)
            #expect(counts.suggestions <= 3 * 5 * 6 && counts.suggestions > 3 * 4 * 6)
            #expect(try await JudicialSuggestion.query(on: app.db).filter(\.$issuedOn > "2026-11-23").count() == 0)
            // Eleven enforcement cases a region a year, each paid no more than it owes.
            #expect(try await EnforcementCase.query(on: app.db).count() == counts.enforcementCases)
            #expect(counts.enforcementCases <= 3 * 5 * 11 && counts.enforcementCases > 3 * 4 * 11)
            let cases = try await EnforcementCase.query(on: app.db).all()
            #expect(cases.allSatisfy { $0.paidFen <= $0.owedFen })
            // A money case not ended otherwise is in the state its payments make.
            #expect(
                cases.filter { $0.obligation == .money && ![.terminated, .settled].contains($0.state) }.allSatisfy {
                    EnforcementCaseState.state(owedFen: $0.owedFen, paidFen: $0.paidFen) == $0.state
                })
            let paid = try await EnforcementPayment.query(on: app.db).all().reduce(Int64(0)) { $0 + $1.amountFen }
            #expect(paid == cases.reduce(0) { $0 + $1.paidFen })
            // 230 disputes a region a year; those more than a month old closed, each closed one with its days.
            #expect(try await Dispute.query(on: app.db).count() == counts.disputes)
            #expect(counts.disputes <= 3 * 5 * 230 && counts.disputes > 3 * 4 * 230)
            let disputes = try await Dispute.query(on: app.db).all()
            #expect(disputes.allSatisfy { $0.registeredOn <= "2026-11-23" })
            #expect(
                disputes.filter { $0.registeredOn < "2026-10-01" }.allSatisfy {
                    $0.state == .closed && $0.outcome != nil && ($0.closeDays ?? -1) >= 0 && $0.stepDue == ""
                })
            #expect(disputes.filter { $0.state != .closed }.allSatisfy { CalendarDay(parsing: $0.stepDue) != nil })
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.dataGenerated.rawValue)
                .all()
            #expect(entries.count == 1)
            #expect(entries.first?.summary.contains("区划 3、单位 129、账户 261、事项 \(1020 + counts.bankruptcyMatters)") == true)
            // Generated accounts carry their grant's tag: a county liaison signs in and is let through.
            let liaison = try #require(
                try await User.query(on: app.db).filter(\.$role == .liaison).sort(\.$username).first())
            let me = try await app.send(.GET, "/api/v1/me", as: try await app.signIn(liaison.username))
            #expect(me.status == .ok)
            #expect(try await AuditChain.verify(on: app.db).intact)
            // The planner knows the new rows: statistics exist only once ANALYZE has run.
            for table in [AdminCase.schema, WorkItem.schema, User.schema] {
                #expect(try await Self.statistics(of: table, app) > 0, "\(table)")
            }
        }
    }

    /// The planner's statistics rows on `table` (an error on SQLite before its first ANALYZE).
    static func statistics(of table: String, _ app: Application) async throws -> Int {
        struct Row: Decodable { let n: Int }
        let sql = try app.db.sql()
        let query: SQLQueryString =
            sql.dialect == .sqlite
            ? "SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = \(bind: table)"
            : "SELECT count(*) AS n FROM pg_stats WHERE tablename = \(bind: table) AND schemaname = current_schema()"
        return try await sql.raw(query).first(decoding: Row.self)?.n ?? 0
    }

    @Test func theSameSeedGivesTheSameData() async throws {
        var fingerprints: [[String]] = []
        for _ in 0..<2 {
            try await withTestApp(demo: false) { app in
                _ = try await generate(app)
                let items = try await WorkItem.query(on: app.db).sort(\.$id).all()
                let cases = try await AdminCase.query(on: app.db).sort(\.$caseNumber).all()
                fingerprints.append(
                    items.map { "\($0.id!) \($0.title) \($0.state) \($0.nextDueOn ?? "-")" }
                        + cases.map { "\($0.caseNumber) \($0.filedOn) \($0.outcome?.rawValue ?? "-")" })
            }
        }
        #expect(fingerprints[0] == fingerprints[1])
        #expect(fingerprints[0].count > 5000)
    }

    @Test func generatedLedgerStatesAreWhatTheWorkflowDerives() async throws {
        try await withTestApp(demo: false) { app in
            _ = try await generate(app)
            let items = try await WorkItem.query(on: app.db).all()
            let parts = Dictionary(grouping: try await ItemPart.query(on: app.db).all(), by: { $0.$item.id })
            let reports = Dictionary(grouping: try await ProgressReport.query(on: app.db).all(), by: { $0.$item.id })
            var states: Set<ItemState> = []
            for item in items {
                let itemParts = parts[item.id!] ?? []
                #expect(itemParts.filter { $0.role == .lead }.count == 1)
                #expect(item.state == Workflow.itemState(issued: true, units: itemParts.filter(\.counts).map(\.state)))
                #expect(item.nextDueOn == itemParts.compactMap(\.nextDueOn).min())
                for part in itemParts {
                    let reported = Set(
                        (reports[item.id!] ?? []).filter { $0.$unit.id == part.$unit.id }.compactMap(\.periodKey))
                    let due = LedgerStore.due(of: part, in: item, reportedPeriods: reported, rules: app.dueRules)
                    #expect(part.nextDueOn == due?.day.description)
                }
                states.insert(item.state)
            }
            // Old items are mostly closed, this year's mostly in progress: every common state occurs.
            #expect(states.isSuperset(of: [.inProgress, .closed, .ongoing, .awaitingReview]))
            let cases = try await AdminCase.query(on: app.db).all()
            #expect(Set(cases.map(\.caseNumber)).count == cases.count)
            #expect(cases.allSatisfy { $0.filedOn <= Self.until.description })
            #expect(cases.allSatisfy { c in c.concludedOn.map { $0 >= c.filedOn } ?? true })
        }
    }

    @Test func bulkInsertColumnsAreTheModelsFields() {
        func check<M: BulkInsertable>(_: M.Type) {
            #expect(Set(M.columns) == Set(M.keys.map(\.description)), "\(M.schema)")
        }
        check(Region.self)
        check(Unit.self)
        check(User.self)
        check(JointMeeting.self)
        check(MemberUnit.self)
        check(WorkList.self)
        check(WorkItem.self)
        check(ItemPart.self)
        check(ProgressReport.self)
        check(ItemEvent.self)
        check(AdminCase.self)
        check(Hearing.self)
    }

    @Test func bulkInsertedRowsReadBackThroughFluent() async throws {
        try await withTestApp { app in
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let unit = Unit(id: UUID(), name: "批量写入测试局", kind: .department, regionID: try region.requireID())
            let list = WorkList(regionID: try region.requireID(), kind: .problem, title: "批量", source: "测试")
            list.id = UUID()
            let item = try WorkItem(
                list: list, number: 1, title: "事项", content: "内容", area: .bankruptcy,
                deadline: .periodic(.halfYear, graceDays: 5))
            item.id = UUID()
            item.issuedOn = "2026-01-05"
            item.state = .inProgress
            item.nextDueOn = "2026-07-05"
            let adminCase = AdminCase()
            adminCase.id = UUID()
            adminCase.caseNumber = "（2026）豫0423行初9999号"
            adminCase.court = "鲁山县人民法院"
            adminCase.procedure = .firstInstance
            adminCase.actionType = .licensing
            adminCase.plaintiffKind = .enterprise
            adminCase.filedOn = "2026-02-01"
            adminCase.concludedOn = nil
            adminCase.outcome = nil
            adminCase.lossCause = nil
            adminCase.$defendant.id = unit.id!
            adminCase.$region.id = try region.requireID()
            try await app.db.insert([unit], now: now)
            try await app.db.insert([list], now: now)
            try await app.db.insert([item], now: now)
            try await app.db.insert([adminCase], now: now)
            let unitBack = try #require(try await Unit.find(unit.id, on: app.db))
            #expect(unitBack.name == "批量写入测试局" && unitBack.kind == .department && unitBack.version == 1)
            #expect(unitBack.createdAt == now)
            let itemBack = try #require(try await WorkItem.find(item.id, on: app.db))
            #expect(itemBack.deadline == .periodic(.halfYear, graceDays: 5))
            #expect(itemBack.area == .bankruptcy && itemBack.state == .inProgress && itemBack.nextDueOn == "2026-07-05")
            #expect(itemBack.$parentItem.id == nil)
            let caseBack = try #require(try await AdminCase.find(adminCase.id, on: app.db))
            #expect(caseBack.caseNumber == "（2026）豫0423行初9999号" && caseBack.concludedOn == nil)
            #expect(
                caseBack.outcome == nil && caseBack.actionType == .licensing && caseBack.plaintiffKind == .enterprise)
        }
    }
}
