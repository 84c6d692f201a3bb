import Fluent
import FuyuanCore
import Vapor

/// 群机器人 (an office, or a unit's people): the work-messenger group robots that get the notices of the office or of a
/// unit in the group.
struct RobotPages {
    struct AddForm: Content {
        var name: String
        var recipient: String
        var preset: Robot.Preset
        var url: String
        var secret: String?
        var template: String?
    }

    func list(_ request: Request) async throws -> HTMLPage {
        try await page(request, outcome: nil)
    }

    func add(_ request: Request) async throws -> Response {
        _ = try RobotStore.keepsOffice(try request.requireCaller())
        let form = try request.content.decode(AddForm.self)
        let draft = RobotStore.Draft(
            name: form.name, recipient: form.recipient, preset: form.preset, url: form.url, secret: form.secret ?? "",
            template: form.template ?? "")
        do {
            try await RobotStore.add(draft, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            let problems = error.reason.components(separatedBy: "\n")
            return try await page(request, outcome: .init(notice: nil, problems: problems)).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        return request.redirect(to: SitePath.robots.url)
    }

    func remove(_ request: Request) async throws -> Response {
        try await RobotStore.remove(try request.idParameter(), as: try request.acting())
        return request.redirect(to: SitePath.robots.url)
    }

    func test(_ request: Request) async throws -> HTMLPage {
        let outcome = try await RobotStore.test(
            try request.idParameter(), as: try request.acting(), app: request.application)
        return try await page(request, outcome: outcome)
    }

    private func page(_ request: Request, outcome: NoticeTest.Outcome?) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let recipients = try await RobotStore.recipients(caller, on: request.db)
        let model = RobotsView.Model(
            robots: try await RobotStore.list(caller, on: request.db),
            recipients: recipients.sorted {
                ($0.key == Notice.office ? "" : $0.value) < ($1.key == Notice.office ? "" : $1.value)
            }
            .map { ($0.key, $0.value) },
            outcome: outcome)
        return RobotsView.render(model, shell: try await request.shell())
    }
}

enum RobotsView {
    struct Model {
        let robots: [RobotStore.Row]
        let recipients: [(key: String, name: String)]
        let outcome: NoticeTest.Outcome?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "群机器人", shell: shell, breadcrumbs: [("通知", .notices), ("群机器人", nil)]) {
            h1 { "群机器人" }
            p(.class("muted")) {
                "把每日提醒、督办和交办通知发到工作群：在政务钉钉、企业微信或蓝信的群里添加自定义机器人，把它的 Webhook 地址（和加签密钥）填在这里。地址和密钥加密保存。"
            }
            Form.notice(model.outcome?.notice)
            Form.problems(model.outcome?.problems ?? [])
            table(.id("robots")) {
                thead {
                    tr {
                        th { "名称" }; th { "发给" }; th { "类型" }; th { "加签" }; th { "" }
                    }
                }
                tbody {
                    for robot in model.robots {
                        tr {
                            td { robot.name }
                            td { robot.recipient }
                            td { robot.preset.label }
                            td { robot.signed ? "是" : "否" }
                            td(.class("actions")) {
                                form(.post, .action(.robotTest(robot.id))) {
                                    Layout.csrfField(shell.csrfToken)
                                    button(.type("submit"), .class("small secondary")) { "发送测试消息" }
                                }
                                form(
                                    .post, .action(.robotRemove(robot.id)),
                                    .attr("data-confirm", "确定删除群机器人“\(robot.name)”？")
                                ) {
                                    Layout.csrfField(shell.csrfToken)
                                    button(.type("submit"), .class("small secondary")) { "删除" }
                                }
                            }
                        }
                    }
                }
            }
            if model.robots.isEmpty { p(.class("muted")) { "还没有群机器人。" } }
            form(.post, .action(.robots), .id("robot-form"), .class("card")) {
                h2 { "添加群机器人" }
                Layout.csrfField(shell.csrfToken)
                Form.field("名称", name: "name", hint: "如“司法局工作群”")
                div(.class("field")) {
                    label(.for("f-recipient")) { "发给" }
                    select(.id("f-recipient"), .name("recipient")) {
                        for recipient in model.recipients { choice(recipient.key, recipient.name, selected: false) }
                    }
                }
                div(.class("field")) {
                    label(.for("f-preset")) { "类型" }
                    select(.id("f-preset"), .name("preset")) {
                        for preset in Robot.Preset.allCases { choice(preset.rawValue, preset.label, selected: false) }
                    }
                }
                Form.field("地址", name: "url", type: "url", hint: "机器人的 Webhook 地址")
                Form.field(
                    "加签密钥", name: "secret", type: "password", required: false,
                    hint: "钉钉“加签”的 SEC 开头的密钥；其他类型则用 HMAC-SHA256 签名")
                div(.class("field")) {
                    label(.for("f-template")) { "消息模板（仅“其他”类型）" }
                    textarea(.id("f-template"), .name("template"), .attr("rows", "3")) { "" }
                    small(.class("hint")) { "JSON，可用 {{title}}、{{text}}、{{link}}；留空则为 " + Robot.defaultTemplate }
                }
                div(.class("actions")) { button(.type("submit")) { "添加" } }
            }
        }
    }
}
