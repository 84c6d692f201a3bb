import FuyuanCore
import Vapor

/// The case form as posted: the fields of the import format, with one line per hearing. It is turned into rows of
/// the import format, so that `CaseRows` checks a typed-in case exactly as it checks an imported one.
struct CaseForm: Content {
    var number: String?
    var court: String?
    var procedure: String?
    var defendant: String?
    var actionType: String?
    var plaintiff: String?
    var filedOn: String?
    var concludedOn: String?
    var outcome: String?
    var lossCause: String?
    var hearingDay: [String]?
    var hearingAppeared: [String]?
    var hearingRank: [String]?
    var hearingPrincipal: [String]?
    var hearingSpoke: [String]?

    /// Blank hearing lines the form offers for new hearings.
    static let blankHearings = 2

    init(_ detail: CaseQueries.Detail) {
        let item = detail.adminCase
        number = item.caseNumber
        court = item.court
        procedure = item.procedure.label
        defendant = detail.unitName
        actionType = item.actionType.label
        plaintiff = item.plaintiffKind.label
        filedOn = item.filedOn
        concludedOn = item.concludedOn
        outcome = item.outcome?.label
        lossCause = item.lossCause?.label
        func yesNo(_ value: Bool) -> String { value ? "是" : "否" }
        hearingDay = detail.hearings.map(\.heldOn)
        hearingAppeared = detail.hearings.map { yesNo($0.headAppeared) }
        hearingRank = detail.hearings.map(\.headRank)
        hearingPrincipal = detail.hearings.map { yesNo($0.principal) }
        hearingSpoke = detail.hearings.map { yesNo($0.spoke) }
    }

    init(court: String) {
        self.court = court
    }

    struct Hearing {
        let day: String
        let appeared: String
        let rank: String
        let principal: String
        let spoke: String
    }

    /// The hearing lines, blank ones included.
    var hearings: [Hearing] {
        func at(_ values: [String]?, _ index: Int) -> String {
            guard let values, index < values.count else { return "" }
            return values[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (0..<(hearingDay?.count ?? 0)).map {
            Hearing(
                day: at(hearingDay, $0), appeared: at(hearingAppeared, $0), rank: at(hearingRank, $0),
                principal: at(hearingPrincipal, $0), spoke: at(hearingSpoke, $0))
        }
    }

    /// The case as rows of the import format for `regionCode`: one per hearing that has a day, or one without.
    func rows(regionCode: String) -> [(String) -> String] {
        let fields: [String: String] = [
            "案号": number ?? "", "审理法院": court ?? "", "审级": procedure ?? "", "被告单位": defendant ?? "",
            "区划代码": regionCode, "行政行为类别": actionType ?? "", "原告类型": plaintiff ?? "", "立案日期": filedOn ?? "",
            "结案日期": concludedOn ?? "", "裁判结果": outcome ?? "", "败诉原因": lossCause ?? "",
        ]
        func row(_ hearing: Hearing?) -> (String) -> String {
            var cells = fields
            if let hearing {
                cells["开庭日期"] = hearing.day
                cells["负责人出庭"] = hearing.appeared
                cells["出庭负责人职务"] = hearing.rank
                cells["是否正职"] = hearing.principal
                cells["是否出声"] = hearing.spoke
            }
            return { (cells[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let held = hearings.filter {
            !$0.day.isEmpty || !$0.rank.isEmpty || $0.appeared == "是" || $0.principal == "是" || $0.spoke == "是"
        }
        return held.isEmpty ? [row(nil)] : held.map(row)
    }

    /// A problem of row `row` (1-based) said the way the form shows it.
    static func describe(_ problem: SpreadsheetImport.RowProblem) -> String {
        CaseRows.hearingColumns.contains(problem.column)
            ? "第 \(problem.row) 次开庭 · \(problem.column)：\(problem.reason)" : "\(problem.column)：\(problem.reason)"
    }
}
