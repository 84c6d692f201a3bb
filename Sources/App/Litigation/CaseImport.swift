import Fluent
import FuyuanCore
import Vapor

/// The case import (.xlsx or CSV with the fixed header): each row one case with at most one hearing; rows with the
/// same 案号 are one case heard several times. Keyed by case number: a case sent again is updated, never duplicated.
enum CaseImport {
    static let header = [
        "案号", "审理法院", "审级", "被告单位", "区划代码", "行政行为类别", "原告类型", "立案日期", "结案日期", "裁判结果", "败诉原因", "开庭日期",
        "负责人出庭", "出庭负责人职务", "是否正职", "是否出声",
    ]

    struct Counts: Content, Equatable {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    /// What a case is, compared field by field to decide created / updated / unchanged.
    struct Planned: Equatable {
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
    }

    struct HearingRow: Equatable {
        var heldOn: String
        var headAppeared: Bool
        var rank: String
        var principal: Bool
        var spoke: Bool
    }

    static func importCases(_ data: Data, request: Request) async throws -> Counts {
        let caller = try request.caller(for: .maintainLitigation)
        let sheet = try SpreadsheetImport.sheet(data, required: header)
        let regions = try await caller.scope.regions(on: request.db).all()
        let regionsByCode = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })
        let units = try await Unit.query(on: request.db).filter(\.$region.$id ~~ regions.compactMap(\.id)).all()
        let unitsByRegion = Dictionary(grouping: units, by: { $0.$region.id })
        let labels = (
            procedure: Dictionary(uniqueKeysWithValues: Procedure.allCases.map { ($0.label, $0) }),
            action: Dictionary(uniqueKeysWithValues: ActionType.allCases.map { ($0.label, $0) }),
            plaintiff: Dictionary(uniqueKeysWithValues: PlaintiffKind.allCases.map { ($0.label, $0) }),
            outcome: Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0.label, $0) }),
            cause: Dictionary(uniqueKeysWithValues: LossCause.allCases.map { ($0.label, $0) })
        )
        var problems: [SpreadsheetImport.RowProblem] = []
        var planned: [String: Planned] = [:]
        var order: [String] = []
        for (number, row) in sheet.rows {
            func cell(_ name: String) -> String { sheet.cell(row, name) }
            var rowProblems: [SpreadsheetImport.RowProblem] = []
            func problem(_ name: String, _ reason: String) {
                rowProblems.append(.init(row: number, column: name, reason: reason))
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
            if let expected = caseNumber?.procedure, !procedureText.isEmpty, labels.procedure[procedureText] != expected
            {
                problem("审级", "“\(procedureText)”与案号的\(expected.label)不符")
            }
            if cell("审理法院").isEmpty { problem("审理法院", "不能为空") }
            let region = regionsByCode[cell("区划代码")]
            if region == nil { problem("区划代码", "“\(cell("区划代码"))”不存在或不在您的范围内") }
            var defendant: Unit?
            if let region {
                let candidates = unitsByRegion[region.id!] ?? []
                let match = UnitNameMatcher(units: candidates.map(\.name), regionName: region.name).match(cell("被告单位"))
                if case .unit(let name) = match { defendant = candidates.first { $0.name == name } }
                if let reason = SpreadsheetImport.problem(with: match, written: cell("被告单位"), regionName: region.name) {
                    problem("被告单位", reason)
                }
            }
            let action = labels.action[cell("行政行为类别")]
            if action == nil { problem("行政行为类别", "“\(cell("行政行为类别"))”不是行政行为类别") }
            let plaintiff = labels.plaintiff[cell("原告类型")]
            if plaintiff == nil { problem("原告类型", "只能填个人、企业或其他") }
            let filed = day("立案日期", required: true)
            let concluded = day("结案日期", required: false)
            if let filed, let concluded, concluded < filed { problem("结案日期", "早于立案日期") }
            var outcome: Outcome?
            if !cell("裁判结果").isEmpty {
                outcome = labels.outcome[cell("裁判结果")]
                if outcome == nil { problem("裁判结果", "“\(cell("裁判结果"))”不是裁判结果") }
            }
            if concluded != nil && outcome == nil && cell("裁判结果").isEmpty { problem("裁判结果", "已结案的案件须填写裁判结果") }
            if concluded == nil && outcome != nil { problem("结案日期", "有裁判结果的案件须填写结案日期") }
            var cause: LossCause?
            if !cell("败诉原因").isEmpty {
                cause = labels.cause[cell("败诉原因")]
                if cause == nil { problem("败诉原因", "“\(cell("败诉原因"))”不是败诉原因") }
                if outcome?.isLoss == false { problem("败诉原因", "未败诉的案件不填败诉原因") }
            } else if outcome?.isLoss == true {
                problem("败诉原因", "败诉案件须填写败诉原因")
            }
            var hearing: HearingRow?
            if let held = day("开庭日期", required: false) {
                if let appeared = yesNo("负责人出庭"), let principal = yesNo("是否正职"), let spoke = yesNo("是否出声") {
                    hearing = HearingRow(
                        heldOn: held, headAppeared: appeared, rank: cell("出庭负责人职务"), principal: principal, spoke: spoke)
                }
            } else if !["负责人出庭", "出庭负责人职务", "是否正职", "是否出声"].allSatisfy({ cell($0).isEmpty }) {
                problem("开庭日期", "填写了出庭情况，却没有开庭日期")
            }
            problems += rowProblems
            guard rowProblems.isEmpty, let caseNumber, let procedure = caseNumber.procedure, let region, let defendant,
                let action, let plaintiff, let filed
            else { continue }
            let key = caseNumber.description
            let plan = Planned(
                number: key, court: cell("审理法院"), procedure: procedure, defendantID: defendant.id!,
                regionID: region.id!,
                actionType: action, plaintiffKind: plaintiff, filedOn: filed, concludedOn: concluded, outcome: outcome,
                lossCause: cause, hearings: hearing.map { [$0] } ?? [], firstRow: number)
            if var existing = planned[key] {
                var comparable = plan
                comparable.hearings = existing.hearings
                comparable.firstRow = existing.firstRow
                if comparable != existing {
                    problems.append(.init(row: number, column: "案号", reason: "与第 \(existing.firstRow) 行同一案号的案件信息不一致"))
                } else if let hearing {
                    existing.hearings.append(hearing)
                    planned[key] = existing
                }
            } else {
                planned[key] = plan
                order.append(key)
            }
        }
        if planned.isEmpty && problems.isEmpty { problems.append(.init(row: 2, column: "", reason: "没有可导入的行")) }
        guard problems.isEmpty else { throw SpreadsheetImport.Refused(problems: problems) }
        let plans = order.map { planned[$0]! }
        return try await store(plans, request: request)
    }

    private static func store(_ plans: [Planned], request: Request) async throws -> Counts {
        try await request.db.transaction { db in
            var counts = Counts()
            let existing = try await AdminCase.query(on: db).filter(\.$caseNumber ~~ plans.map(\.number)).all()
            let byNumber = Dictionary(uniqueKeysWithValues: existing.map { ($0.caseNumber, $0) })
            let stored = try await Hearing.query(on: db).filter(\.$adminCase.$id ~~ existing.compactMap(\.id)).all()
            let hearingsByCase = Dictionary(grouping: stored, by: { $0.$adminCase.id })
            for plan in plans {
                let model = byNumber[plan.number] ?? AdminCase()
                if let id = model.id {
                    let before = Planned(
                        number: model.caseNumber, court: model.court, procedure: model.procedure,
                        defendantID: model.$defendant.id,
                        regionID: model.$region.id, actionType: model.actionType, plaintiffKind: model.plaintiffKind,
                        filedOn: model.filedOn, concludedOn: model.concludedOn, outcome: model.outcome,
                        lossCause: model.lossCause,
                        hearings: (hearingsByCase[id] ?? []).map {
                            HearingRow(
                                heldOn: $0.heldOn, headAppeared: $0.headAppeared, rank: $0.headRank,
                                principal: $0.principal, spoke: $0.spoke)
                        }.sorted { $0.heldOn < $1.heldOn }, firstRow: plan.firstRow)
                    var after = plan
                    after.hearings.sort { $0.heldOn < $1.heldOn }
                    if before == after {
                        counts.unchanged += 1
                        continue
                    }
                    try await Hearing.query(on: db).filter(\.$adminCase.$id == id).delete()
                    counts.updated += 1
                } else {
                    counts.created += 1
                }
                model.caseNumber = plan.number
                model.court = plan.court
                model.procedure = plan.procedure
                model.$defendant.id = plan.defendantID
                model.$region.id = plan.regionID
                model.actionType = plan.actionType
                model.plaintiffKind = plan.plaintiffKind
                model.filedOn = plan.filedOn
                model.concludedOn = plan.concludedOn
                model.outcome = plan.outcome
                model.lossCause = plan.lossCause
                try await model.save(on: db)
                for row in plan.hearings {
                    let hearing = Hearing()
                    hearing.$adminCase.id = try model.requireID()
                    hearing.heldOn = row.heldOn
                    hearing.headAppeared = row.headAppeared
                    hearing.headRank = row.rank
                    hearing.principal = row.principal
                    hearing.spoke = row.spoke
                    try await hearing.create(on: db)
                }
            }
            try await request.audit(
                .casesImported, object: ("admin_cases", "import"),
                summary: "导入行政诉讼案件：新增 \(counts.created)，更新 \(counts.updated)，未变 \(counts.unchanged)", on: db)
            return counts
        }
    }
}
