import Foundation
import FuyuanCore
import Vapor

enum ItemNewView {
    struct Posted: Content {
        var listID: String?
        var title: String?
        var content: String?
        var area: String?
        var deadline: String?
        var lead: [String]?
        var responsible: [String]?
        var cooperating: [String]?
        var issueNow: String?

        func chosen(_ role: PartRole) -> [String] {
            switch role {
            case .lead: lead ?? []
            case .responsible: responsible ?? []
            case .cooperating: cooperating ?? []
            }
        }

        var input: LedgerStore.ItemInput {
            LedgerStore.ItemInput(
                listID: listID.flatMap(UUID.init(uuidString:)) ?? UUID(), title: title ?? "", content: content ?? "",
                area: area.flatMap(TaskArea.init(rawValue:)) ?? .other, deadline: deadline ?? "",
                leadUnitIDs: (lead ?? []).compactMap(UUID.init(uuidString:)),
                responsibleUnitIDs: (responsible ?? []).compactMap(UUID.init(uuidString:)),
                cooperatingUnitIDs: (cooperating ?? []).compactMap(UUID.init(uuidString:)), issueNow: issueNow == "1")
        }
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let lists: [(id: UUID, title: String)]
        let units: [(id: UUID, name: String)]
        let values: Posted?
        let problems: [String]
    }

    /// The table in which each unit is ticked as 牵头, 责任 or 配合.
    static func unitRoles(_ units: [(id: UUID, name: String)], values: Posted?, marks: Form.FieldMarks = .none) -> Node
    {
        fieldset {
            legend { "办理单位" }
            marks.message("责任单位", name: "roles")
            marks.message("单位", name: "units")
            table(.id("unit-roles")) {
                thead {
                    tr {
                        th { "单位" }; th { "牵头" }; th { "责任" }; th { "配合" }
                    }
                }
                tbody {
                    for unit in units {
                        tr {
                            td { unit.name }
                            for role in PartRole.allCases {
                                td {
                                    input(
                                        .type("checkbox"), .name(role.rawValue + "[]"), .value(unit.id.uuidString),
                                        .attr("aria-label", "\(unit.name)\(role.label)"),
                                        .when(values?.chosen(role).contains(unit.id.uuidString) == true, .checked))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        let values = model.values
        let marks = Form.FieldMarks(model.problems)
        return Layout.page(
            title: "新建事项", shell: shell,
            breadcrumbs: [
                (model.regionName, .region(model.regionCode)), ("工作台账", .ledger(model.regionCode)), ("新建事项", nil),
            ]
        ) {
            h1 { "新建事项" }
            Form.problems(model.problems)
            if model.lists.isEmpty {
                Form.notice("本区划还没有本级清单（上级下达的清单序号随上级，不加入本级事项），请先新建一个问题清单或责任清单。")
            }
            div(.class("card")) {
                h2 { "新建清单" }
                form(.post, .action(.lists(model.regionCode)), .class("actions"), .id("list-form")) {
                    Layout.csrfField(shell.csrfToken)
                    select(.name("kind"), .attr("aria-label", "清单类别")) {
                        for kind in ListKind.own {
                            choice(kind.rawValue, kind.label, selected: kind == .responsibility)
                        }
                    }
                    input(
                        .type("text"), .name("title"), .attr("placeholder", "如 第一批十项重点工作"), .attr("aria-label", "清单名称"),
                        .required)
                    input(.type("text"), .name("source"), .attr("placeholder", "来源：会议或文号"), .attr("aria-label", "来源"))
                    button(.type("submit"), .class("secondary")) { "新建清单" }
                }
            }
            form(.post, .action(.ledger(model.regionCode)), .id("item-form"), .class("card")) {
                Layout.csrfField(shell.csrfToken)
                div(.class("field")) {
                    label(.for("f-list")) { "所属清单" }
                    element("select", [.id("f-list"), .name("listID")] + marks.attributes("清单", name: "list")) {
                        for list in model.lists {
                            choice(list.id.uuidString, list.title, selected: list.id.uuidString == values?.listID)
                        }
                    }
                    marks.message("清单", name: "list")
                }
                Form.field("事项", name: "title", value: values?.title ?? "", marks: marks)
                div(.class("field")) {
                    label(.for("f-content")) { "具体内容" }
                    textarea(.id("f-content"), .name("content"), .attr("rows", "4")) { values?.content ?? "" }
                }
                div(.class("field")) {
                    label(.for("f-area")) { "任务领域" }
                    select(.id("f-area"), .name("area")) {
                        for area in TaskArea.allCases {
                            choice(area.rawValue, area.label, selected: area.rawValue == values?.area)
                        }
                    }
                }
                Form.field(
                    "完成时限", name: "deadline", value: values?.deadline ?? "",
                    hint: "如 2021年10月31日、2023年12月、长期坚持、持续推进、每季度、适时", marks: marks)
                unitRoles(model.units, values: values, marks: marks)
                div(.class("actions")) {
                    label {
                        input(
                            .type("checkbox"), .name("issueNow"), .value("1"), .id("f-issueNow"),
                            .when(values?.issueNow == "1", .checked))
                        " 保存后立即交办"
                    }
                    button(.type("submit")) { "保存" }
                }
            }
        }
    }
}
