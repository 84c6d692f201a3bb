import Foundation
import FuyuanCore

/// The form of the step a dispute waits for, shown to whoever takes it: the centre transfers, assigns, urges and
/// closes; the handling unit (or the centre, for an answer it received) answers.
enum DisputeStepForms {
    static func forms(_ shown: DisputeView.Shown, model: DisputeView.Model, csrf: String) -> [Node] {
        let marks = Form.FieldMarks(model.problems)
        var forms: [Node] = []
        switch shown.state {
        case .registered where model.isCentre:
            forms.append(
                form(.post, .action(.disputeStep(shown.id, .transfer)), .class("card actions"), .id("transfer-form")) {
                    Layout.csrfField(csrf)
                    label(.for("f-unitID")) { "移送至" }
                    element("select", [.id("f-unitID"), .name("unitID"), .required]) {
                        choice("", "（承办单位：行政机关或调解组织）", selected: true)
                        for unit in model.agencies { choice(unit.id.uuidString, unit.name, selected: false) }
                    }
                    button(.type("submit")) { "移送" }
                })
        case .transferred where model.isCentre:
            let standard = model.today.adding(workingDays: model.handlingDays)
            forms.append(
                form(.post, .action(.disputeStep(shown.id, .assign)), .class("card"), .id("assign-form")) {
                    Layout.csrfField(csrf)
                    h2 { "交办" }
                    Form.field("承办人", name: "handler", value: "", hint: "承办单位的具体承办人及联系方式", marks: marks)
                    Form.field(
                        "办理期限", name: "deadline", value: standard.description, type: "date",
                        hint: "默认 \(model.handlingDays) 个工作日（\(standard.chinese)）", marks: marks)
                    button(.type("submit")) { "交办" }
                })
        case .assigned:
            if model.isCentre {
                forms.append(
                    form(.post, .action(.disputeStep(shown.id, .urge)), .class("card actions"), .id("urge-form")) {
                        Layout.csrfField(csrf)
                        span { "承办人\(shown.handler ?? "")应于 \(shown.deadline ?? "") 前反馈。" }
                        button(.type("submit"), .class("secondary")) { "催办" }
                    })
            }
            if model.isCentre || model.isHandling {
                forms.append(
                    form(.post, .action(.disputeStep(shown.id, .answer)), .class("card"), .id("answer-form")) {
                        Layout.csrfField(csrf)
                        h2 { "反馈" }
                        Form.textArea("反馈情况", name: "feedback", value: "", hint: "调解经过、双方意见和化解结果", marks: marks)
                        button(.type("submit")) { "提交反馈" }
                    })
            }
        case .answered where model.isCentre:
            forms.append(
                form(.post, .action(.disputeStep(shown.id, .close)), .class("card"), .id("close-form")) {
                    Layout.csrfField(csrf)
                    h2 { "办结" }
                    Form.select("化解结果", name: "outcome", DisputeOutcome.allCases.map { ($0.rawValue, $0.label) }, "")
                    Form.textArea("化解情况", name: "result", value: "", marks: marks)
                    Form.field(
                        "案号", name: "caseNumber", value: shown.values.caseNumber, required: false,
                        hint: "调解后撤诉或进入诉讼的，填写行政诉讼案号", marks: marks)
                    button(.type("submit")) { "办结" }
                })
        default:
            break
        }
        return forms
    }
}
