import Foundation
import FuyuanCore

enum UsersView {
    struct Row {
        let id: UUID
        let username: String
        let displayName: String
        let unit: String
        let region: String
        let role: Role
        let isActive: Bool
        let isLocked: Bool
        let hasSecondFactor: Bool
    }

    struct Notice {
        let text: String
        let secret: String
    }

    struct Model {
        let rows: [Row]
        let page: Int
        let hasNext: Bool
        let canManage: Bool
        let canAssign: Bool
        let problems: [String]
        let notice: Notice?
        /// For the security administrator: alerts of the last 24 hours.
        let recentAlerts: Int?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "用户", shell: shell, breadcrumbs: [("用户", nil)]) {
            h1 { "用户" }
            if let alerts = model.recentAlerts, alerts > 0 {
                div(.class("problems"), .attr("role", "alert"), .id("alerts-banner")) {
                    "近 24 小时有 \(alerts) 条安全告警。"
                    a(.href(.securityAlerts)) { "查看安全告警" }
                }
            }
            Form.problems(model.problems)
            if let notice = model.notice {
                div(.class("notice"), .attr("role", "status")) {
                    p { notice.text }
                    span(.class("secret"), .id("one-time-password")) { notice.secret }
                }
            }
            if model.canManage {
                div(.class("actions")) { a(.class("button"), .href(.userNew)) { "新建用户" } }
            }
            div(.class("table-wrap")) {
                table(.id("users")) {
                    thead {
                        tr {
                            th { "用户名" }; th { "姓名" }; th { "区划" }; th { "单位" }; th { "角色" }; th { "状态" }; th { "操作" }
                        }
                    }
                    tbody {
                        for row in model.rows {
                            tr(.attr("data-username", row.username)) {
                                td { row.username }
                                td { row.displayName }
                                td { row.region }
                                td { row.unit }
                                td { row.role.label }
                                td {
                                    span(.class(row.isActive ? "tag ok" : "tag")) { row.isActive ? "启用" : "停用" }
                                    if row.isLocked { " "; span(.class("tag bad")) { "已锁定" } }
                                    if row.hasSecondFactor { " "; span(.class("tag ok")) { "动态口令" } }
                                }
                                td { actions(row, model: model, csrf: shell.csrfToken) }
                            }
                        }
                    }
                }
            }
            div(.class("pager")) {
                if model.page > 1 { a(.attr("href", SitePath.users.url + "?page=\(model.page - 1)")) { "‹ 上一页" } }
                span { "第 \(model.page) 页" }
                if model.hasNext { a(.attr("href", SitePath.users.url + "?page=\(model.page + 1)")) { "下一页 ›" } }
            }
        }
    }

    private static func actions(_ row: Row, model: Model, csrf: String) -> Node {
        div(.class("actions")) {
            if model.canAssign && Role.business.contains(row.role) {
                form(.post, .action(.userRole(row.id)), .class("actions")) {
                    Layout.csrfField(csrf)
                    select(.name("role"), .attr("aria-label", "\(row.username) 的角色")) {
                        for role in Role.business { choice(role.rawValue, role.label, selected: role == row.role) }
                    }
                    button(.type("submit"), .class("small secondary")) { "变更角色" }
                }
            }
            if model.canAssign && row.isLocked {
                form(.post, .action(.userUnlock(row.id))) {
                    Layout.csrfField(csrf)
                    button(.type("submit"), .class("small secondary")) { "解除锁定" }
                }
            }
            if model.canAssign && row.hasSecondFactor {
                form(
                    .post, .action(.userSecondFactorReset(row.id)),
                    .attr("data-confirm", "确定清除 \(row.username) 的动态口令？其下次登录只需密码，之后应重新设置。")
                ) {
                    Layout.csrfField(csrf)
                    button(.type("submit"), .class("small secondary")) { "清除动态口令" }
                }
            }
            if model.canManage && !row.role.isAdministrator {
                form(.post, .action(.userReset(row.id)), .attr("data-confirm", "确定重置 \(row.username) 的密码？")) {
                    Layout.csrfField(csrf)
                    button(.type("submit"), .class("small secondary")) { "重置密码" }
                }
                form(.post, .action(.userActive(row.id))) {
                    Layout.csrfField(csrf)
                    input(.type("hidden"), .name("active"), .value(row.isActive ? "0" : "1"))
                    button(.type("submit"), .class("small secondary")) { row.isActive ? "停用" : "启用" }
                }
            }
        }
    }
}

enum UserNewView {
    struct Model {
        let units: [(id: UUID, name: String)]
        let values: UserInput?
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "新建用户", shell: shell, breadcrumbs: [("用户", .users), ("新建", nil)]) {
            div(.class("card")) {
                h1 { "新建用户" }
                Form.problems(model.problems)
                form(.post, .action(.users), .id("user-form")) {
                    Layout.csrfField(shell.csrfToken)
                    Form.field(
                        "用户名", name: "username", value: model.values?.username ?? "",
                        hint: "3 至 32 位字母、数字或 . _ -，不区分大小写")
                    Form.field("姓名", name: "displayName", value: model.values?.displayName ?? "")
                    div(.class("field")) {
                        label(.for("f-role")) { "角色" }
                        select(.id("f-role"), .name("role")) {
                            for role in Role.business {
                                choice(role.rawValue, role.label, selected: role == model.values?.role)
                            }
                        }
                    }
                    div(.class("field")) {
                        label(.for("f-unit")) { "所属单位" }
                        select(.id("f-unit"), .name("unitID")) {
                            for unit in model.units {
                                choice(unit.id.uuidString, unit.name, selected: unit.id == model.values?.unitID)
                            }
                        }
                    }
                    button(.type("submit")) { "创建并生成一次性密码" }
                }
            }
        }
    }
}
