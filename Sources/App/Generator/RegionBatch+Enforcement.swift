import FuyuanCore
import Vapor

extension Generator.RegionBatch {
    /// About 11 enforcement cases a region a year (10 000 over five years for the province) against the region's
    /// organs, each year's in that year's clean-up campaign; most paid in full, some in part, a few ended otherwise.
    static let enforcementCasesPerYear = 11

    mutating func fillEnforcement(random: inout SeededRandom) throws {
        guard let court = units.first(where: { $0.kind == .court }) else {
            throw DemoLoader.Mistake(description: "生成数据有误：\(region.name)没有法院")
        }
        let organs = units.filter { $0.kind != .court && $0.kind != .procuratorate }
        guard !organs.isEmpty else { return }
        let until = options.until
        for year in years {
            let campaign = EnforcementCampaign()
            campaign.id = random.uuid()
            campaign.$region.id = regionID
            campaign.name = "\(year)年涉党政机关执行案件专项清理"
            campaign.targetOn = CalendarDay(year: year, month: 12, clampingDay: 31).description
            campaigns.append(campaign)
            var number = 0
            for _ in 0..<Self.enforcementCasesPerYear {
                let filed = CalendarDay(year: year, month: 1, clampingDay: 1).adding(
                    days: Int.random(in: 0...364, using: &random))
                guard filed <= until else { continue }
                number += 1
                let item = EnforcementCase()
                item.id = random.uuid()
                item.$region.id = regionID
                item.$organ.id = try organs[Int.random(in: 0..<organs.count, using: &random)].requireID()
                item.$campaign.id = campaign.id
                item.caseNumber = "（\(year)）豫\(courtDigits)执\(number)号"
                item.court = court.name
                item.basis = ""
                item.obligation = random.chance(0.9) ? .money : .act
                item.owedFen = item.obligation == .money ? Int64.random(in: 1_000_000...500_000_000, using: &random) : 0
                item.act = item.obligation == .act ? "撤销并重新作出行政行为（生成数据）" : ""
                item.filedOn = filed.description
                item.note = ""
                item.paidFen = 0
                item.state = .unperformed
                let paidOn = filed.adding(days: Int.random(in: 30...300, using: &random))
                if paidOn <= until {
                    let share = random.weighted([(1.0, 7.0), (0.5, 2), (0, 1)])
                    let amount = item.obligation == .money ? Int64(Double(item.owedFen) * share) : 0
                    if item.obligation == .act && share > 0 {
                        item.state = .performed
                        payments.append(try payment(of: item, on: paidOn, fen: 0, method: .act, random: &random))
                    } else if amount > 0 {
                        item.paidFen = amount
                        item.state = EnforcementCaseState.state(owedFen: item.owedFen, paidFen: amount)
                        payments.append(
                            try payment(
                                of: item, on: paidOn, fen: amount,
                                method: random.weighted([(.budgeted, 5), (.transferred, 4), (.reconciled, 1)]),
                                random: &random))
                    } else if random.chance(0.3) {
                        item.state = random.chance(0.5) ? .terminated : .settled
                        item.note = "生成数据"
                    }
                }
                enforcementCases.append(item)
            }
        }
    }

    private func payment(
        of item: EnforcementCase, on day: CalendarDay, fen: Int64, method: PaymentMethod, random: inout SeededRandom
    ) throws -> EnforcementPayment {
        let payment = EnforcementPayment()
        payment.id = random.uuid()
        payment.$enforcementCase.id = try item.requireID()
        payment.paidOn = day.description
        payment.amountFen = fen
        payment.method = method
        payment.note = ""
        payment.recordedBy = "\(item.court)（生成数据）"
        return payment
    }
}

extension EnforcementCampaign: BulkInsertable {
    static let columns = ["id", "region_id", "name", "target_on", "created_at"]

    func row(now: Date) -> [any Encodable & Sendable] { [id, $region.id, name, targetOn, createdAt ?? now] }
}

extension EnforcementCase: BulkInsertable {
    static let columns = [
        "id", "region_id", "organ_id", "campaign_id", "case_number", "court", "basis", "obligation", "owed_fen",
        "paid_fen", "act", "filed_on", "state", "note", "created_at", "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, $region.id, $organ.id, $campaign.id, caseNumber, court, basis, obligation, owedFen, paidFen, act,
            filedOn,
            state, note, createdAt ?? now, updatedAt ?? now,
        ]
    }
}

extension EnforcementPayment: BulkInsertable {
    static let columns = ["id", "case_id", "paid_on", "amount_fen", "method", "note", "recorded_by", "created_at"]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id, $enforcementCase.id, paidOn, amountFen, method, note, recordedBy, createdAt ?? now]
    }
}
