import Foundation
import FuyuanCore

/// One enforcement case: what it owes and has paid, its payments; for the court the forms that correct it, record
/// a payment and end it. The same form, empty, enters a new case.
enum EnforcementCaseView {
    /// The form's values as typed, money in 元.
    struct Values: Sendable, Equatable {
        var caseNumber = ""
        var court = ""
        var organID: UUID?
        var basis = ""
        var obligation = Obligation.money
        var owed = ""
        var act = ""
        var filedOn = ""
        var campaignID: UUID?
    }

    /// A stored case as the page shows it.
    struct Shown: Sendable {
        let id: UUID
        let organName: String
        let campaignName: String?
        let state: EnforcementState
        let owedFen: Int64
        let paidFen: Int64
        let outstandingFen: Int64
        let note: String
        let payments: [(paidOn: String, amountFen: Int64, method: PaymentMethod, note: String, by: String)]
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let shown: Shown?
        let values: Values
        let organs: [EnforcementQueries.Choice]
        let campaigns: [EnforcementQueries.Choice]
        let canMaintain: Bool
        let today: CalendarDay
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let title = model.shown == nil ? "登记执行案件" : model.values.caseNumber
        return Layout.page(
            title: title, shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("执行案件", .enforcement(code)), (title, nil)]
        ) {
            h1 {
                title
                if let shown = model.shown { " "; span(.class("tag"), .id("enforcement-state")) { shown.state.label } }
            }
            Form.notice(model.notice)
            Form.problems(model.problems)
            if let shown = model.shown {
                facts(model.values, shown)
                if model.canMaintain && !shown.state.isCleared {
                    paymentForm(shown, obligation: model.values.obligation, today: model.today, csrf: shell.csrfToken)
                    endForm(shown, csrf: shell.csrfToken)
                }
            }
            if model.canMaintain { caseForm(model, csrf: shell.csrfToken) }
        }
    }

    private static func facts(_ values: Values, _ shown: Shown) -> Node {
        div(.class("card"), .id("enforcement-facts")) {
            dl(.class("facts")) {
                dt { "执行法院" }; dd { values.court }
                dt { "被执行单位" }; dd { shown.organName }
                dt { "执行依据" }; dd { values.basis.isEmpty ? "—" : values.basis }
                dt { "立案日期" }; dd { values.filedOn }
                dt { "专项清理" }; dd { shown.campaignName ?? "—" }
                if values.obligation == .money {
                    dt { "标的金额" }; dd(.id("owed")) { "\(Money.yuan(shown.owedFen)) 元" }
                    dt { "已履行" }; dd(.id("paid")) { "\(Money.yuan(shown.paidFen)) 元" }
                    dt { "未履行" }; dd(.id("outstanding")) { "\(Money.yuan(shown.outstandingFen)) 元" }
                } else {
                    dt { "履行内容" }; dd { values.act }
                }
                if !shown.note.isEmpty { dt { "说明" }; dd { shown.note } }
            }
            h2 { "履行记录" }
            table(.id("payments")) {
                thead {
                    tr {
                        th { "日期" }; th { "金额（元）" }; th { "方式" }; th { "说明" }; th { "登记人" }
                    }
                }
                tbody {
                    for payment in shown.payments {
                        tr {
                            td(.class("nowrap")) { payment.paidOn }
                            td(.class("num")) { payment.method == .act ? "—" : Money.yuan(payment.amountFen) }
                            td { payment.method.label }
                            td { payment.note }
                            td { payment.by }
                        }
                    }
                }
            }
            if shown.payments.isEmpty { p(.class("muted")) { "尚无履行记录。" } }
        }
    }

    private static func paymentForm(_ shown: Shown, obligation: Obligation, today: CalendarDay, csrf: String) -> Node {
        form(.post, .action(.enforcementPayments(shown.id)), .class("card"), .id("payment-form")) {
            Layout.csrfField(csrf)
            h2 { "登记履行" }
            div(.class("actions")) {
                input(.type("date"), .name("paidOn"), .value(today.description), .attr("aria-label", "履行日期"), .required)
                if obligation == .money {
                    input(
                        .type("text"), .name("amount"), .attr("inputmode", "decimal"), .attr("placeholder", "金额（元）"),
                        .attr("aria-label", "金额（元）"), .value(Money.yuan(shown.outstandingFen)))
                }
                select(.name("method"), .attr("aria-label", "履行方式")) {
                    for method in PaymentMethod.allCases where (method == .act) == (obligation == .act) {
                        choice(method.rawValue, method.label, selected: method == .transferred || method == .act)
                    }
                }
                input(.type("text"), .name("note"), .attr("placeholder", "说明（可选）"), .attr("aria-label", "说明"))
                button(.type("submit")) { "登记" }
            }
        }
    }

    private static func endForm(_ shown: Shown, csrf: String) -> Node {
        form(.post, .action(.enforcementEnd(shown.id)), .class("card"), .id("end-form")) {
            Layout.csrfField(csrf)
            h2 { "终结本次执行或和解" }
            div(.class("actions")) {
                select(.name("state"), .attr("aria-label", "结案方式")) {
                    for state in [EnforcementState.terminated, .settled] {
                        choice(state.rawValue, state.label, selected: false)
                    }
                }
                input(.type("text"), .name("note"), .attr("placeholder", "说明情况"), .attr("aria-label", "说明"), .required)
                button(.type("submit"), .class("secondary")) { "确认" }
            }
        }
    }

    private static func caseForm(_ model: Model, csrf: String) -> Node {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        let action: SitePath = model.shown.map { .enforcementCase($0.id) } ?? .enforcement(model.regionCode)
        return form(.post, .action(action), .id("enforcement-form"), .class("card")) {
            Layout.csrfField(csrf)
            if model.shown != nil { h2 { "修改" } }
            Form.field("案号", name: "caseNumber", value: values.caseNumber, hint: "如（2023）豫0423执120号", marks: marks)
            Form.field("执行法院", name: "court", value: values.court, required: false, marks: marks)
            div(.class("field")) {
                label(.for("f-organID")) { "被执行单位" }
                element(
                    "select",
                    [.id("f-organID"), .name("organID"), .required] + marks.attributes("被执行单位", name: "organID")
                ) {
                    choice("", "（请选择）", selected: values.organID == nil)
                    for organ in model.organs {
                        choice(organ.id.uuidString, organ.name, selected: organ.id == values.organID)
                    }
                }
                marks.message("被执行单位", name: "organID")
            }
            Form.field(
                "执行依据", name: "basis", value: values.basis, required: false, hint: "据以执行的判决，如（2022）豫04民终729号",
                marks: marks)
            div(.class("field")) {
                label(.for("f-obligation")) { "履行内容" }
                select(.id("f-obligation"), .name("obligation")) {
                    for obligation in Obligation.allCases {
                        choice(obligation.rawValue, obligation.label, selected: obligation == values.obligation)
                    }
                }
            }
            Form.field(
                "标的金额", name: "owed", value: values.owed, required: false, hint: "给付金钱的，以元为单位，精确到分，如 125072.39",
                marks: marks)
            Form.field("履行行为", name: "act", value: values.act, required: false, hint: "须履行行为的，写明行为", marks: marks)
            Form.field("立案日期", name: "filedOn", value: values.filedOn, type: "date", marks: marks)
            div(.class("field")) {
                label(.for("f-campaignID")) { "专项清理" }
                select(.id("f-campaignID"), .name("campaignID")) {
                    choice("", "（不属于专项清理）", selected: values.campaignID == nil)
                    for campaign in model.campaigns {
                        choice(campaign.id.uuidString, campaign.name, selected: campaign.id == values.campaignID)
                    }
                }
            }
            button(.type("submit")) { model.shown == nil ? "登记" : "保存修改" }
        }
    }
}
