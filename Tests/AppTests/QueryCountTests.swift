import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

/// What each busy page and API answer costs in SQL statements. The counts are the same after a region's ledger
/// and cases double and every item's history doubles: a page whose count grows with its rows makes a query per
/// row (N+1), which is what turns milliseconds into seconds at province scale.
@Suite struct QueryCountTests {
    /// Statements per answer, as measured on the demo data; a change that adds one shows up here. Figures and the
    /// cases list's total are counted afresh each time (doubling the cases changes them): their count and the
    /// generation read before it (`FiguresCache`), twice for the figures API, which keeps its JSON beside the
    /// figures; `FiguresCacheTests` shows a second look reading the generation alone, as the cases API does here
    /// after the cases page counted the same total.
    static let budgets: [(path: String, user: String, statements: Int)] = [
        // Home pages: the caller's, the region, its parent, the shell, and one statement a card.
        ("/regions/410423", "lushan.office", 13),
        ("/regions/410423", "lushan.zrzy", 11),
        ("/api/v1/home", "lushan.office", 12),
        ("/regions/410423/units", "lushan.office", 8),
        ("/regions/410423/ledger", "lushan.office", 8),
        ("/regions/410423/ledger?state=ongoing&sort=due", "lushan.office", 8),
        ("/regions/410423/ledger?unit={unit}&timeliness=onTime", "lushan.office", 8),
        // 鲁山县's first item is closed: no lower regions to offer a hand-down to are looked up.
        ("/items/{item}", "lushan.office", 11),
        ("/regions/410423/supervision", "lushan.office", 5),
        ("/notices", "lushan.office", 3),
        ("/regions/410423/litigation", "lushan.office", 8),
        ("/regions/410400/litigation", "pds.office", 10),
        ("/regions/410423/litigation/cases", "lushan.office", 7),
        ("/litigation/cases/{case}", "lushan.office", 5),
        ("/regions/410403/judicial-suggestions", "weidong.office", 6),
        ("/regions/410400/judicial-suggestions/figures", "pds.office", 9),
        ("/api/v1/regions/410403/judicial-suggestions", "weidong.office", 4),
        ("/regions/410423/disputes", "lushan.office", 6),
        ("/regions/410400/disputes/figures", "pds.office", 12),
        ("/api/v1/regions/410423/disputes", "lushan.office", 4),
        ("/regions/410403/bankruptcy", "weidong.office", 5),
        // The case, its court, its matters, their items and their units' parts: whatever the number of matters.
        ("/bankruptcy/cases/{bankruptcyCase}", "weidong.office", 7),
        ("/api/v1/regions/410403/bankruptcy/cases", "weidong.office", 4),
        ("/api/v1/regions/410423/items", "lushan.office", 5),
        ("/api/v1/items/{item}", "lushan.office", 4),
        ("/api/v1/litigation/cases?region=410423", "lushan.office", 4),
        ("/api/v1/litigation/figures?region=410400&from=2024-01-01&to=2024-12-31&breakdown=unit", "pds.office", 5),
        // Last, after the dashboards have counted this year's figures: court staff see their unit's cards, four case
        // cards and the warnings (the figures' generation read); leaders the figures beside them, and the disputes'
        // figures against the region's targets (three statements: the litigation generation, the counts, the targets).
        ("/regions/410423", "lushan.court", 20),
        ("/regions/410423", "lushan.leader", 17),
        ("/regions/410000", "henan.leader", 19),
    ]

    @Test func pagesMakeAFixedNumberOfQueriesWhateverTheirRows() async throws {
        try await withTestApp { app in
            let log = QueryLog()
            app.middleware.use(QueryLog.Middleware(log: log), at: .beginning)
            let region = try #require(try await Region.query(on: app.db).filter(\.$code == "410423").first())
            let item = try #require(
                try await WorkItem.query(on: app.db).filter(\.$region.$id == region.requireID()).sort(\.$number)
                    .first())
            let adminCase = try #require(
                try await AdminCase.query(on: app.db).filter(\.$region.$id == region.requireID()).sort(\.$caseNumber)
                    .first())
            let unit = try #require(
                try await ItemPart.query(on: app.db).filter(\.$item.$id == item.requireID()).first()?.$unit.id)
            let bankruptcyCase = try #require(
                try await BankruptcyCase.query(on: app.db).sort(\.$acceptedOn, .descending).first())
            var sessions: [String: TestSession] = [:]
            for user in Set(Self.budgets.map(\.user)) { sessions[user] = try await app.signIn(user) }

            func counts() async throws -> [String: Int] {
                var counts: [String: Int] = [:]
                for (template, user, _) in Self.budgets {
                    let path = template.replacingOccurrences(of: "{item}", with: item.id!.uuidString)
                        .replacingOccurrences(of: "{case}", with: adminCase.id!.uuidString)
                        .replacingOccurrences(of: "{unit}", with: unit.uuidString)
                        .replacingOccurrences(of: "{bankruptcyCase}", with: bankruptcyCase.id!.uuidString)
                    let statements = try await log.recording {
                        let answer = try await app.send(.GET, path, as: sessions[user])
                        #expect(answer.status == .ok, "\(path): \(answer.text.prefix(300))")
                    }
                    counts["\(user) \(template)"] = statements.count
                }
                return counts
            }

            func rows() async throws -> [Int] {
                [
                    try await WorkItem.query(on: app.db).filter(\.$region.$id == region.requireID()).count(),
                    try await ProgressReport.query(on: app.db).filter(\.$item.$id == item.requireID()).count(),
                    try await AdminCase.query(on: app.db).filter(\.$region.$id == region.requireID()).count(),
                ]
            }
            let before = try await counts()
            let rowsBefore = try await rows()
            try await doubleLedgerAndCases(of: region, on: app.db)
            #expect(try await rows() == rowsBefore.map { $0 * 2 })
            let after = try await counts()
            for (path, user, budget) in Self.budgets {
                let key = "\(user) \(path)"
                #expect(before[key] == budget, "\(key): \(before[key] ?? -1) statements")
                #expect(after[key] == before[key], "\(key): \(before[key] ?? -1) → \(after[key] ?? -1)")
            }
        }
    }

    /// Every item of `region` gets a copy with its parts, reports and events, every item twice its reports and
    /// events, and every case a copy with its hearings.
    private func doubleLedgerAndCases(of region: Region, on db: any Database) async throws {
        /// Writes a copy of every model the query finds, with a new id, changed by `edit`; the old id to the new.
        @discardableResult
        func copy<M: BulkInsertable>(_ query: QueryBuilder<M>, edit: (M, Int) -> Void) async throws -> [UUID: UUID]
        where M.IDValue == UUID {
            let models = try await query.all()
            var copyOf: [UUID: UUID] = [:]
            for (index, model) in models.enumerated() {
                copyOf[model.id!] = UUID()
                model.id = copyOf[model.id!]
                edit(model, index)
            }
            try await db.insert(models, now: Date())
            return copyOf
        }
        let items = WorkItem.query(on: db).filter(\.$region.$id == (try region.requireID()))
        let itemIDs = try await items.copy().all(\.$id)
        let itemCopyOf = try await copy(items) { item, _ in item.number += 1000 }
        try await copy(ItemPart.query(on: db).filter(\.$item.$id ~~ itemIDs)) { part, _ in
            part.$item.id = itemCopyOf[part.$item.id]!
        }
        for target in [{ (id: UUID) in itemCopyOf[id]! }, { (id: UUID) in id }] {
            try await copy(ProgressReport.query(on: db).filter(\.$item.$id ~~ itemIDs)) { report, _ in
                report.$item.id = target(report.$item.id)
            }
            try await copy(ItemEvent.query(on: db).filter(\.$item.$id ~~ itemIDs)) { event, _ in
                event.$item.id = target(event.$item.id)
            }
        }
        let cases = AdminCase.query(on: db).filter(\.$region.$id == (try region.requireID()))
        let caseIDs = try await cases.copy().all(\.$id)
        let caseCopyOf = try await copy(cases) { adminCase, index in
            adminCase.caseNumber = adminCase.caseNumber.replacingOccurrences(of: "号", with: "\(90_000 + index)号")
        }
        try await copy(Hearing.query(on: db).filter(\.$adminCase.$id ~~ caseIDs)) { hearing, _ in
            hearing.$adminCase.id = caseCopyOf[hearing.$adminCase.id]!
        }
    }
}
