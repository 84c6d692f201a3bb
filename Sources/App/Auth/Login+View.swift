import Vapor

enum LoginView {
    struct Model {
        var username: String
        var next: String
        var error: String?
        var notice: String?
    }

    static func render(_ model: Model, csrfToken: String) -> HTMLPage {
        Layout.bare(title: "登录") {
            div(.class("card")) {
                h1 { "登录" }
                Form.notice(model.notice)
                Form.problems(model.error.map { [$0] } ?? [])
                form(.post, .action(.login), .id("login-form")) {
                    Layout.csrfField(csrfToken)
                    input(.type("hidden"), .name("next"), .value(model.next))
                    Form.field("用户名", name: "username", value: model.username)
                    Form.field("密码", name: "password", type: "password")
                    button(.type("submit")) { "登录" }
                }
            }
            p(.class("muted")) { "连续 5 次密码错误将锁定账户 15 分钟；30 分钟无操作自动退出。" }
        }
    }
}

enum PasswordView {
    struct Model {
        /// Why the password must be changed now, if it must.
        var notice: String?
        var problems: [String]
        var done: Bool
        var hint: String
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "修改密码", shell: shell, breadcrumbs: [("首页", .home), ("修改密码", nil)]) {
            div(.class("card")) {
                h1 { "修改密码" }
                if model.done {
                    Form.notice("密码已修改，其他设备上的登录已全部退出。")
                    p { a(.href(.home)) { "返回首页" } }
                } else {
                    Form.notice(model.notice)
                    Form.problems(model.problems)
                    form(.post, .action(.password), .id("password-form")) {
                        Layout.csrfField(shell.csrfToken)
                        Form.field("当前密码", name: "current", type: "password")
                        Form.field("新密码", name: "new", type: "password", hint: model.hint)
                        Form.field("确认新密码", name: "confirm", type: "password")
                        button(.type("submit")) { "保存新密码" }
                    }
                }
            }
        }
    }
}
