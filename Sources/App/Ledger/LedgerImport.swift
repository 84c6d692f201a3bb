import Fluent
import FuyuanCore
import Vapor

/// Importing items, or a batch of progress reports, into a list from .xlsx or .csv. Every row is checked first;
/// either all rows are taken, or nothing is written and every bad row is named with its column and reason.
enum LedgerImport {
    enum Kind: String, Content, CaseIterable {
        case items, progress

        var label: String { self == .items ? "事项" : "进展" }
        var columns: String {
            self == .items
                ? "事项、完成时限、牵头单位或责任单位（必填）；具体内容、任务领域、配合单位（可选）"
                : "序号、单位、进展情况（必填）；相关数据、报送期次（可选，定期报送的事项必填期次）"
        }
    }

    /// A deadline as written; a workbook's date cell arrives written as its day.
    static func deadline(_ text: String) -> Deadline? {
        Deadline(parsing: text) ?? SpreadsheetImport.day(text).map(Deadline.date)
    }

    /// The sheet of the ledger's export, read first where a workbook has several.
    static let sheetName = "工作台账"

    /// A workbook as it was sent, read only once the caller may import it: on the thread pool, off the event loops,
    /// so that a large or hostile file delays no other request.
    struct Workbook: Sendable {
        let data: Data
        let config: AppConfig
        let threadPool: NIOThreadPool

        init(_ data: Data, app: Application) {
            (self.data, config, threadPool) = (data, app.config, app.threadPool)
        }

        func sheet(required: [String], oneOf: [String] = []) async throws -> SpreadsheetImport.Sheet {
            try await threadPool.runIfActive { [data, config] in
                let spool = try Spool.write(data, config)
                defer { spool.close() }
                return try SpreadsheetImport.sheet(spool.url, required: required, oneOf: oneOf, sheetNamed: sheetName)
            }
        }
    }

    // MARK: items

    static func importItems(_ workbook: Workbook, into list: WorkList, as acting: Acting) async throws -> Int {
        let caller = try acting.caller(for: .manageLedger)
        guard caller.regionID == list.$region.id else { throw AppError.forbidden }
        try list.requireOwn()
        let sheet = try await workbook.sheet(required: ["事项", "完成时限"], oneOf: ["牵头单位", "责任单位"])
        let region = try await list.$region.get(on: acting.db)
        let units = try await OrgQueries.units(of: region, on: acting.db)
        let matcher = UnitNameMatcher(units: units.map(\.name), regionName: region.name)
        let unitIDs = try Dictionary(uniqueKeysWithValues: units.map { ($0.name, try $0.requireID()) })
        let areas = Dictionary(uniqueKeysWithValues: TaskArea.allCases.map { ($0.label, $0) })

        struct Planned {
            let title: String
            let content: String
            let area: TaskArea
            let deadline: Deadline
            let parts: [(UUID, PartRole)]
        }
        var planned: [Planned] = []
        var problems: [SpreadsheetImport.RowProblem] = []
        for line in sheet.lines {
            let (number, row) = (line.number, line.cells)
            var rowProblems = line.problems
            let title = sheet.cell(row, "事项")
            if title.isEmpty { rowProblems.append(.init(row: number, column: "事项", reason: "不能为空")) }
            let deadlineText = sheet.cell(row, "完成时限")
            let parsed = deadline(deadlineText)
            if parsed == nil {
                rowProblems.append(
                    .init(row: number, column: "完成时限", reason: deadlineText.isEmpty ? "不能为空" : "无法识别“\(deadlineText)”"))
            }
            let areaText = sheet.cell(row, "任务领域")
            let area = areaText.isEmpty ? TaskArea.other : areas[areaText]
            if area == nil {
                rowProblems.append(
                    .init(
                        row: number, column: "任务领域",
                        reason: "“\(areaText)”不是任务领域，可填：" + TaskArea.allCases.map(\.label).joined(separator: "、")))
            }
            var parts: [(UUID, PartRole)] = []
            for (column, role) in [("牵头单位", PartRole.lead), ("责任单位", .responsible), ("配合单位", .cooperating)] {
                for name in names(sheet.cell(row, column)) {
                    let match = matcher.match(name)
                    if case .unit(let unit) = match, let unitID = unitIDs[unit] {
                        parts.append((unitID, role))
                    } else if let reason = SpreadsheetImport.problem(
                        with: match, written: name, regionName: region.name)
                    {
                        rowProblems.append(.init(row: number, column: column, reason: reason))
                    }
                }
            }
            if rowProblems.isEmpty && !parts.contains(where: { $0.1 != .cooperating }) {
                rowProblems.append(.init(row: number, column: "责任单位", reason: "至少指定一个牵头或责任单位"))
            }
            if Set(parts.map(\.0)).count != parts.count {
                rowProblems.append(.init(row: number, column: "责任单位", reason: "同一单位只能担任一种角色"))
            }
            problems += rowProblems
            if rowProblems.isEmpty, let parsed, let area {
                planned.append(
                    Planned(
                        title: title, content: sheet.cell(row, "具体内容"), area: area, deadline: parsed, parts: parts))
            }
        }
        if planned.isEmpty && problems.isEmpty { problems.append(.init(row: 2, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }

        let plans = planned
        try await acting.db.write { db in
            let first = try await LedgerStore.nextNumber(in: list, on: db)
            for (offset, plan) in plans.enumerated() {
                let item = try WorkItem(
                    list: list, number: first + offset, title: plan.title, content: plan.content, area: plan.area,
                    deadline: plan.deadline)
                try await item.create(on: db)
                for (unitID, role) in plan.parts {
                    try await ItemPart(itemID: item.requireID(), unitID: unitID, role: role).create(on: db)
                }
                try await ItemEvent(itemID: item.requireID(), at: acting.now, actor: caller.displayName, what: "导入事项")
                    .create(on: db)
            }
            try await acting.audit(
                .itemCreated, object: ("work_list", try list.requireID().uuidString),
                summary: "导入事项 \(plans.count) 项到\(list.title)（第 \(first)–\(first + plans.count - 1) 项，草稿）", on: db)
        }
        return plans.count
    }

    /// 鲁山县司法局、县法院 → two names.
    static func names(_ text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: "、，,;；/\n")).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
    }

    // MARK: progress

    static func importProgress(_ workbook: Workbook, into list: WorkList, as acting: Acting) async throws -> Int {
        let caller = try acting.caller(for: .manageLedger)
        guard caller.regionID == list.$region.id else { throw AppError.forbidden }
        let sheet = try await workbook.sheet(required: ["序号", "单位", "进展情况"])
        let region = try await list.$region.get(on: acting.db)
        let units = try await OrgQueries.units(of: region, on: acting.db)
        let matcher = UnitNameMatcher(units: units.map(\.name), regionName: region.name)
        let unitIDs = try Dictionary(uniqueKeysWithValues: units.map { ($0.name, try $0.requireID()) })
        let items = try await WorkItem.query(on: acting.db).filter(\.$list.$id == list.requireID()).all()
        let itemsByNumber = Dictionary(uniqueKeysWithValues: items.map { ($0.number, $0) })
        let parts = try await ItemPart.query(on: acting.db).filter(\.$item.$id ~~ items.compactMap(\.id)).all()
        let today = CalendarDay(containing: acting.now)

        var planned: [(item: WorkItem, part: ItemPart, unit: String, text: String, figures: String, period: String?)] =
            []
        var problems: [SpreadsheetImport.RowProblem] = []
        for line in sheet.lines {
            let (number, row) = (line.number, line.cells)
            var rowProblems = line.problems
            let numberText = sheet.cell(row, "序号")
            let item = Int(numberText).flatMap { itemsByNumber[$0] }
            if item == nil {
                rowProblems.append(.init(row: number, column: "序号", reason: "\(list.title)没有第“\(numberText)”项"))
            }
            let unitText = sheet.cell(row, "单位")
            let match = matcher.match(unitText)
            var unitName: String?
            if case .unit(let name) = match { unitName = name }
            if let reason = SpreadsheetImport.problem(with: match, written: unitText, regionName: region.name) {
                rowProblems.append(.init(row: number, column: "单位", reason: reason))
            }
            let text = sheet.cell(row, "进展情况")
            if text.isEmpty { rowProblems.append(.init(row: number, column: "进展情况", reason: "不能为空")) }
            var part: ItemPart?
            if let item, let unitName {
                part = parts.first { $0.$item.id == item.id && $0.$unit.id == unitIDs[unitName] }
                if let part, let refusal = part.state.reportRefusal {
                    rowProblems.append(
                        .init(row: number, column: "单位", reason: "第 \(item.number) 项\(unitName)：\(refusal)"))
                } else if part == nil {
                    rowProblems.append(.init(row: number, column: "单位", reason: "\(unitName)不是第 \(item.number) 项的办理单位"))
                }
            }
            var period: String?
            if let item, case .periodic(let reporting, _) = item.deadline {
                let written = sheet.cell(row, "报送期次")
                let spans = LedgerStore.reportingSpans(reporting, from: item.issuedDay ?? today, to: today)
                period = spans.first { $0.key == written || $0.label == written }?.key
                if period == nil {
                    rowProblems.append(
                        .init(
                            row: number, column: "报送期次",
                            reason: written.isEmpty
                                ? "定期报送的事项须填写期次，如 \(spans.first?.label ?? "")" : "“\(written)”不是本事项的报送期次"))
                }
            }
            problems += rowProblems
            if rowProblems.isEmpty, let item, let part, let unitName {
                planned.append((item, part, unitName, text, sheet.cell(row, "相关数据"), period))
            }
        }
        if planned.isEmpty && problems.isEmpty { problems.append(.init(row: 2, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }

        let plans = planned
        let touched = Array(
            Dictionary(try planned.map { (try $0.item.requireID(), $0.item) }, uniquingKeysWith: { first, _ in first })
                .values)
        try await acting.db.write { db in
            for plan in plans {
                try await ProgressReport(
                    itemID: plan.item.requireID(), unitID: plan.part.$unit.id, reportedOn: today,
                    periodKey: plan.period,
                    text: plan.text, figures: plan.figures, author: caller.displayName
                ).create(on: db)
                plan.item.latestReport = "\(plan.unit)：\(plan.text)"
                try await ItemEvent(
                    itemID: plan.item.requireID(), at: acting.now, actor: caller.displayName,
                    what: "导入进展" + (plan.period.map { "（\($0)）" } ?? ""), unitName: plan.unit
                ).create(on: db)
            }
            for item in touched {
                let itemParts = try await ItemPart.query(on: db).filter(\.$item.$id == item.requireID()).all()
                try await LedgerStore.refresh(
                    item, parts: itemParts, on: db, rules: acting.dueRules, today: acting.today)
            }
            try await acting.audit(
                .progressReported, object: ("work_list", try list.requireID().uuidString),
                summary: "导入进展 \(plans.count) 条到\(list.title)", on: db)
        }
        return plans.count
    }
}
