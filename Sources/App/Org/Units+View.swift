import Foundation
import FuyuanCore

enum UnitsView {
    struct Row {
        let id: UUID
        let name: String
        let kind: String
    }

    struct Lower {
        let code: String
        let name: String
        let level: String
        let units: Int
        /// nil when the region has no joint meeting yet.
        let memberUnits: Int?
    }

    struct Model {
        let regionCode: String
        let regionName: String
        let memberUnits: Int
        let users: Int
        let lowerRegions: [Lower]
        let units: [Row]
        let canEdit: Bool
        let problems: [String]
        let notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(
            title: "\(model.regionName)单位", shell: shell,
            breadcrumbs: [(model.regionName, .region(model.regionCode)), ("单位", nil)]
        ) {
            h1 { "\(model.regionName) · 单位（\(model.units.count)）" }
            Form.notice(model.notice)
            Form.problems(model.problems)
            div(.class("stats")) {
                stat("单位", model.units.count, id: "stat-units")
                stat("联席会议成员单位", model.memberUnits, id: "stat-members")
                stat("平台用户", model.users, id: "stat-users")
                stat("下级区划", model.lowerRegions.count, id: "stat-lower")
            }
            if model.canEdit {
                div(.class("card")) {
                    h2 { "添加单位" }
                    form(.post, .action(.units(model.regionCode)), .id("unit-form"), .class("actions")) {
                        Layout.csrfField(shell.csrfToken)
                        input(
                            .type("text"), .name("name"), .attr("placeholder", "单位全称"), .attr("aria-label", "单位名称"),
                            .required)
                        kindSelect(selected: nil)
                        button(.type("submit")) { "添加" }
                    }
                }
            }
            div(.class("table-wrap")) {
                table(.id("units")) {
                    thead {
                        tr {
                            th { "单位名称" }; th { "类别" }; if model.canEdit { th { "" } }
                        }
                    }
                    tbody {
                        for unit in model.units {
                            tr {
                                td { unit.name }
                                td { unit.kind }
                                if model.canEdit { td { a(.href(.unitEdit(unit.id))) { "修改" } } }
                            }
                        }
                    }
                }
            }
            if !model.lowerRegions.isEmpty {
                h2 { "下级区划" }
                div(.class("table-wrap")) {
                    table(.id("lower-regions")) {
                        thead {
                            tr {
                                th { "区划" }; th { "代码" }; th { "层级" }; th { "单位数" }; th { "联席会议成员单位" }
                            }
                        }
                        tbody {
                            for lower in model.lowerRegions {
                                tr {
                                    td(.class("nowrap")) { a(.href(.units(lower.code))) { lower.name } }
                                    td { lower.code }
                                    td { lower.level }
                                    td { "\(lower.units)" }
                                    td { lower.memberUnits.map { "\($0)" } ?? "未建立" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func kindSelect(selected: UnitKind?) -> Node {
        select(.name("kind"), .attr("aria-label", "单位类别")) {
            for kind in UnitKind.allCases {
                choice(kind.rawValue, kind.label, selected: kind == selected)
            }
        }
    }
    private static func stat(_ caption: String, _ value: Int, id: String) -> Node {
        div(.class("stat"), .id(id)) {
            div(.class("num")) { "\(value)" }
            div(.class("cap")) { caption }
        }
    }
}

enum UnitEditView {
    struct Model {
        let id: UUID
        let name: String
        let kind: UnitKind
        let version: Int
        let regionCode: String
        let regionName: String
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(
            title: "修改单位", shell: shell,
            breadcrumbs: [(model.regionName, .region(model.regionCode)), ("单位", .units(model.regionCode)), ("修改", nil)]
        ) {
            div(.class("card")) {
                h1 { "修改单位" }
                Form.problems(model.problems)
                form(.post, .action(.unit(model.id)), .id("unit-edit-form")) {
                    Layout.csrfField(shell.csrfToken)
                    input(.type("hidden"), .name("version"), .value(String(model.version)))
                    Form.field("单位名称", name: "name", value: model.name)
                    div(.class("field")) {
                        label { "类别" }
                        UnitsView.kindSelect(selected: model.kind)
                    }
                    button(.type("submit")) { "保存" }
                }
            }
        }
    }
}
