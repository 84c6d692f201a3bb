import Fluent
import FuyuanCore
import Vapor

/// Importing enforcement cases from .xlsx or .csv in the export's own columns (`EnforcementTable.header`), so that
/// an exported file imports back unchanged. Every row is checked first; either every new case is written, in one
/// transaction, or nothing is and every bad row is named with its column and reason. Keyed by case number: a case
/// already registered with the same values is left as it is; one that differs is a problem (it is corrected on its
/// page, where its payments are).
enum EnforcementImport {
    struct Counts: Content, Equatable {
        let created: Int
        let unchanged: Int
    }

    static let required = ["案号", "被执行单位", "立案日期"]
    /// The largest file accepted.
    static let maximumBytes = 20 << 20

    /// Reads `file` (on the thread pool) and writes its new cases into `region`.
    static func run(_ file: URL, region: Region, as acting: Acting, threadPool: NIOThreadPool) async throws -> Counts {
        let caller = try acting.caller(for: .maintainEnforcement)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        let sheet = try await threadPool.runIfActive {
            try SpreadsheetImport.sheet(file, required: required, sheetNamed: EnforcementTable.sheetName)
        }
        let organs = try await EnforcementQueries.organChoices(of: region, on: acting.db)
        let matcher = UnitNameMatcher(units: organs.map(\.name), regionName: region.name)
        let organIDs = Dictionary(organs.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        let campaigns = Dictionary(
            try await EnforcementQueries.campaignChoices(of: region, on: acting.db).map { ($0.name, $0.id) },
            uniquingKeysWith: { first, _ in first })
        var problems: [SpreadsheetImport.RowProblem] = []
        var planned: [(EnforcementStore.Snapshot, paidFen: Int64, row: Int)] = []
        var numbers: [String: Int] = [:]
        for line in sheet.lines {
            let (row, cells) = (line.number, line.cells)
            var found = line.problems
            func problem(_ column: String, _ reason: String) {
                found.append(.init(row: row, column: column, reason: reason))
            }
            var number = ""
            do { number = try CaseNumber(parsing: sheet.cell(cells, "案号")).description } catch {
                problem("案号", error.description)
            }
            if let first = numbers[number] {
                problem("案号", "与第 \(first) 行重复")
            } else if !number.isEmpty {
                numbers[number] = row
            }
            var organID: UUID?
            switch matcher.match(sheet.cell(cells, "被执行单位")) {
            case .unit(let name): organID = organIDs[name]
            case .none(let closest):
                problem("被执行单位", "“\(sheet.cell(cells, "被执行单位"))”不是本区划或上级区划的单位" + hint(closest))
            case .ambiguous(let names): problem("被执行单位", "可能是 \(names.joined(separator: "、"))，请写全称")
            }
            let what = sheet.cell(cells, "履行内容")
            let obligation: Obligation = what.isEmpty || what == Obligation.money.label ? .money : .act
            var owed: Int64 = 0
            var paid: Int64 = 0
            if obligation == .money {
                do { owed = try Money.fen(parsing: sheet.cell(cells, "标的金额（元）")) } catch {
                    problem("标的金额（元）", error.message)
                }
                let paidText = sheet.cell(cells, "已履行金额（元）")
                if !paidText.isEmpty {
                    do { paid = try Money.fen(parsing: paidText) } catch { problem("已履行金额（元）", error.message) }
                    if paid > owed && owed > 0 { problem("已履行金额（元）", "超过标的金额") }
                }
            }
            let filed = SpreadsheetImport.day(sheet.cell(cells, "立案日期"))
            if filed == nil { problem("立案日期", "请写日期，如 2024-05-08") }
            if let filed, filed > acting.today { problem("立案日期", "不能晚于今天") }
            let campaignName = sheet.cell(cells, "专项清理")
            let campaignID = campaignName.isEmpty ? nil : campaigns[campaignName]
            if !campaignName.isEmpty && campaignID == nil { problem("专项清理", "“\(campaignName)”不是本区划或上级区划的专项清理") }
            let stateText = sheet.cell(cells, "执行状态")
            let ended = [EnforcementState.terminated, .settled].first { $0.label == stateText }
            problems += found
            guard found.isEmpty, let organID, let filed else { continue }
            let court = sheet.cell(cells, "执行法院")
            planned.append(
                (
                    EnforcementStore.Snapshot(
                        caseNumber: number, court: court.isEmpty ? "\(region.name)人民法院" : court, organID: organID,
                        basis: sheet.cell(cells, "执行依据"), obligation: obligation, owedFen: owed,
                        act: obligation == .act ? what : "", filedOn: filed.description, campaignID: campaignID,
                        state: ended
                            ?? (obligation == .money
                                ? EnforcementCaseState.state(owedFen: owed, paidFen: paid) : .unperformed)),
                    paid, row
                ))
        }
        let stored = Dictionary(
            try await EnforcementCase.query(on: acting.db).filter(\.$caseNumber ~~ planned.map(\.0.caseNumber)).all()
                .map { ($0.caseNumber, $0) }, uniquingKeysWith: { first, _ in first })
        var new: [(EnforcementStore.Snapshot, Int64)] = []
        for (snapshot, paid, row) in planned {
            guard let existing = stored[snapshot.caseNumber] else {
                new.append((snapshot, paid))
                continue
            }
            if EnforcementStore.Snapshot(existing) != snapshot || existing.paidFen != paid
                || existing.$region.id != region.id
            {
                problems.append(.init(row: row, column: "案号", reason: "\(snapshot.caseNumber) 已经登记，与登记的不同：请在案件页修改"))
            }
        }
        if sheet.lines.isEmpty { problems.append(.init(row: sheet.header.row + 1, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }
        let counts = Counts(created: new.count, unchanged: planned.count - new.count)
        let created = new
        try await acting.db.write { db in
            for (snapshot, paid) in created {
                let item = EnforcementCase()
                item.$region.id = try region.requireID()
                (item.caseNumber, item.court, item.$organ.id) = (snapshot.caseNumber, snapshot.court, snapshot.organID)
                (item.basis, item.obligation, item.owedFen) = (snapshot.basis, snapshot.obligation, snapshot.owedFen)
                (item.act, item.filedOn, item.$campaign.id) = (snapshot.act, snapshot.filedOn, snapshot.campaignID)
                (item.state, item.paidFen, item.note) = (snapshot.state, paid, "")
                try await item.create(on: db)
                if paid > 0 {
                    let payment = EnforcementPayment()
                    payment.$enforcementCase.id = try item.requireID()
                    payment.paidOn = acting.today.description
                    payment.amountFen = paid
                    payment.method = .reconciled
                    payment.note = "导入时已履行"
                    payment.recordedBy = caller.displayName
                    try await payment.create(on: db)
                }
            }
            try await acting.audit(
                .enforcementImported, object: ("enforcement_cases", "import"),
                summary: "导入涉党政机关执行案件：新增 \(counts.created)，未变 \(counts.unchanged)", on: db)
        }
        return counts
    }

    private static func hint(_ closest: [String]) -> String {
        closest.isEmpty ? "" : "；是否为 " + closest.joined(separator: "、")
    }
}
