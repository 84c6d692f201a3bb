import FuyuanCore
import Vapor

extension Generator.RegionBatch {
    /// About 6 suggestions a region a year (5 000 over five years for the province): the region's court to its
    /// departments, three in five answered (a fifth of those late), adoption mostly in full.
    static let suggestionsPerYear = 6

    mutating func fillSuggestions(random: inout SeededRandom) throws {
        guard let court = units.first(where: { $0.kind == .court }) else {
            throw DemoLoader.Mistake(description: "生成数据有误：\(region.name)没有法院")
        }
        let agencies = units.filter { [.department, .publicSecurity, .government].contains($0.kind) }
        guard !agencies.isEmpty else { return }
        let until = options.until
        let short = String(region.name.prefix(2))
        for year in years {
            let newYear = CalendarDay(year: year, month: 1, clampingDay: 1)
            var number = 0
            for _ in 0..<Self.suggestionsPerYear {
                let issued = newYear.adding(days: Int.random(in: 0...364, using: &random))
                guard issued <= until else { continue }
                number += 1
                let due = issued.adding(days: SuggestionRules.replyDays)
                let agency = agencies[Int.random(in: 0..<agencies.count, using: &random)]
                let suggestion = JudicialSuggestion()
                suggestion.id = random.uuid()
                suggestion.$region.id = regionID
                suggestion.$court.id = try court.requireID()
                suggestion.$agency.id = try agency.requireID()
                suggestion.reference = "\(short)法司建〔\(year)〕\(number)号"
                suggestion.caseNumber = ""
                suggestion.problem = "在审理涉\(agency.name)的行政案件中发现执法程序不规范（生成数据）。"
                suggestion.suggestion = "规范执法程序，完善告知和送达，开展案卷评查。"
                suggestion.issuedOn = issued.description
                suggestion.replyDue = due.description
                suggestion.issuedBy = "\(court.name)（生成数据）"
                suggestion.state = .issued
                suggestion.reminded = 0
                let replied = issued.adding(
                    days: random.chance(0.8)
                        ? Int.random(in: 10...60, using: &random) : Int.random(in: 61...120, using: &random))
                if random.chance(0.6) && replied <= until {
                    suggestion.state = .replied
                    suggestion.signedBy = "\(agency.name)（生成数据）"
                    suggestion.signedAt = issued.adding(days: 3).start
                    suggestion.repliedOn = replied.description
                    suggestion.repliedBy = suggestion.signedBy
                    suggestion.measures = "已按建议整改（生成数据）。"
                    let adoption = random.weighted([(Adoption.full, 6.0), (.partial, 3), (.none, 1)])
                    suggestion.adoption = adoption
                    suggestion.reasons = adoption.needsReasons ? "部分事项需上级部门统一安排（生成数据）。" : nil
                } else if issued.adding(days: 3) <= until && random.chance(0.7) {
                    suggestion.state = .signed
                    suggestion.signedBy = "\(agency.name)（生成数据）"
                    suggestion.signedAt = issued.adding(days: 3).start
                }
                if suggestion.state != .replied {
                    suggestion.reminded =
                        SuggestionRules().reminder(due: due, today: until, sent: nil)?.rawValue ?? 0
                }
                suggestions.append(suggestion)
            }
        }
    }
}

extension JudicialSuggestion: BulkInsertable {
    static let columns = [
        "id", "region_id", "court_id", "agency_id", "reference", "case_number", "problem", "suggestion", "issued_on",
        "reply_due", "state", "issued_by", "signed_by", "signed_at", "replied_on", "replied_by", "measures", "adoption",
        "reasons", "reminded", "created_at", "updated_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id, $region.id, $court.id, $agency.id, reference, caseNumber, problem, suggestion, issuedOn, replyDue,
            state,
            issuedBy, signedBy, signedAt, repliedOn, repliedBy, measures, adoption, reasons, reminded, createdAt ?? now,
            updatedAt ?? now,
        ]
    }
}
