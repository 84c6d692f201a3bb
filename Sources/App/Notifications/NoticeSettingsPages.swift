import Fluent
import FuyuanCore
import Vapor

/// 通知设置: the caller's own mail address and which notices mail brings them.
struct NoticeSettingsPages {
    struct SettingsForm: Content {
        var email: String
        var phone: String?
        var choices: [String]?
    }

    func show(_ request: Request) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        let settings = try await NoticeSettingsStore.read(
            caller, features: request.application.features, seal: request.fieldSeal, on: request.db)
        return try await page(request, settings, saved: request.query[String.self, at: "saved"] != nil, problems: [])
    }

    func save(_ request: Request) async throws -> Response {
        let form = try request.content.decode(SettingsForm.self)
        let settings = NoticeSettingsStore.Settings(
            email: form.email, phone: form.phone ?? "", choices: Set(form.choices ?? []))
        do {
            try await NoticeSettingsStore.save(settings, features: request.application.features, as: request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            let problems = error.reason.components(separatedBy: "\n")
            return try await page(request, settings, saved: false, problems: problems).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        return request.redirect(to: SitePath.noticeSettings.url + "?saved=1")
    }

    private func page(_ request: Request, _ settings: NoticeSettingsStore.Settings, saved: Bool, problems: [String])
        async throws -> HTMLPage
    {
        let caller = try request.requireCaller()
        let app = request.application
        let model = NoticeSettingsView.Model(
            settings: settings, kinds: NoticeSettingsStore.kinds(for: caller.role, of: app.features),
            mailReady: try await NoticeChannels.mailServer(app, on: request.db) != nil,
            smsReady: try await NoticeChannels.smsGateway(app, on: request.db) != nil, saved: saved,
            problems: problems)
        return NoticeSettingsView.render(model, shell: try await request.shell())
    }
}

enum NoticeSettingsView {
    struct Model {
        let settings: NoticeSettingsStore.Settings
        let kinds: [NoticeKind]
        let mailReady: Bool
        let smsReady: Bool
        let saved: Bool
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "通知设置", shell: shell, breadcrumbs: [("通知设置", nil)]) {
            h1 { "通知设置" }
            p(.class("muted")) { "邮箱和手机号只有您本人和系统管理员看得到。每日提醒每天最多一条，汇总您（和您所在联席办）当天要处理的事项。" }
            Form.notice(model.saved ? "通知设置已保存" : nil)
            if !model.mailReady { Form.notice("系统管理员尚未设置邮件服务器，设置后才会发出邮件。") }
            if !model.smsReady { Form.notice("系统管理员尚未设置短信平台，设置后才会发出短信。") }
            Form.problems(model.problems)
            form(.post, .action(.noticeSettings), .id("notice-settings"), .class("card")) {
                Layout.csrfField(shell.csrfToken)
                let marks = Form.FieldMarks(model.problems)
                Form.field(
                    "邮箱", name: "email", value: model.settings.email, type: "email", required: false,
                    hint: "政务邮箱地址；留空则不发邮件", marks: marks)
                Form.field(
                    "手机号", name: "phone", value: model.settings.phone, type: "tel", required: false,
                    hint: "11 位手机号；留空则不发短信", marks: marks)
                table(.id("notice-choices")) {
                    thead {
                        tr {
                            th { "通知" }; for channel in Delivery.Channel.personal { th { channel.label } }
                        }
                    }
                    tbody {
                        for kind in model.kinds {
                            tr {
                                td { kind.label }
                                for channel in Delivery.Channel.personal {
                                    td {
                                        input(
                                            .type("checkbox"), .name("choices[]"), .value(kind.choice(channel)),
                                            .attr("aria-label", kind.label + " · " + channel.label),
                                            .when(model.settings.choices.contains(kind.choice(channel)), .checked))
                                    }
                                }
                            }
                        }
                    }
                }
                if model.kinds.isEmpty { p(.class("muted")) { "您的角色没有可接收的通知。" } }
                div(.class("actions")) { button(.type("submit")) { "保存" } }
            }
        }
    }
}
