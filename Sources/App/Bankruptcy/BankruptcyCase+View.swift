import Foundation
import FuyuanCore

/// One bankruptcy case: its key dates and the days it has run, its matters with their lights; for the court the
/// forms that list a matter, conclude the case and correct it. The same form, empty, enters a new case.
enum BankruptcyCaseView {
    /// The form's values as typed.
    struct Values: Sendable, Equatable {
        var caseNumber = ""
        var debtor = ""
        var procedure = BankruptcyProcedure.liquidation
        var stage = BankruptcyStage.accepted
        var judge = ""
        var administrator = ""
        var acceptedOn = ""
        var claimsDueOn = ""
        var firstMeetingOn = ""
    }

    /// A stored case as the page shows it.
    struct Shown: Sendable {
        let id: UUID
        let courtName: String
        let concludedOn: String?
        let daysRun: Int
        let matters: [BankruptcyQueries.Matter]
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let shown: Shown?
        let values: Values
        let departments: [BankruptcyQueries.Choice]
        let canMaintain: Bool
        let today: CalendarDay
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let title = model.shown == nil ? "登记破产案件" : model.values.caseNumber
        let open = model.shown.map { $0.concludedOn == nil } ?? true
        return Layout.page(
            title: title, shell: shell,
            breadcrumbs: [(model.regionName, .region(code)), ("破产协调", .bankruptcy(code)), (title, nil)]
        ) {
            h1 {
                title
                if model.shown != nil { " "; span(.class("tag"), .id("bankruptcy-stage")) { model.values.stage.label } }
            }
            Form.notice(model.notice)
            Form.problems(model.problems)
            if let shown = model.shown {
                facts(model.values, shown)
                matters(shown)
                if model.canMaintain && open {
                    matterForm(shown, departments: model.departments, today: model.today, csrf: shell.csrfToken)
                    concludeForm(shown, today: model.today, csrf: shell.csrfToken)
                }
            }
            if model.canMaintain && open { caseForm(model, csrf: shell.csrfToken) }
        }
    }

    private static func facts(_ values: Values, _ shown: Shown) -> Node {
        div(.class("card"), .id("bankruptcy-facts")) {
            dl(.class("facts")) {
                dt { "债务人" }; dd { values.debtor }
                dt { "程序" }; dd { values.procedure.label }
                dt { "受理法院" }; dd { shown.courtName }
                dt { "承办法官" }; dd { values.judge.isEmpty ? "—" : values.judge }
                dt { "管理人" }; dd { values.administrator.isEmpty ? "—" : values.administrator }
                dt { "受理日期" }; dd(.id("accepted-on")) { values.acceptedOn }
                dt { "债权申报期限" }; dd { values.claimsDueOn.isEmpty ? "—" : values.claimsDueOn }
                dt { "第一次债权人会议" }; dd { values.firstMeetingOn.isEmpty ? "—" : values.firstMeetingOn }
                dt { "终结日期" }; dd(.id("concluded-on")) { shown.concludedOn ?? "—" }
                dt { shown.concludedOn == nil ? "已历时" : "历时" }; dd(.id("days-run")) { "\(shown.daysRun) 日" }
            }
        }
    }

    private static func matters(_ shown: Shown) -> Node {
        div(.class("card")) {
            h2 { "协调事项" }
            p(.class("muted"), .id("matter-count")) {
                let open = shown.matters.filter { !$0.row.item.state.isFinished }.count
                "共 \(shown.matters.count) 项，未办结 \(open) 项。各事项在台账中由责任单位签收、报送进展、申请销号，联席办审核销号。"
            }
            table(.id("matters")) {
                thead {
                    tr {
                        th { "提示" }; th { "事项" }; th { "类别" }; th { "责任单位" }; th { "完成时限" }; th { "状态" }
                    }
                }
                tbody {
                    for matter in shown.matters {
                        let row = matter.row
                        tr(.attr("data-mark", row.timeliness.colour), .attr("data-kind", matter.kind.rawValue)) {
                            td { LedgerView.mark(row.timeliness) }
                            td { a(.href(.item(row.item.id))) { "第 \(row.item.number) 项 \(row.item.title)" } }
                            td(.class("nowrap")) { matter.kind.label }
                            td { row.units(.lead).joined(separator: "、") }
                            td(.class("nowrap")) { row.item.deadline.label }
                            td(.class("nowrap")) { row.item.state.label }
                        }
                    }
                }
            }
            if shown.matters.isEmpty { p(.class("muted")) { "尚未列出需政府协调的事项。" } }
        }
    }

    private static func matterForm(
        _ shown: Shown, departments: [BankruptcyQueries.Choice], today: CalendarDay, csrf: String
    ) -> Node {
        form(.post, .action(.bankruptcyMatters(shown.id)), .class("card"), .id("matter-form")) {
            Layout.csrfField(csrf)
            h2 { "列出协调事项" }
            Form.select("类别", name: "kind", BankruptcyMatterKind.allCases.map { ($0.rawValue, $0.label) }, "")
            Form.select("责任单位", name: "unitID", [("", "（请选择）")] + departments.map { ($0.id.uuidString, $0.name) }, "")
            Form.field("办理时限", name: "deadline", value: today.adding(days: 30).description, type: "date")
            Form.field("需协调的内容", name: "content", required: false, hint: "如：协调安置职工 126 人、补缴社保费用")
            button(.type("submit")) { "列出并交办" }
        }
    }

    private static func concludeForm(_ shown: Shown, today: CalendarDay, csrf: String) -> Node {
        form(.post, .action(.bankruptcyConclude(shown.id)), .class("card"), .id("conclude-form")) {
            Layout.csrfField(csrf)
            h2 { "终结程序" }
            p(.class("muted")) { "各协调事项办结或确认不适用后，才能终结。" }
            div(.class("actions")) {
                input(
                    .type("date"), .name("concludedOn"), .value(today.description), .attr("aria-label", "终结日期"),
                    .required)
                button(.type("submit"), .class("secondary")) { "终结" }
            }
        }
    }

    private static func caseForm(_ model: Model, csrf: String) -> Node {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        let action: SitePath = model.shown.map { .bankruptcyCase($0.id) } ?? .bankruptcy(model.regionCode)
        return form(.post, .action(action), .id("bankruptcy-form"), .class("card")) {
            Layout.csrfField(csrf)
            if model.shown != nil { h2 { "修改" } }
            Form.field("案号", name: "caseNumber", value: values.caseNumber, hint: "如（2024）豫0403破1号", marks: marks)
            Form.field("债务人", name: "debtor", value: values.debtor, hint: "破产企业的名称", marks: marks)
            Form.select(
                "程序", name: "procedure", BankruptcyProcedure.allCases.map { ($0.rawValue, $0.label) },
                values.procedure.rawValue)
            if model.shown != nil {
                Form.select(
                    "程序阶段", name: "stage",
                    BankruptcyStage.allCases.filter { $0 != .concluded }.map { ($0.rawValue, $0.label) },
                    values.stage.rawValue, marks: marks)
            }
            Form.field("承办法官", name: "judge", value: values.judge, required: false, marks: marks)
            Form.field("管理人", name: "administrator", value: values.administrator, required: false, marks: marks)
            Form.field("受理日期", name: "acceptedOn", value: values.acceptedOn, type: "date", marks: marks)
            Form.field(
                "债权申报期限", name: "claimsDueOn", value: values.claimsDueOn, type: "date", required: false, marks: marks)
            Form.field(
                "第一次债权人会议", name: "firstMeetingOn", value: values.firstMeetingOn, type: "date", required: false,
                marks: marks)
            button(.type("submit")) { model.shown == nil ? "登记" : "保存修改" }
        }
    }
}

extension BankruptcyCaseView.Values {
    /// The form as posted, to show again with its problems.
    init(_ input: BankruptcyStore.Input) {
        self.init(
            caseNumber: input.caseNumber, debtor: input.debtor, procedure: input.procedure,
            stage: input.stage ?? .accepted, judge: input.judge ?? "", administrator: input.administrator ?? "",
            acceptedOn: input.acceptedOn, claimsDueOn: input.claimsDueOn ?? "",
            firstMeetingOn: input.firstMeetingOn ?? "")
    }
}
