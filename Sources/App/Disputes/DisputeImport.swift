import Fluent
import FuyuanCore
import Vapor

/// Importing disputes from .xlsx or .csv in the export's own columns (`DisputeTable.header`), so that an exported
/// file imports back unchanged: the ledgers an office kept in Excel before. Every row is checked first; either every
/// new dispute is written, in one transaction, or nothing is and every bad row is named with its column and reason.
/// A row's state follows what it has: closed with 化解结果 and 办结日期, assigned with 承办人 and 办理期限, transferred
/// with 承办单位, else registered. Keyed by 登记编号 in the region (a row without one gets the next number); a
/// dispute already registered with the same values is left as it is, one that differs is a problem.
enum DisputeImport {
    struct Counts: Content, Equatable {
        let created: Int
        let unchanged: Int
    }

    static let required = ["来源", "申请人", "被申请行政机关", "行政行为类别", "争议事项", "登记日期"]
    /// The largest file accepted.
    static let maximumBytes = 20 << 20

    /// One row as it will be written.
    private struct Planned {
        let row: Int
        let number: String
        let checked: DisputeStore.Checked
        let state: DisputeState
        let handlingUnitID: UUID?
        let handler: String?
        let deadline: CalendarDay?
        let outcome: DisputeOutcome?
        let closedOn: CalendarDay?
    }

    static func run(_ file: URL, region: Region, as acting: Acting, threadPool: NIOThreadPool) async throws -> Counts {
        let caller = try acting.caller(for: .resolveDisputes)
        guard caller.regionID == region.id else { throw AppError.forbidden }
        let sheet = try await threadPool.runIfActive {
            try SpreadsheetImport.sheet(file, required: required, sheetNamed: DisputeTable.sheetName)
        }
        let units = try await OrgQueries.unitChoices(of: region, on: acting.db)
        let matcher = UnitNameMatcher(units: units.map(\.name), regionName: region.name)
        let unitIDs = Dictionary(units.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        var problems: [SpreadsheetImport.RowProblem] = []
        var planned: [Planned] = []
        var numbers: [String: Int] = [:]
        for line in sheet.lines {
            let (row, cells) = (line.number, line.cells)
            var found = line.problems
            func problem(_ column: String, _ reason: String) {
                found.append(.init(row: row, column: column, reason: reason))
            }
            func cell(_ name: String) -> String { sheet.cell(cells, name) }
            func unit(_ column: String) -> Unit.IDValue? {
                switch matcher.match(cell(column)) {
                case .unit(let name): return unitIDs[name]
                case .none(let closest):
                    problem(
                        column,
                        "“\(cell(column))”不是本区划的单位" + (closest.isEmpty ? "" : "；是否为 " + closest.joined(separator: "、")))
                case .ambiguous(let names): problem(column, "可能是 \(names.joined(separator: "、"))，请写全称")
                }
                return nil
            }
            func choice<Choice: CaseIterable>(_ column: String, _ label: (Choice) -> String) -> Choice? {
                let text = cell(column)
                guard let found = Choice.allCases.first(where: { label($0) == text }) else {
                    problem(column, "须为 \(Choice.allCases.map(label).joined(separator: "、")) 之一")
                    return nil
                }
                return found
            }
            let number = cell("登记编号")
            if let first = numbers[number], !number.isEmpty {
                problem("登记编号", "与第 \(first) 行重复")
            } else if !number.isEmpty {
                numbers[number] = row
            }
            let source: DisputeSource? = choice("来源", \.label)
            let actionType: ActionType? = choice("行政行为类别", \.label)
            let agencyID = unit("被申请行政机关")
            let registered = SpreadsheetImport.day(cell("登记日期"))
            if registered == nil { problem("登记日期", "请写日期，如 2026-03-08") }
            if let registered, registered > acting.today { problem("登记日期", "不能晚于今天") }
            var caseNumber = ""
            if !cell("案号").isEmpty {
                do { caseNumber = try CaseNumber(parsing: cell("案号")).description } catch {
                    problem("案号", error.description)
                }
            }
            let handlingUnitID = cell("承办单位").isEmpty ? nil : unit("承办单位")
            let handler = cell("承办人")
            let deadline = cell("办理期限").isEmpty ? nil : SpreadsheetImport.day(cell("办理期限"))
            if !cell("办理期限").isEmpty && deadline == nil { problem("办理期限", "请写日期，如 2026-03-20") }
            let outcome: DisputeOutcome? = cell("化解结果").isEmpty ? nil : choice("化解结果", \.label)
            let closedOn = cell("办结日期").isEmpty ? nil : SpreadsheetImport.day(cell("办结日期"))
            if !cell("办结日期").isEmpty && closedOn == nil { problem("办结日期", "请写日期，如 2026-04-01") }
            if outcome != nil && closedOn == nil && cell("办结日期").isEmpty { problem("办结日期", "有化解结果的，须写办结日期") }
            if let closedOn, let registered, closedOn < registered { problem("办结日期", "不能早于登记日期") }
            if let closedOn, closedOn > acting.today { problem("办结日期", "不能晚于今天") }
            if outcome == nil && !handler.isEmpty && cell("承办单位").isEmpty { problem("承办单位", "有承办人的，须写承办单位") }
            if outcome == nil && !handler.isEmpty && deadline == nil && cell("办理期限").isEmpty {
                problem("办理期限", "有承办人的，须写办理期限")
            }
            let applicant = cell("申请人")
            let claim = cell("争议事项")
            problems += found
            guard found.isEmpty, let source, let actionType, let agencyID, let registered else { continue }
            let state: DisputeState =
                outcome != nil
                ? .closed : !handler.isEmpty ? .assigned : handlingUnitID != nil ? .transferred : .registered
            planned.append(
                Planned(
                    row: row, number: number,
                    checked: .init(
                        source: source, applicant: applicant, agencyID: agencyID, agencyName: cell("被申请行政机关"),
                        actionType: actionType, claim: claim, registeredOn: registered, caseNumber: caseNumber),
                    state: state, handlingUnitID: handlingUnitID, handler: handler.isEmpty ? nil : handler,
                    deadline: deadline, outcome: outcome, closedOn: closedOn))
        }
        let numbered = planned.map(\.number).filter { !$0.isEmpty }
        let stored = Dictionary(
            try await Dispute.query(on: acting.db).filter(\.$region.$id == region.requireID())
                .filter(\.$number ~~ numbered).all().map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        // A row without its number is the dispute of the same applicant, agency, day and claim, if there is one.
        let unnumbered = planned.filter(\.number.isEmpty)
        let sameDays = Dictionary(
            try await Dispute.query(on: acting.db).filter(\.$region.$id == region.requireID())
                .filter(\.$registeredOn ~~ unnumbered.map(\.checked.registeredOn.description)).all()
                .map { (Self.identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        var new: [Planned] = []
        for plan in planned {
            let fresh = Dispute()
            DisputeStore.fill(fresh, plan.checked)
            guard let existing = plan.number.isEmpty ? sameDays[Self.identity(fresh)] : stored[plan.number] else {
                new.append(plan)
                continue
            }
            if DisputeStore.Snapshot(fresh) != DisputeStore.Snapshot(existing) || existing.state != plan.state {
                problems.append(
                    .init(row: plan.row, column: "登记编号", reason: "\(existing.number) 已经登记，与登记的不同：请在争议页修改"))
            }
        }
        if sheet.lines.isEmpty { problems.append(.init(row: sheet.header.row + 1, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }
        let counts = Counts(created: new.count, unchanged: planned.count - new.count)
        let created = new
        try await acting.db.write { db in
            for plan in created {
                let dispute = Dispute()
                dispute.$region.id = try region.requireID()
                DisputeStore.fill(dispute, plan.checked)
                dispute.number =
                    plan.number.isEmpty
                    ? try await DisputeStore.nextNumber(in: region, year: plan.checked.registeredOn.year, on: db)
                    : plan.number
                (dispute.state, dispute.registeredBy, dispute.urges) = (plan.state, caller.displayName, 0)
                (dispute.$handlingUnit.id, dispute.handler) = (plan.handlingUnitID, plan.handler)
                dispute.deadline = plan.deadline?.description
                if let outcome = plan.outcome, let closedOn = plan.closedOn {
                    (dispute.outcome, dispute.result, dispute.closedOn) = (outcome, "（导入）", closedOn.description)
                    dispute.closeDays = plan.checked.registeredOn.days(until: closedOn)
                }
                dispute.stepDue = DisputeStore.stepDue(
                    plan.state, on: plan.checked.registeredOn, deadline: plan.deadline)
                dispute.$adminCase.id = try await DisputeStore.caseID(
                    plan.checked.caseNumber, region: region, on: db)
                try await dispute.create(on: db)
                try await DisputeEvent(
                    disputeID: dispute.requireID(), at: acting.now, actor: caller.displayName,
                    what: "导入（\(plan.state.label)）"
                ).create(on: db)
            }
            try await acting.audit(
                .disputesImported, object: ("disputes", "import"),
                summary: "导入\(region.name)行政争议：新增 \(counts.created)，未变 \(counts.unchanged)", on: db)
        }
        return counts
    }

    /// What names a dispute when its row has no number.
    private static func identity(_ dispute: Dispute) -> [String] {
        [dispute.applicant, dispute.$agency.id.uuidString, dispute.registeredOn, dispute.claim]
    }
}
