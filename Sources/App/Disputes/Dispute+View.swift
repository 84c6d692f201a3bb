import Foundation
import FuyuanCore

/// One dispute: the registration, the 2+N participants, the light of the step due next, the form of that step for
/// whoever takes it, and the timed history. The registration form, empty, registers a new one.
enum DisputeView {
    /// The registration form's values as typed (kept when refused).
    struct Values: Sendable, Equatable {
        var source = DisputeSource.prefiling
        var applicant = ""
        var agencyID: UUID?
        var actionType = ActionType.other
        var claim = ""
        var registeredOn = ""
        var caseNumber = ""

        init(today: CalendarDay) { registeredOn = today.description }

        init(_ input: DisputeStore.Input) {
            (source, applicant, agencyID, actionType) = (
                input.source, input.applicant, input.agencyID, input.actionType
            )
            (claim, registeredOn, caseNumber) = (input.claim, input.registeredOn ?? "", input.caseNumber ?? "")
        }

        init(_ dispute: Dispute) {
            (source, applicant, agencyID) = (dispute.source, dispute.applicant, dispute.$agency.id)
            (actionType, claim, registeredOn, caseNumber) =
                (dispute.actionType, dispute.claim, dispute.registeredOn, dispute.caseNumber)
        }
    }

    /// A dispute as the page shows it, taken from the stored one.
    struct Shown: Sendable {
        let id: UUID
        let number: String
        let state: DisputeState
        let timeliness: Timeliness
        let values: Values
        let agencyName: String
        let registeredBy: String
        let handlingName: String?
        let handler: String?
        let deadline: String?
        let stepDue: String
        let urges: Int
        let feedback: String?
        let answeredOn: String?
        let outcome: DisputeOutcome?
        let result: String?
        let closedOn: String?
        let closeDays: Int?
        let caseID: UUID?
        let participants: [(role: String, name: String, affiliation: String)]
        let events: [(at: Date, actor: String, what: String)]
    }

    struct Model {
        let regionCode: String
        let regionName: String
        /// Nil on the form that registers a new one.
        let shown: Shown?
        let values: Values
        let agencies: [(id: UUID, name: String)]
        /// The centre's people of the dispute's region: register, correct and take every step but the answer.
        let isCentre: Bool
        /// A person of the unit it was transferred to: answers.
        let isHandling: Bool
        /// The handler's default time, for the assignment form's hint.
        let handlingDays: Int
        let today: CalendarDay
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let title = model.shown?.number ?? "登记行政争议"
        return Layout.page(
            title: title, shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("行政争议化解", .disputes(code)), (title, nil)]
        ) {
            h1 {
                "行政争议 " + (model.shown == nil ? "· 登记" : title)
                if let shown = model.shown {
                    " "
                    LedgerView.mark(shown.timeliness)
                    " "
                    span(.class("tag"), .id("dispute-state")) { shown.state.label }
                    if let outcome = shown.outcome {
                        " ";
                        span(.class(outcome.isResolved ? "tag ok" : "tag bad"), .id("dispute-outcome")) {
                            outcome.label
                        }
                    }
                }
            }
            Form.notice(model.notice)
            Form.problems(model.problems)
            if let shown = model.shown {
                facts(shown)
                participants(shown, canAdd: model.isCentre && shown.state.isOpen, csrf: shell.csrfToken)
                DisputeStepForms.forms(shown, model: model, csrf: shell.csrfToken)
                history(shown)
            }
            if model.isCentre && (model.shown?.state.isOpen ?? true) {
                registrationForm(model, csrf: shell.csrfToken)
            }
        }
    }

    private static func facts(_ shown: Shown) -> Node {
        let day = { (text: String?) in text.flatMap(CalendarDay.init(parsing:))?.chinese ?? "—" }
        return div(.class("card"), .id("dispute-facts")) {
            dl(.class("facts")) {
                for (term, value) in [
                    ("来源", shown.values.source.label), ("申请人", shown.values.applicant), ("被申请行政机关", shown.agencyName),
                    ("行政行为类别", shown.values.actionType.label), ("登记日期", day(shown.values.registeredOn)),
                    ("登记人", shown.registeredBy), ("承办单位", shown.handlingName ?? "未移送"), ("承办人", shown.handler ?? "未交办"),
                    ("办理期限", day(shown.deadline)), ("催办", shown.urges == 0 ? "无" : "\(shown.urges) 次"),
                    (
                        "当前环节",
                        shown.state.nextStep.map { "待\($0)，期限 \(day(shown.stepDue))" }
                            ?? "已办结，用时 \(shown.closeDays ?? 0) 日"
                    ),
                ] {
                    dt { term }
                    dd { value }
                }
                dt { "案号" }
                dd(.id("dispute-case")) {
                    if let caseID = shown.caseID {
                        a(.href(.adminCase(caseID))) { shown.values.caseNumber }
                    } else {
                        shown.values.caseNumber.isEmpty ? "—" : shown.values.caseNumber + "（诉讼台账中尚无此案）"
                    }
                }
            }
            h2 { "争议事项及请求" }
            p(.class("prewrap"), .id("dispute-claim")) { shown.values.claim }
            if let feedback = shown.feedback {
                h2 { "承办单位反馈（\(day(shown.answeredOn))）" }
                p(.class("prewrap"), .id("dispute-feedback")) { feedback }
            }
            if let result = shown.result {
                h2 { "化解情况（\(day(shown.closedOn)) 办结）" }
                p(.class("prewrap"), .id("dispute-result")) { result }
            }
        }
    }

    private static func participants(_ shown: Shown, canAdd: Bool, csrf: String) -> Node {
        div(.class("card"), .id("dispute-participants")) {
            h2 { "参与化解（2+N）" }
            ul {
                li { "申请人：\(shown.values.applicant)" }
                li { "被申请行政机关：\(shown.agencyName)" }
                for participant in shown.participants {
                    li {
                        "\(participant.role)：\(participant.name)"
                            + (participant.affiliation.isEmpty ? "" : "（\(participant.affiliation)）")
                    }
                }
            }
            if canAdd {
                form(.post, .action(.disputeStep(shown.id, .participants)), .class("actions"), .id("participant-form"))
                {
                    Layout.csrfField(csrf)
                    select(.name("role"), .attr("aria-label", "身份")) {
                        for role in ParticipantRole.allCases {
                            choice(role.rawValue, role.label, selected: role == .unit)
                        }
                    }
                    input(
                        .type("text"), .name("name"), .attr("aria-label", "姓名或名称"), .attr("placeholder", "姓名或名称"),
                        .required)
                    input(
                        .type("text"), .name("affiliation"), .attr("aria-label", "单位或职务"),
                        .attr("placeholder", "单位或职务（可不填）"))
                    button(.type("submit")) { "增加参与方" }
                }
            }
        }
    }

    private static func history(_ shown: Shown) -> Node {
        div(.class("card"), .id("dispute-history")) {
            h2 { "办理过程" }
            ul { for event in shown.events { li { "\(ChineseTime.minute(event.at)) \(event.actor)：\(event.what)" } } }
        }
    }

    private static func registrationForm(_ model: Model, csrf: String) -> Node {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        let action: SitePath = model.shown.map { .dispute($0.id) } ?? .disputes(model.regionCode)
        return form(.post, .action(action), .id("dispute-form"), .class("card")) {
            Layout.csrfField(csrf)
            if model.shown != nil { h2 { "修改登记" } }
            Form.select(
                "来源", name: "source", DisputeSource.allCases.map { ($0.rawValue, $0.label) }, values.source.rawValue)
            Form.field("申请人", name: "applicant", value: values.applicant, hint: "自然人姓名或企业名称", marks: marks)
            div(.class("field")) {
                label(.for("f-agencyID")) { "被申请行政机关" }
                element(
                    "select",
                    [.id("f-agencyID"), .name("agencyID"), .required] + marks.attributes("被申请行政机关", name: "agencyID")
                ) {
                    choice("", "（请选择）", selected: values.agencyID == nil)
                    for agency in model.agencies {
                        choice(agency.id.uuidString, agency.name, selected: agency.id == values.agencyID)
                    }
                }
                marks.message("被申请行政机关", name: "agencyID")
            }
            Form.select(
                "行政行为类别", name: "actionType", ActionType.allCases.map { ($0.rawValue, $0.label) },
                values.actionType.rawValue)
            Form.textArea("争议事项", name: "claim", value: values.claim, marks: marks)
            Form.field("登记日期", name: "registeredOn", value: values.registeredOn, type: "date", marks: marks)
            Form.field(
                "案号", name: "caseNumber", value: values.caseNumber, required: false,
                hint: "诉中化解的，填写行政诉讼案号，如（2025）豫0423行初15号",
                marks: marks)
            button(.type("submit")) { model.shown == nil ? "登记" : "保存修改" }
        }
    }
}

extension DisputeView.Shown {
    /// The stored dispute as the page shows it on `today`.
    init(_ detail: DisputeQueries.Detail, today: CalendarDay, rules: DueRules) throws {
        let dispute = detail.dispute
        id = try dispute.requireID()
        (number, state, values) = (dispute.number, dispute.state, DisputeView.Values(dispute))
        timeliness = DisputeRules().timeliness(
            dispute.state, stepDue: CalendarDay(parsing: dispute.stepDue), today: today, rules: rules)
        (agencyName, registeredBy, handlingName) = (detail.agencyName, dispute.registeredBy, detail.handlingName)
        (handler, deadline, stepDue, urges) = (dispute.handler, dispute.deadline, dispute.stepDue, dispute.urges)
        (feedback, answeredOn, outcome, result) = (
            dispute.feedback, dispute.answeredOn, dispute.outcome, dispute.result
        )
        (closedOn, closeDays, caseID) = (dispute.closedOn, dispute.closeDays, dispute.$adminCase.id)
        participants = detail.participants.map { ($0.role.label, $0.name, $0.affiliation) }
        events = detail.events.map { ($0.at, $0.actor, $0.what) }
    }
}
