import Foundation
import FuyuanCore

/// One judicial suggestion: what the court found and suggests, the reply's light, its history; for the agency the
/// signature and the reply, for the court the form that corrects it. The same form, empty, issues a new one.
enum SuggestionView {
    /// The form's values as the court typed them (kept when refused).
    struct Values: Sendable, Equatable {
        var agencyID: UUID?
        var reference = ""
        var caseNumber = ""
        var problem = ""
        var suggestion = ""
        var issuedOn = ""
        var replyDue = ""

        init(today: CalendarDay) {
            issuedOn = today.description
            replyDue = today.adding(days: SuggestionRules.replyDays).description
        }

        init(_ input: SuggestionStore.Input) {
            (agencyID, reference, caseNumber) = (input.agencyID, input.reference ?? "", input.caseNumber ?? "")
            (problem, suggestion) = (input.problem, input.suggestion)
            (issuedOn, replyDue) = (input.issuedOn ?? "", input.replyDue ?? "")
        }

        init(_ suggestion: JudicialSuggestion) {
            (agencyID, reference, caseNumber) = (suggestion.$agency.id, suggestion.reference, suggestion.caseNumber)
            (problem, self.suggestion) = (suggestion.problem, suggestion.suggestion)
            (issuedOn, replyDue) = (suggestion.issuedOn, suggestion.replyDue)
        }
    }

    /// A suggestion as the page shows it, taken from the stored one.
    struct Shown: Sendable {
        let id: UUID
        let title: String
        let courtName: String
        let agencyName: String
        let state: SuggestionState
        let timeliness: Timeliness
        let values: Values
        let issuedBy: String
        let signed: String?
        let replied: String?
        let lateDays: Int?
        let measures: String?
        let adoption: Adoption?
        let reasons: String?
        let events: [(at: Date, actor: String, what: String)]
    }

    struct Model {
        let regionCode: String
        let regionName: String
        /// Nil on the form that issues a new one.
        let shown: Shown?
        let values: Values
        let agencies: [(id: UUID, name: String)]
        /// Court staff of the suggestion's region: may issue, and correct until it is answered.
        let canEdit: Bool
        /// A person of the agency it is addressed to: signs and replies.
        let isAgency: Bool
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let title = model.shown?.title ?? "发出司法建议"
        return Layout.page(
            title: title, shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("司法建议", .suggestions(code)), (title, nil)]
        ) {
            h1 {
                "司法建议 " + (model.shown == nil ? "· 发出" : title)
                if let shown = model.shown {
                    " "
                    LedgerView.mark(shown.timeliness)
                    " "
                    span(.class("tag"), .id("suggestion-state")) { shown.state.label }
                    if let late = shown.lateDays {
                        " "; span(.class("tag bad"), .id("late-reply")) { "逾期回复 \(late) 日" }
                    }
                }
            }
            Form.notice(model.notice)
            Form.problems(model.problems)
            if let shown = model.shown {
                facts(shown)
                if model.isAgency { agencyForms(shown, problems: model.problems, csrf: shell.csrfToken) }
                history(shown)
            }
            if model.canEdit && (model.shown?.state.mayEdit ?? true) {
                editForm(model, csrf: shell.csrfToken)
            }
        }
    }

    private static func facts(_ shown: Shown) -> Node {
        div(.class("card"), .id("suggestion-facts")) {
            dl(.class("facts")) {
                for (term, value) in [
                    ("发出法院", shown.courtName), ("被建议单位", shown.agencyName),
                    ("文号", shown.values.reference.isEmpty ? "—" : shown.values.reference),
                    ("案号", shown.values.caseNumber.isEmpty ? "—" : shown.values.caseNumber),
                    ("发出日期", CalendarDay(parsing: shown.values.issuedOn)?.chinese ?? shown.values.issuedOn),
                    ("回复期限", CalendarDay(parsing: shown.values.replyDue)?.chinese ?? shown.values.replyDue),
                    ("签收", shown.signed ?? "未签收"), ("回复", shown.replied ?? "未回复"),
                ] {
                    dt { term }
                    dd { value }
                }
            }
            h2 { "发现的问题" }
            p(.class("prewrap"), .id("suggestion-problem")) { shown.values.problem }
            h2 { "建议内容" }
            p(.class("prewrap"), .id("suggestion-text")) { shown.values.suggestion }
            if let adoption = shown.adoption {
                h2 { "回复" }
                dl(.class("facts"), .id("suggestion-reply")) {
                    dt { "采纳情况" }
                    dd { adoption.label }
                    dt { "采取的措施" }
                    dd(.class("prewrap")) { shown.measures ?? "" }
                    if let reasons = shown.reasons {
                        dt { "理由" }
                        dd(.class("prewrap")) { reasons }
                    }
                }
            }
        }
    }

    private static func agencyForms(_ shown: Shown, problems: [String], csrf: String) -> [Node] {
        switch shown.state {
        case .issued:
            return [
                form(.post, .action(.suggestionSign(shown.id)), .class("card actions"), .id("sign-form")) {
                    Layout.csrfField(csrf)
                    span { "收到该司法建议后请先签收，再于回复期限前书面回复。" }
                    button(.type("submit")) { "签收" }
                }
            ]
        case .signed:
            let marks = Form.FieldMarks(problems)
            return [
                form(.post, .action(.suggestionReply(shown.id)), .class("card"), .id("reply-form")) {
                    Layout.csrfField(csrf)
                    h2 { "书面回复" }
                    div(.class("field")) {
                        label(.for("f-adoption")) { "采纳情况" }
                        select(.id("f-adoption"), .name("adoption")) {
                            for adoption in Adoption.allCases {
                                choice(adoption.rawValue, adoption.label, selected: adoption == .full)
                            }
                        }
                    }
                    Form.textArea("采取的措施", name: "measures", value: "", marks: marks)
                    Form.textArea(
                        "理由", name: "reasons", value: "", required: false, hint: "部分采纳或未采纳的，须说明理由", marks: marks)
                    button(.type("submit")) { "提交回复" }
                }
            ]
        case .replied:
            return []
        }
    }

    private static func history(_ shown: Shown) -> Node {
        div(.class("card"), .id("suggestion-history")) {
            h2 { "办理过程" }
            ul {
                li { "发出：\(shown.issuedBy)" }
                for event in shown.events { li { "\(ChineseTime.minute(event.at)) \(event.actor)：\(event.what)" } }
            }
        }
    }

    private static func editForm(_ model: Model, csrf: String) -> Node {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        let action: SitePath = model.shown.map { .suggestion($0.id) } ?? .suggestions(model.regionCode)
        return form(.post, .action(action), .id("suggestion-form"), .class("card")) {
            Layout.csrfField(csrf)
            if model.shown != nil { h2 { "修改" } }
            div(.class("field")) {
                label(.for("f-agencyID")) { "被建议单位" }
                element(
                    "select",
                    [.id("f-agencyID"), .name("agencyID"), .required] + marks.attributes("被建议单位", name: "agencyID")
                ) {
                    choice("", "（请选择）", selected: values.agencyID == nil)
                    for agency in model.agencies {
                        choice(agency.id.uuidString, agency.name, selected: agency.id == values.agencyID)
                    }
                }
                marks.message("被建议单位", name: "agencyID")
            }
            Form.field(
                "文号", name: "reference", value: values.reference, required: false, hint: "如 鲁法司建〔2026〕3号", marks: marks)
            Form.field(
                "案号", name: "caseNumber", value: values.caseNumber, required: false, hint: "发现问题的案件，如（2025）豫0423行初15号",
                marks: marks)
            Form.field("发出日期", name: "issuedOn", value: values.issuedOn, type: "date", marks: marks)
            Form.field(
                "回复期限", name: "replyDue", value: values.replyDue, type: "date",
                hint: "默认为发出后 \(SuggestionRules.replyDays) 日；期限前 \(SuggestionRules.reminderDays) 日和当日自动催办", marks: marks
            )
            Form.textArea("发现的问题", name: "problem", value: values.problem, marks: marks)
            Form.textArea("建议内容", name: "suggestion", value: values.suggestion, marks: marks)
            button(.type("submit")) { model.shown == nil ? "发出" : "保存修改" }
        }
    }
}

extension SuggestionView.Shown {
    /// The stored suggestion as the page shows it on `today`.
    init(_ detail: SuggestionQueries.Detail, today: CalendarDay, rules: DueRules) throws {
        let suggestion = detail.suggestion
        let due = CalendarDay(parsing: suggestion.replyDue) ?? today
        let repliedOn = suggestion.repliedOn.flatMap(CalendarDay.init(parsing:))
        id = try suggestion.requireID()
        title = suggestion.title
        (courtName, agencyName, state) = (detail.courtName, detail.agencyName, suggestion.state)
        timeliness = SuggestionRules().timeliness(due: due, repliedOn: repliedOn, today: today, rules: rules)
        values = SuggestionView.Values(suggestion)
        issuedBy = suggestion.issuedBy
        signed = suggestion.signedAt.map { "\(suggestion.signedBy ?? "")，\(ChineseTime.minute($0))" }
        replied = repliedOn.map { "\(suggestion.repliedBy ?? "")，\($0.chinese)" }
        lateDays = repliedOn.flatMap {
            SuggestionRules().isLate(repliedOn: $0, due: due) ? due.days(until: $0) : nil
        }
        (measures, adoption, reasons) = (suggestion.measures, suggestion.adoption, suggestion.reasons)
        events = detail.events.map { ($0.at, $0.actor, $0.what) }
    }
}
