import Fluent
import FuyuanCore
import Vapor

/// Cases as rows of the import format: each row one case with at most one hearing; rows with the same 案号 are one
/// case heard several times. The import and the case form both go through here, so a case is checked the same way
/// whichever way it arrives.
struct CaseRows: Sendable {
    static let header = [
        "案号", "审理法院", "审级", "被告单位", "区划代码", "行政行为类别", "原告类型", "立案日期", "结案日期", "裁判结果", "败诉原因", "开庭日期",
        "负责人出庭", "出庭负责人职务", "是否正职", "是否出声",
    ]
    /// The sheet of the template (and of the export): read first where a workbook has several.
    static let sheetName = "行政诉讼案件"
    static let hearingColumns = ["开庭日期", "负责人出庭", "出庭负责人职务", "是否正职", "是否出声"]

    /// What a case is, compared field by field to decide created / updated / unchanged.
    struct Planned: Hashable, Sendable {
        var number: String
        var court: String
        var procedure: Procedure
        var defendantID: UUID
        var regionID: UUID
        var actionType: ActionType
        var plaintiffKind: PlaintiffKind
        var filedOn: String
        var concludedOn: String?
        var outcome: Outcome?
        var lossCause: LossCause?
        var hearings: [HearingRow]
        var firstRow: Int

        /// The case without its hearings and the row it came from: what every row of one case must agree on.
        var caseFields: Planned {
            var fields = self
            (fields.hearings, fields.firstRow) = ([], 0)
            return fields
        }

        /// The same case, whatever the order of its hearings and the row it came from.
        func sameCase(as other: Planned) -> Bool {
            caseFields == other.caseFields && HearingRow.tally(hearings) == HearingRow.tally(other.hearings)
        }
    }

    /// Cases ready to be written: `cases` not in any earlier batch of the file, `continued` the hearings of later
    /// rows of cases that went out in an earlier batch (a file sorted by hearing date spreads a case over it).
    struct Batch: Sendable {
        var cases: [Planned] = []
        var continued: [Planned] = []
        /// The file's last batch, after every row was read and found good.
        var isLast = false
    }

    struct HearingRow: Hashable, Sendable {
        var heldOn: String
        var headAppeared: Bool
        var rank: String
        var principal: Bool
        var spoke: Bool

        /// How many times each hearing occurs: hearings compared as a multiset.
        static func tally(_ hearings: [HearingRow]) -> [HearingRow: Int] {
            hearings.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
    }

    private static let labels = (
        procedure: Dictionary(uniqueKeysWithValues: Procedure.allCases.map { ($0.label, $0) }),
        action: Dictionary(uniqueKeysWithValues: ActionType.allCases.map { ($0.label, $0) }),
        plaintiff: Dictionary(uniqueKeysWithValues: PlaintiffKind.allCases.map { ($0.label, $0) }),
        outcome: Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0.label, $0) }),
        cause: Dictionary(uniqueKeysWithValues: LossCause.allCases.map { ($0.label, $0) })
    )

    let regionsByCode: [String: Region]
    let unitsByRegion: [UUID: [Unit]]
    /// Defendants as written, per region, once matched: a file names the same few units thousands of times.
    private var matched: [String: UnitNameMatcher.Match] = [:]
    /// Every case number taken so far: its first row and a digest of its case fields, so that a later row of the
    /// same case is checked against it after the case itself has gone out in a batch. A few dozen bytes a case.
    private var seen: [String: (firstRow: Int, digest: Int, released: Bool)] = [:]
    /// The cases not yet released, in the order of their first rows here.
    private var pending: [String: Planned] = [:]
    private var pendingOrder: [String] = []

    /// Loads the regions (and their units) the caller may enter cases for: their region and the regions below it.
    init(scope: Scope, on db: any Database) async throws {
        let regions = try await scope.regions(on: db).all()
        regionsByCode = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })
        let units = try await Unit.query(on: db).filter(\.$region.$id ~~ regions.compactMap(\.id)).all()
        unitsByRegion = Dictionary(grouping: units, by: { $0.$region.id })
    }

    /// How many cases wait to be released.
    var pendingCount: Int { pending.count }

    /// Checks one row and, when it is valid, adds it to its case; the problems found, named by column.
    mutating func take(row number: Int, cell: (String) -> String) -> [SpreadsheetImport.RowProblem] {
        var problems: [SpreadsheetImport.RowProblem] = []
        guard let plan = check(row: number, cell: cell, problems: &problems) else { return problems }
        let fields = plan.caseFields
        guard let first = seen[plan.number] else {
            seen[plan.number] = (number, fields.hashValue, false)
            pending[plan.number] = plan
            pendingOrder.append(plan.number)
            return problems
        }
        let agrees = pending[plan.number].map { $0.caseFields == fields } ?? (first.digest == fields.hashValue)
        guard agrees else {
            return [.init(row: number, column: "案号", reason: "与第 \(first.firstRow) 行同一案号的案件信息不一致")]
        }
        if var taken = pending[plan.number] {
            taken.hearings += plan.hearings
            pending[plan.number] = taken
        } else {
            pending[plan.number] = plan
            pendingOrder.append(plan.number)
        }
        return problems
    }

    /// The cases taken since the last release, in the order of their first rows; from now on a later row of one of
    /// them is a continuation.
    mutating func release() -> Batch {
        var batch = Batch()
        for number in pendingOrder {
            guard let plan = pending[number], var first = seen[number] else { continue }
            if first.released {
                if !plan.hearings.isEmpty { batch.continued.append(plan) }
            } else {
                first.released = true
                seen[number] = first
                batch.cases.append(plan)
            }
        }
        pending.removeAll(keepingCapacity: true)
        pendingOrder.removeAll(keepingCapacity: true)
        return batch
    }

    private mutating func check(
        row number: Int, cell: (String) -> String, problems: inout [SpreadsheetImport.RowProblem]
    ) -> Planned? {
        let before = problems.count
        func problem(_ name: String, _ reason: String) {
            problems.append(.init(row: number, column: name, reason: reason))
        }
        func day(_ name: String, required: Bool) -> String? {
            let text = cell(name)
            if text.isEmpty {
                if required { problem(name, "不能为空") }
                return nil
            }
            guard let value = SpreadsheetImport.day(text) else {
                problem(name, "无法识别日期“\(text)”，可写 2023-07-24、2023/7/24 或 2023年7月24日")
                return nil
            }
            return value.description
        }
        func yesNo(_ name: String) -> Bool? {
            switch cell(name) {
            case "是": return true
            case "否", "": return false
            default:
                problem(name, "只能填“是”或“否”")
                return nil
            }
        }
        var caseNumber: CaseNumber?
        do { caseNumber = try CaseNumber(parsing: cell("案号")) } catch { problem("案号", error.description) }
        if let caseNumber, caseNumber.procedure == nil { problem("案号", "类型代字“\(caseNumber.typeCode)”不是行政案件") }
        let procedureText = cell("审级")
        if let expected = caseNumber?.procedure, !procedureText.isEmpty,
            Self.labels.procedure[procedureText] != expected
        {
            problem("审级", "“\(procedureText)”与案号的\(expected.label)不符")
        }
        if cell("审理法院").isEmpty { problem("审理法院", "不能为空") }
        let region = regionsByCode[cell("区划代码")]
        if region == nil { problem("区划代码", "“\(cell("区划代码"))”不存在或不在您的范围内") }
        var defendant: Unit?
        if let region {
            let candidates = region.id.flatMap { unitsByRegion[$0] } ?? []
            let key = region.code + "\u{0}" + cell("被告单位")
            let match =
                matched[key]
                ?? UnitNameMatcher(units: candidates.map(\.name), regionName: region.name).match(cell("被告单位"))
            matched[key] = match
            if case .unit(let name) = match { defendant = candidates.first { $0.name == name } }
            if let reason = SpreadsheetImport.problem(with: match, written: cell("被告单位"), regionName: region.name) {
                problem("被告单位", reason)
            }
        }
        let action = Self.labels.action[cell("行政行为类别")]
        if action == nil { problem("行政行为类别", "“\(cell("行政行为类别"))”不是行政行为类别") }
        let plaintiff = Self.labels.plaintiff[cell("原告类型")]
        if plaintiff == nil { problem("原告类型", "只能填个人、企业或其他") }
        let filed = day("立案日期", required: true)
        let concluded = day("结案日期", required: false)
        if let filed, let concluded, concluded < filed { problem("结案日期", "早于立案日期") }
        var outcome: Outcome?
        if !cell("裁判结果").isEmpty {
            outcome = Self.labels.outcome[cell("裁判结果")]
            if outcome == nil { problem("裁判结果", "“\(cell("裁判结果"))”不是裁判结果") }
        }
        if concluded != nil && outcome == nil && cell("裁判结果").isEmpty { problem("裁判结果", "已结案的案件须填写裁判结果") }
        if concluded == nil && outcome != nil { problem("结案日期", "有裁判结果的案件须填写结案日期") }
        var cause: LossCause?
        if !cell("败诉原因").isEmpty {
            cause = Self.labels.cause[cell("败诉原因")]
            if cause == nil { problem("败诉原因", "“\(cell("败诉原因"))”不是败诉原因") }
            if outcome?.isLoss == false { problem("败诉原因", "未败诉的案件不填败诉原因") }
        } else if outcome?.isLoss == true {
            problem("败诉原因", "败诉案件须填写败诉原因")
        }
        var hearing: HearingRow?
        if let held = day("开庭日期", required: false) {
            if let filed, held < filed { problem("开庭日期", "早于立案日期") }
            if let appeared = yesNo("负责人出庭"), let principal = yesNo("是否正职"), let spoke = yesNo("是否出声") {
                if !appeared && (principal || spoke || !cell("出庭负责人职务").isEmpty) {
                    problem("负责人出庭", "负责人未出庭，不应填写职务、是否正职或是否出声")
                }
                hearing = HearingRow(
                    heldOn: held, headAppeared: appeared, rank: cell("出庭负责人职务"), principal: principal, spoke: spoke)
            }
        } else if !Self.hearingColumns.dropFirst().allSatisfy({ cell($0).isEmpty }) {
            problem("开庭日期", "填写了出庭情况，却没有开庭日期")
        }
        guard problems.count == before, let caseNumber, let procedure = caseNumber.procedure, let regionID = region?.id,
            let defendantID = defendant?.id, let action, let plaintiff, let filed
        else { return nil }
        return Planned(
            number: caseNumber.description, court: cell("审理法院"), procedure: procedure, defendantID: defendantID,
            regionID: regionID, actionType: action, plaintiffKind: plaintiff, filedOn: filed, concludedOn: concluded,
            outcome: outcome, lossCause: cause, hearings: hearing.map { [$0] } ?? [], firstRow: number)
    }
}
