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
                    Form.field("动态口令", name: "code", required: false, hint: "已启用动态口令的账户填写验证器当前显示的 6 位数字，其他账户留空")
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

enum ConfirmView {
    struct Model {
        var next: String
        var problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "确认身份", shell: shell, breadcrumbs: [("首页", .home), ("确认身份", nil)]) {
            div(.class("card")) {
                h1 { "确认身份" }
                p { "重置密码、清除动态口令、变更角色和签发接口令牌前，须在五分钟内登录过或再次输入密码。" }
                Form.problems(model.problems)
                form(.post, .action(.confirm), .id("confirm-form")) {
                    Layout.csrfField(shell.csrfToken)
                    input(.type("hidden"), .name("next"), .value(model.next))
                    Form.field("当前密码", name: "password", type: "password")
                    button(.type("submit")) { "确认" }
                }
            }
        }
    }
}

enum SecondFactorView {
    struct Model {
        var isSetUp: Bool
        var username: String
        /// A fresh key, in base32, offered for setting up.
        var key: String
        var uri: String
        var problems: [String]
        var notice: String?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "动态口令", shell: shell, breadcrumbs: [("首页", .home), ("动态口令", nil)]) {
            div(.class("card")) {
                h1 { "动态口令（第二重身份鉴别）" }
                Form.notice(model.notice)
                Form.problems(model.problems)
                if model.isSetUp {
                    p(.id("second-factor-state")) { "已启用：登录时除密码外还需输入验证器显示的 6 位动态口令。" }
                    form(.post, .action(.secondFactorDisable), .id("second-factor-disable")) {
                        Layout.csrfField(shell.csrfToken)
                        Form.field("当前密码", name: "password", type: "password", hint: "更改身份鉴别方式前须再次确认密码")
                        Form.field("当前动态口令", name: "code", hint: "停用前须输入一次当前的动态口令")
                        button(.type("submit"), .class("button danger")) { "停用动态口令" }
                    }
                } else {
                    p(.id("second-factor-state")) { "未启用。管理员账户建议启用：手机丢失时由安全管理员清除后重新设置。" }
                    ol {
                        li { "在手机验证器 App（如 FreeOTP、Microsoft Authenticator）中选择“手动输入密钥”，类型为“基于时间”。" }
                        li {
                            "账户名填 \(model.username)，密钥填："
                            element("code", [.id("second-factor-key")]) { group(model.key) }
                        }
                        li { "输入验证器当前显示的 6 位数字，完成设置。" }
                    }
                    p(.class("muted")) { "亦可使用设置链接：" + model.uri }
                    form(.post, .action(.secondFactor), .id("second-factor-enable")) {
                        Layout.csrfField(shell.csrfToken)
                        input(.type("hidden"), .name("key"), .value(model.key))
                        Form.field("当前密码", name: "password", type: "password", hint: "更改身份鉴别方式前须再次确认密码")
                        Form.field("动态口令", name: "code")
                        button(.type("submit")) { "启用动态口令" }
                    }
                }
            }
        }
    }

    /// `ABCD EFGH …`: a key in groups of four, as people type it.
    static func group(_ key: String) -> String {
        stride(from: 0, to: key.count, by: 4).map { start in
            let from = key.index(key.startIndex, offsetBy: start)
            return String(key[from..<(key.index(from, offsetBy: 4, limitedBy: key.endIndex) ?? key.endIndex)])
        }.joined(separator: " ")
    }
}
