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
        var mustChange: Bool
        var problems: [String]
        var done: Bool
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "修改密码", shell: shell, breadcrumbs: [("首页", .home), ("修改密码", nil)]) {
            div(.class("card")) {
                h1 { "修改密码" }
                if model.done {
                    Form.notice("密码已修改，其他设备上的登录已全部退出。")
                    p { a(.href(.home)) { "返回首页" } }
                } else {
                    if model.mustChange { Form.notice("首次登录或密码已被重置，请先设置新密码。") }
                    Form.problems(model.problems)
                    form(.post, .action(.password), .id("password-form")) {
                        Layout.csrfField(shell.csrfToken)
                        Form.field("当前密码", name: "current", type: "password")
                        Form.field("新密码", name: "new", type: "password", hint: "至少 8 位，须同时包含字母、数字和符号；可粘贴长口令")
                        Form.field("确认新密码", name: "confirm", type: "password")
                        button(.type("submit")) { "保存新密码" }
                    }
                }
            }
        }
    }
}
