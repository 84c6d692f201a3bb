import Foundation
import FuyuanCore

/// One case: its facts and hearings, and for court staff the form that corrects it. The same form, empty, enters a
/// new case.
enum CaseView {
    struct Model {
        let regionCode: String
        let regionName: String
        /// Nil for a new case.
        let caseID: UUID?
        let values: CaseForm
        let units: [String]
        let canMaintain: Bool
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let code = model.regionCode
        let values = model.values
        let title = model.caseID == nil ? "录入案件" : (values.number ?? "案件")
        return Layout.page(
            title: title, shell: shell,
            breadcrumbs: [
                (model.regionName, .region(code)), ("行政诉讼", .litigation(code)), ("案件", .cases(code)), (title, nil),
            ]
        ) {
            h1 { title }
            Form.notice(model.notice)
            Form.problems(model.problems)
            if model.canMaintain {
                caseForm(model, csrf: shell.csrfToken)
                if let id = model.caseID {
                    form(
                        .post, .action(.adminCaseDelete(id)), .class("actions"), .id("case-delete"),
                        .attr("data-confirm", "删除案件 \(values.number ?? "")？此操作记入审计日志。")
                    ) {
                        Layout.csrfField(shell.csrfToken)
                        button(.type("submit"), .class("danger")) { "删除案件" }
                    }
                }
            } else {
                facts(values)
            }
        }
    }

    private static func facts(_ values: CaseForm) -> Node {
        div(.class("card"), .id("case-facts")) {
            dl(.class("facts")) {
                for (term, value) in [
                    ("案号", values.number), ("审理法院", values.court), ("审级", values.procedure), ("被告单位", values.defendant),
                    ("行政行为类别", values.actionType), ("原告类型", values.plaintiff), ("立案日期", values.filedOn),
                    ("结案日期", values.concludedOn ?? "未结"), ("裁判结果", values.outcome), ("败诉原因", values.lossCause),
                ] {
                    dt { term }
                    dd { value ?? "" }
                }
            }
            h2 { "开庭与负责人出庭" }
            hearingsTable(values.hearings, editable: false)
        }
    }

    private static func caseForm(_ model: Model, csrf: String) -> Node {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        let action: SitePath = model.caseID.map { .adminCase($0) } ?? .cases(model.regionCode)
        return form(.post, .action(action), .id("case-form"), .class("card")) {
            Layout.csrfField(csrf)
            div(.class("field")) {
                label(.for("f-number")) { "案号" }
                voidElement(
                    "input",
                    [
                        .type("text"), .id("f-number"), .name("number"), .value(values.number ?? ""),
                        .attr("placeholder", "（2023）豫0423行初15号"), .required,
                        .when(model.caseID != nil, .flag("readonly")),
                    ] + marks.attributes("案号", name: "number"))
                marks.message("案号", name: "number")
                small(.class("hint")) { "全角或半角括号均可；审级由案号的类型代字确定。" }
            }
            Form.field("审理法院", name: "court", value: values.court ?? "", marks: marks)
            labelled(
                "审级", name: "procedure", choices: [""] + Procedure.allCases.map(\.label), value: values.procedure,
                marks: marks)
            labelled("被告单位", name: "defendant", choices: [""] + model.units, value: values.defendant, marks: marks)
            labelled(
                "行政行为类别", name: "actionType", choices: ActionType.allCases.map(\.label), value: values.actionType,
                marks: marks)
            labelled(
                "原告类型", name: "plaintiff", choices: PlaintiffKind.allCases.map(\.label), value: values.plaintiff,
                marks: marks)
            Form.field("立案日期", name: "filedOn", value: values.filedOn ?? "", type: "date", marks: marks)
            Form.field(
                "结案日期", name: "concludedOn", value: values.concludedOn ?? "", type: "date", required: false,
                hint: "未结案件留空", marks: marks)
            labelled(
                "裁判结果", name: "outcome", choices: [""] + Outcome.allCases.map(\.label), value: values.outcome,
                marks: marks)
            labelled(
                "败诉原因", name: "lossCause", choices: [""] + LossCause.allCases.map(\.label), value: values.lossCause,
                marks: marks)
            fieldset {
                legend { "开庭与负责人出庭" }
                hearingsTable(
                    values.hearings
                        + Array(
                            repeating: CaseForm.Hearing(day: "", appeared: "否", rank: "", principal: "否", spoke: "否"),
                            count: CaseForm.blankHearings), editable: true)
                small(.class("hint")) { "清空开庭日期即删除该次开庭。" }
            }
            div(.class("actions")) { button(.type("submit")) { "保存" } }
        }
    }

    private static func labelled(
        _ text: String, name: String, choices: [String], value: String?, marks: Form.FieldMarks
    ) -> Node {
        div(.class("field")) {
            label(.for("f-" + name)) { text }
            element("select", [.id("f-" + name), .name(name)] + marks.attributes(text, name: name)) {
                for choiceText in choices {
                    choice(choiceText, choiceText.isEmpty ? "（未填）" : choiceText, selected: choiceText == (value ?? ""))
                }
            }
            marks.message(text, name: name)
        }
    }

    private static func hearingsTable(_ hearings: [CaseForm.Hearing], editable: Bool) -> Node {
        table(.id("hearings")) {
            thead {
                tr {
                    th { "开庭日期" }; th { "负责人出庭" }; th { "职务" }; th { "正职" }; th { "出声" }
                }
            }
            tbody {
                for (index, hearing) in hearings.enumerated() {
                    tr {
                        if editable {
                            td {
                                input(
                                    .type("date"), .name("hearingDay[]"), .value(hearing.day),
                                    .attr("aria-label", "第 \(index + 1) 次开庭日期"))
                            }
                            td { yesNo("hearingAppeared[]", hearing.appeared, label: "第 \(index + 1) 次负责人出庭") }
                            td {
                                input(
                                    .type("text"), .name("hearingRank[]"), .value(hearing.rank),
                                    .attr("aria-label", "第 \(index + 1) 次出庭负责人职务"))
                            }
                            td { yesNo("hearingPrincipal[]", hearing.principal, label: "第 \(index + 1) 次是否正职") }
                            td { yesNo("hearingSpoke[]", hearing.spoke, label: "第 \(index + 1) 次是否出声") }
                        } else {
                            td { hearing.day }; td { hearing.appeared }; td { hearing.rank }; td { hearing.principal }
                            td { hearing.spoke }
                        }
                    }
                }
            }
        }
    }

    private static func yesNo(_ name: String, _ value: String, label: String) -> Node {
        select(.name(name), .attr("aria-label", label)) {
            choice("否", "否", selected: value != "是")
            choice("是", "是", selected: value == "是")
        }
    }
}
