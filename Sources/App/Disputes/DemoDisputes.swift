import Fluent
import Foundation
import FuyuanCore

/// 鲁山县's resolution centre. Seed 000's typical case: 宋某's suit against 张官营镇人民政府 over the title to a
/// homestead, carried by the judge with the county government office and the procuratorate to a mediated withdrawal
/// (last year's case 8008 in the litigation demo). This year: one settled before filing, one corrected after
/// administrative review, one not resolved and filed as case 8012, one late with its handler (urged once), and one
/// registered today. 方城县 (seed 004) sets the targets its plan names. Applicants' names are made up.
enum DemoDisputes {
    struct Spec {
        let applicant: String
        let agency: String
        let source: DisputeSource
        let action: ActionType
        let claim: String
        let registered: CalendarDay
        var handling: String? = nil
        var handler: String? = nil
        var deadline: CalendarDay? = nil
        var urges = 0
        var feedback: (CalendarDay, String)? = nil
        var closing: (CalendarDay, DisputeOutcome, String)? = nil
        var caseNumber = ""
        var participants: [(ParticipantRole, String, String)] = []
    }

    static func specs(today: CalendarDay) -> [Spec] {
        let year = today.year
        let elapsed = CalendarDay(year: year, month: 1, clampingDay: 1).days(until: today)
        /// A day `fraction` of the way through the part of `year` that matches this year's days so far.
        func spread(_ year: Int, _ fraction: Double) -> CalendarDay {
            CalendarDay(year: year, month: 1, clampingDay: 1).adding(days: Int(Double(elapsed) * fraction))
        }
        // Last year's case 8008 (DemoLitigation.recent): filed at 0.7 of the days, concluded at 0.85.
        let songFiled = spread(year - 1, 0.7)
        let songClosed = spread(year - 1, 0.85)
        return [
            Spec(
                applicant: "宋某", agency: "张官营镇人民政府", source: .litigation, action: .registration,
                claim: "宋某与其兄长因临街房屋归属和宅基地使用权产生纠纷，民事诉讼确定房屋分割和权利归属后，向镇政府申请宅基地确权，认为镇政府处理不当，提起行政诉讼，请求撤销处理决定。",
                registered: songFiled.adding(days: 3), handling: "鲁山县人民法院", handler: "行政庭法官王春晓",
                deadline: songClosed,
                feedback: (
                    songClosed.adding(days: -2),
                    "联合县政府办、县检察院共同协调，现场明法析理；宋某打开心结，表示愿意通过其他合法途径解决问题。"
                ),
                closing: (songClosed, .mediatedWithdrawal, "宋某自愿撤回对张官营镇人民政府的诉讼，当事人十分满意。"),
                caseNumber: "（\(year - 1)）豫0423行初8008号",
                participants: [
                    (.unit, "鲁山县人民政府办公室", ""), (.unit, "鲁山县人民检察院", ""), (.mediator, "王春晓", "鲁山县人民法院行政庭法官"),
                ]),
            Spec(
                applicant: "李某", agency: "鲁山县自然资源局", source: .prefiling, action: .registration,
                claim: "对集体土地使用权登记的四至有异议，请求更正登记。", registered: spread(year, 0.2),
                handling: "鲁山县自然资源局", handler: "不动产登记中心刘某", deadline: spread(year, 0.2).adding(workingDays: 10),
                feedback: (spread(year, 0.2).adding(days: 9), "会同村委会现场测量，双方确认四至，办理更正登记。"),
                closing: (spread(year, 0.2).adding(days: 12), .settled, "双方达成和解，申请人不再起诉。"),
                participants: [(.deputy, "赵某", "县人大代表"), (.lawyer, "孙某", "鲁山县法律援助中心")]),
            Spec(
                applicant: "鲁山县某建材有限公司", agency: "鲁山县市场监督管理局", source: .review, action: .penalty,
                claim: "对罚款 5 万元的行政处罚决定不服，申请行政复议后请求撤销。", registered: spread(year, 0.35),
                handling: "鲁山县司法局", handler: "行政复议股张某", deadline: spread(year, 0.35).adding(workingDays: 10),
                feedback: (spread(year, 0.35).adding(days: 10), "经复议机构协调，市场监管局认为裁量偏重，拟自行变更。"),
                closing: (spread(year, 0.35).adding(days: 14), .corrected, "市场监管局自行将罚款变更为 2 万元，企业表示接受。")),
            Spec(
                applicant: "王某", agency: "鲁山县人力资源和社会保障局", source: .petition, action: .workInjury,
                claim: "对不予认定工伤决定不服，多次信访，请求重新认定。", registered: spread(year, 0.05),
                handling: "鲁山县人力资源和社会保障局", handler: "工伤保险股陈某", deadline: spread(year, 0.05).adding(workingDays: 10),
                feedback: (spread(year, 0.05).adding(days: 12), "申请人坚持诉讼，调解未成。"),
                closing: (spread(year, 0.05).adding(days: 14), .unresolved, "调解未成，申请人已提起行政诉讼。"),
                caseNumber: "（\(year)）豫0423行初8012号"),
            Spec(
                applicant: "赵某", agency: "鲁山县住房和城乡建设局", source: .hotline, action: .expropriation,
                claim: "通过 12345 反映房屋征收补偿款计算有误，请求重新核算。", registered: max(today.adding(days: -20), spread(year, 0)),
                handling: "鲁山县住房和城乡建设局", handler: "征收办周某", deadline: today.adding(days: -3), urges: 1),
            Spec(
                applicant: "钱某", agency: "鲁山县公安局", source: .prefiling, action: .penalty,
                claim: "对治安罚款决定不服，请求撤销。", registered: today),
        ]
    }

    static func load(_ context: DemoLoader.Context) async throws {
        let region = try context.region("410423")
        let today = CalendarDay(containing: context.now)
        let clerk = "鲁山县法院书记员（演示）"
        var numbers: [Int: Int] = [:]
        for spec in specs(today: today) {
            let dispute = Dispute()
            dispute.$region.id = try region.requireID()
            numbers[spec.registered.year, default: 0] += 1
            dispute.number = "鲁山县争〔\(spec.registered.year)〕\(numbers[spec.registered.year] ?? 0)号"
            (dispute.source, dispute.applicant, dispute.$agency.id) =
                (spec.source, spec.applicant, try context.unit(spec.agency).requireID())
            (dispute.actionType, dispute.claim, dispute.registeredOn) =
                (spec.action, spec.claim, spec.registered.description)
            (dispute.registeredBy, dispute.urges, dispute.caseNumber) = (clerk, spec.urges, spec.caseNumber)
            var events: [(CalendarDay, String, String)] = [(spec.registered, clerk, "登记（\(spec.source.label)）")]
            var state = DisputeState.registered
            var stepDay = spec.registered
            if let handling = spec.handling {
                dispute.$handlingUnit.id = try context.unit(handling).requireID()
                state = .transferred
                events.append((spec.registered, clerk, "移送\(handling)"))
            }
            if let handler = spec.handler, let deadline = spec.deadline {
                (dispute.handler, dispute.deadline, state) = (handler, deadline.description, .assigned)
                stepDay = spec.registered.adding(days: 1)
                events.append((stepDay, clerk, "交办\(handler)，\(deadline.chinese)前反馈"))
            }
            if spec.urges > 0 { events.append((today.adding(days: -1), clerk, "第 1 次催办（已逾期 2 日）")) }
            if let (day, text) = spec.feedback {
                (dispute.feedback, dispute.answeredOn, state, stepDay) = (text, day.description, .answered, day)
                events.append((day, "\(spec.handling ?? "")（演示）", "反馈"))
            }
            if let (day, outcome, result) = spec.closing {
                (dispute.outcome, dispute.result, dispute.closedOn) = (outcome, result, day.description)
                (dispute.closeDays, state) = (spec.registered.days(until: day), .closed)
                events.append((day, clerk, "办结：\(outcome.label)"))
            }
            dispute.state = state
            dispute.stepDue = DisputeStore.stepDue(state, on: stepDay, deadline: spec.deadline)
            dispute.$adminCase.id = try await DisputeStore.caseID(spec.caseNumber, region: region, on: context.db)
            try await dispute.create(on: context.db)
            for (role, name, affiliation) in spec.participants {
                let participant = DisputeParticipant()
                participant.$dispute.id = try dispute.requireID()
                (participant.role, participant.name, participant.affiliation) = (role, name, affiliation)
                try await participant.create(on: context.db)
            }
            for (day, actor, what) in events {
                try await DisputeEvent(
                    disputeID: dispute.requireID(), at: day.start.addingTimeInterval(10 * 3600), actor: actor,
                    what: what
                ).create(on: context.db)
            }
        }
        let targets = DisputeTargetRow()
        targets.$region.id = try context.region("411322").requireID()
        (targets.newCasesChange, targets.mediatedWithdrawalRate) = (-20, 20)
        (targets.resolutionRate, targets.handlingDays) = (60, 10)
        try await targets.create(on: context.db)
    }
}
