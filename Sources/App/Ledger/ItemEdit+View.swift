import Foundation
import FuyuanCore

/// The office's form for correcting an item; after a refused stale save it also shows, field by field, what the
/// other person saved next to what this editor typed.
enum ItemEditView {
    struct Model {
        let id: UUID
        let number: Int
        let regionCode: String
        let regionName: String
        let values: LedgerStore.ItemEdit
        let version: Int
        /// Only a draft's deadline is edited here; an issued item's moves by extension.
        let deadlineEditable: Bool
        let problems: [String]
        /// After a stale save: (field, saved by the other person, typed here) for each field that differs.
        let differences: [(field: String, saved: String, typed: String)]
    }

    /// The fields in which `typed` differs from `saved`, with both values as people read them.
    static func differences(saved: LedgerStore.ItemEdit, typed: LedgerStore.ItemEdit)
        -> [(field: String, saved: String, typed: String)]
    {
        // The same words are the same deadline, even a kind the parser reads differently (a grace label).
        let sameDeadline =
            saved.deadline == typed.deadline
            || Deadline(parsing: typed.deadline).map { $0 == Deadline(parsing: saved.deadline) } ?? false
        return [
            ("事项", saved.title, typed.title, saved.title == typed.title),
            ("具体内容", saved.content, typed.content, saved.content == typed.content),
            ("任务领域", saved.area.label, typed.area.label, saved.area == typed.area),
            ("完成时限", saved.deadline, typed.deadline, sameDeadline),
        ].filter { !$0.3 }.map { ($0.0, $0.1, $0.2) }
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        return Layout.page(
            title: "修改事项", shell: shell,
            breadcrumbs: [
                (model.regionName, .region(model.regionCode)), ("工作台账", .ledger(model.regionCode)),
                ("第 \(model.number) 项", .item(model.id)), ("修改", nil),
            ]
        ) {
            h1 { "修改事项" }
            Form.problems(model.problems)
            if !model.differences.isEmpty {
                div(.class("card"), .id("item-conflict")) {
                    h2 { "他人保存的内容与您填写的不同" }
                    table {
                        thead {
                            tr {
                                th { "字段" }; th { "现在保存的" }; th { "您填写的" }
                            }
                        }
                        tbody {
                            for difference in model.differences {
                                tr {
                                    td { difference.field }
                                    td(.class("prewrap")) { difference.saved }
                                    td(.class("prewrap")) { difference.typed }
                                }
                            }
                        }
                    }
                    p(.class("muted small")) { "下面的表单保留了您填写的内容；核对后再次保存即以您的内容为准。" }
                }
            }
            form(.post, .action(.item(model.id)), .id("item-edit-form"), .class("card")) {
                Layout.csrfField(shell.csrfToken)
                input(.type("hidden"), .name("version"), .value(String(model.version)))
                Form.field("事项", name: "title", value: values.title, marks: marks)
                div(.class("field")) {
                    label(.for("f-content")) { "具体内容" }
                    textarea(.id("f-content"), .name("content"), .attr("rows", "6")) { values.content }
                }
                div(.class("field")) {
                    label(.for("f-area")) { "任务领域" }
                    select(.id("f-area"), .name("area")) {
                        for area in TaskArea.allCases {
                            choice(area.rawValue, area.label, selected: area == values.area)
                        }
                    }
                }
                div(.class("field")) {
                    label(.for("f-deadline")) { "完成时限" }
                    voidElement(
                        "input",
                        [
                            .type("text"), .id("f-deadline"), .name("deadline"), .value(values.deadline), .required,
                            .when(!model.deadlineEditable, .attr("readonly", "readonly")),
                        ] + marks.attributes("完成时限", name: "deadline"))
                    marks.message("完成时限", name: "deadline")
                    small(.class("hint")) {
                        model.deadlineEditable
                            ? "如 2021年10月31日、2023年12月、长期坚持、持续推进、每季度、适时"
                            : "事项已交办，时限由责任单位申请延期、联席办审批后调整"
                    }
                }
                div(.class("actions")) {
                    button(.type("submit")) { "保存" }
                    a(.class("button secondary"), .href(.item(model.id))) { "取消" }
                }
            }
        }
    }
}
