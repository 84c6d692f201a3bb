import FuyuanCore
import Vapor

extension Generator.RegionBatch {
    /// About 230 disputes a region a year (200 000 over five years for the province), against the region's agencies,
    /// from every source. Those registered more than a month before the last day are closed, two in three resolved;
    /// the recent ones are at every step, some late.
    static let disputesPerYear = 230

    mutating func fillDisputes(random: inout SeededRandom) throws {
        let agencies = units.filter { [.department, .publicSecurity, .government, .township].contains($0.kind) }
        guard !agencies.isEmpty else { return }
        let until = options.until
        for year in years {
            let newYear = CalendarDay(year: year, month: 1, clampingDay: 1)
            var number = 0
            for _ in 0..<Self.disputesPerYear {
                let registered = newYear.adding(days: Int.random(in: 0...364, using: &random))
                guard registered <= until else { continue }
                number += 1
                let agency = agencies[Int.random(in: 0..<agencies.count, using: &random)]
                let dispute = Dispute()
                dispute.id = random.uuid()
                dispute.$region.id = regionID
                dispute.number = "\(region.name)争〔\(year)〕\(number)号"
                dispute.source = random.weighted([
                    (DisputeSource.prefiling, 5.0), (.litigation, 2), (.review, 1), (.petition, 1), (.hotline, 1),
                ])
                dispute.applicant = "申请人\(number)（生成数据）"
                dispute.$agency.id = try agency.requireID()
                dispute.actionType = ActionType.allCases[Int.random(in: 0..<ActionType.allCases.count, using: &random)]
                dispute.claim = "对\(agency.name)作出的\(dispute.actionType.label)不服，请求协调化解（生成数据）。"
                dispute.registeredOn = registered.description
                dispute.registeredBy = "化解中心（生成数据）"
                dispute.urges = 0
                dispute.caseNumber = ""
                let age = registered.days(until: until)
                let deadline = registered.adding(days: 1).adding(workingDays: 10)
                let steps = age > 30 ? 4 : Int.random(in: 0...3, using: &random)
                var state = DisputeState.registered
                var stepDay = registered
                if steps >= 1 {
                    dispute.$handlingUnit.id = try agency.requireID()
                    state = .transferred
                }
                if steps >= 2 {
                    (dispute.handler, dispute.deadline, state) = ("承办人（生成数据）", deadline.description, .assigned)
                    stepDay = registered.adding(days: 1)
                    dispute.urges = deadline < until && random.chance(0.5) ? 1 : 0
                }
                if steps >= 3 {
                    let answered = min(deadline.adding(days: Int.random(in: -8...4, using: &random)), until)
                    (dispute.feedback, dispute.answeredOn, state) = ("已组织协调（生成数据）。", answered.description, .answered)
                    stepDay = answered
                }
                if steps >= 4 {
                    let closed = min(stepDay.adding(days: Int.random(in: 1...7, using: &random)), until)
                    let outcome = random.weighted([
                        (DisputeOutcome.mediatedWithdrawal, 2.0), (.settled, 3), (.corrected, 2), (.unresolved, 3),
                    ])
                    (dispute.outcome, dispute.result, dispute.closedOn) = (outcome, "（生成数据）", closed.description)
                    (dispute.closeDays, state) = (registered.days(until: closed), .closed)
                }
                dispute.state = state
                dispute.stepDue = DisputeStore.stepDue(state, on: stepDay, deadline: deadline)
                disputes.append(dispute)
            }
        }
    }
}

extension Dispute: BulkInsertable {
    static let columns = [
        "id", "region_id", "agency_id", "handling_unit_id", "case_id", "number", "source", "applicant", "action_type",
        "claim", "registered_on", "registered_by", "state", "step_due", "handler", "deadline", "urges", "feedback",
        "answered_on", "outcome", "result", "closed_on", "close_days", "case_number", "created_at", "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, $region.id, $agency.id, $handlingUnit.id, $adminCase.id, number, source, applicant, actionType, claim,
            registeredOn, registeredBy, state, stepDue, handler, deadline, urges, feedback, answeredOn, outcome, result,
            closedOn, closeDays, caseNumber, createdAt ?? now, updatedAt ?? now,
        ]
    }
}
