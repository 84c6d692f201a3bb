import Fluent
import Foundation
import FuyuanCore

/// 卫东区's court and its agencies (seed 003 asks for 司法建议通报反馈): one suggestion answered late and in part, one
/// answered on time, one falling due after its first automatic urge, one late and not even signed for, and a new
/// one the 人社局 has signed for and is to answer. The texts are made up, in the way such suggestions are written.
enum DemoSuggestions {
    struct Spec {
        let number: Int
        let agency: String
        let caseNumber: String
        let problem: String
        let suggestion: String
        /// Days before today it was issued, and the reply's day relative to today.
        let issued: Int
        let due: Int
        var signed: Int? = nil
        var replied: (days: Int, adoption: Adoption, measures: String, reasons: String?)? = nil
        var reminded: SuggestionRules.Reminder? = nil
    }

    static let specs: [Spec] = [
        Spec(
            number: 1, agency: "卫东区人力资源和社会保障局", caseNumber: "（2025）豫0403行初21号",
            problem: "在审理工伤认定行政案件中发现，工伤认定决定未载明对用人单位举证的审查意见，调查笔录缺少被调查人签字，认定程序存在瑕疵。",
            suggestion: "一、规范工伤认定调查取证程序，调查笔录须经被调查人核对签字；二、认定决定应载明对双方证据的审查意见；三、组织经办人员开展专项培训。",
            issued: 100, due: -40, signed: 95,
            replied: (
                33, .partial, "已修订工伤认定调查取证工作规程，对 2025 年以来的认定案卷开展自查，组织经办人员培训 2 次。",
                "专项培训需纳入全市统一安排，年底前完成，先期已开展内部培训。"
            )),
        Spec(
            number: 2, agency: "卫东区住房和城乡建设局", caseNumber: "（2025）豫0403行初34号",
            problem: "在审理房屋征收补偿行政案件中发现，征收补偿决定送达不规范，部分被征收人未能及时知悉复议、诉讼权利。",
            suggestion: "规范征收补偿决定的送达程序，在决定书中完整告知复议、诉讼的期限和途径，并建立送达台账。",
            issued: 80, due: -20, signed: 78, replied: (25, .full, "已建立征收补偿决定送达台账，修订决定书格式文本，完整告知救济途径和期限。", nil)),
        Spec(
            number: 3, agency: "卫东区市场监管局", caseNumber: "（2025）豫0403行初52号",
            problem: "在审理行政处罚案件中发现，处罚决定书对从轻处罚的裁量理由说明不充分，同类案件处罚幅度不一。",
            suggestion: "细化行政处罚裁量基准，在处罚决定书中说明裁量理由，定期开展案卷评查。",
            issued: 55, due: 5, signed: 50, reminded: .weekBefore),
        Spec(
            number: 4, agency: "卫东自然资源和规划分局", caseNumber: "",
            problem: "近两年涉及违法建设拆除的行政案件败诉率偏高，主要原因是限期拆除决定作出前未依法听取当事人陈述申辩。",
            suggestion: "严格落实限期拆除决定作出前的告知和陈述申辩程序，对在办案件开展全面排查。",
            issued: 70, due: -10),
        Spec(
            number: 5, agency: "卫东区人力资源和社会保障局", caseNumber: "（2025）豫0403行初88号",
            problem: "在审理劳动保障监察行政案件中发现，责令支付决定未核实欠薪数额的计算依据，证据不足。",
            suggestion: "责令支付决定作出前全面核实工资支付记录和计算依据，并附计算明细。",
            issued: 3, due: 57, signed: 2),
    ]

    static func load(_ context: DemoLoader.Context) async throws {
        let region = try context.region("410403")
        let court = try context.unit("卫东区人民法院")
        let today = CalendarDay(containing: context.now)
        let clerk = "卫东区法院工作人员（演示）"
        for spec in specs {
            let issued = today.adding(days: -spec.issued)
            let agency = try context.unit(spec.agency)
            let suggestion = JudicialSuggestion()
            suggestion.$region.id = try region.requireID()
            suggestion.$court.id = try court.requireID()
            suggestion.$agency.id = try agency.requireID()
            suggestion.reference = "卫法司建〔\(issued.year)〕\(spec.number)号"
            suggestion.caseNumber = spec.caseNumber
            suggestion.problem = spec.problem
            suggestion.suggestion = spec.suggestion
            suggestion.issuedOn = issued.description
            suggestion.replyDue = today.adding(days: spec.due).description
            suggestion.issuedBy = clerk
            suggestion.state = .issued
            suggestion.reminded = spec.reminded?.rawValue ?? 0
            let liaison = "\(agency.name)联络员（演示）"
            var events: [(days: Int, actor: String, what: String)] = [(spec.issued, clerk, "发出司法建议，送\(agency.name)")]
            if let signed = spec.signed {
                suggestion.state = .signed
                suggestion.signedBy = liaison
                suggestion.signedAt = moment(context, daysAgo: signed)
                events.append((signed, liaison, "签收"))
            }
            if let reminded = spec.reminded {
                events.append((-spec.due + SuggestionRules.reminderDays, "系统", "自动催办（\(reminded.label)）"))
            }
            if let replied = spec.replied {
                let day = today.adding(days: -replied.days)
                let due = today.adding(days: spec.due)
                suggestion.state = .replied
                suggestion.repliedOn = day.description
                suggestion.repliedBy = liaison
                suggestion.measures = replied.measures
                suggestion.adoption = replied.adoption
                suggestion.reasons = replied.reasons
                let late = day > due ? "，逾期 \(due.days(until: day)) 日" : ""
                events.append((replied.days, liaison, "回复（\(replied.adoption.label)\(late)）"))
            }
            try await suggestion.create(on: context.db)
            for event in events {
                try await SuggestionEvent(
                    suggestionID: suggestion.requireID(), at: moment(context, daysAgo: event.days), actor: event.actor,
                    what: event.what
                ).create(on: context.db)
            }
        }
    }

    /// 10:00 on the day `days` before today.
    private static func moment(_ context: DemoLoader.Context, daysAgo days: Int) -> Date {
        CalendarDay(containing: context.now).adding(days: -days).start.addingTimeInterval(10 * 3600)
    }
}
