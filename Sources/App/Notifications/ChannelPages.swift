import Fluent
import FuyuanCore
import Vapor

/// 通知渠道 (system administrator): the mail server, a test mail, and the delivery log with its resends.
struct ChannelPages {
    struct MailForm: Content {
        var host: String
        var port: Int
        var security: MailServer.Security
        var user: String
        var password: String
        var sender: String
    }

    struct TestForm: Content {
        var address: String
    }

    struct SMSForm: Content {
        var url: String
        var template: String?
        var maxLength: Int
    }

    func show(_ request: Request) async throws -> HTMLPage {
        try await page(request, notice: nil, problems: [])
    }

    func save(_ request: Request) async throws -> Response {
        _ = try request.caller(for: .manageAccounts)
        let form = try request.content.decode(MailForm.self)
        let server = MailServer(
            host: form.host, port: form.port, security: form.security, user: form.user, password: form.password,
            sender: form.sender)
        do {
            try await NoticeChannels.save(server, as: try request.acting(), app: request.application)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await page(request, notice: nil, problems: [error.reason]).encodeResponse(
                status: error.status, for: request)
        }
        return try await page(request, notice: "邮件服务器已保存", problems: []).encodeResponse(for: request)
    }

    /// Sends a test mail at once and shows the server's answer (or why it failed); recorded in the audit log.
    func test(_ request: Request) async throws -> Response {
        let acting = try request.acting()
        _ = try acting.caller(for: .manageAccounts)
        let address = try request.content.decode(TestForm.self).address.trimmingCharacters(in: .whitespaces)
        guard MailAddress.isValid(address) else {
            return try await page(request, notice: nil, problems: ["收件邮箱：“\(address)”不是有效的邮箱地址"])
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
        let outcome = try await NoticeTest.mail(to: address, as: acting, app: request.application)
        return try await page(request, notice: outcome.notice, problems: outcome.problems).encodeResponse(for: request)
    }

    func saveSMS(_ request: Request) async throws -> Response {
        _ = try request.caller(for: .manageAccounts)
        let form = try request.content.decode(SMSForm.self)
        do {
            try await NoticeChannels.save(
                SMSGateway(url: form.url, template: form.template ?? "", maxLength: form.maxLength),
                as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(request, notice: nil, problems: error.reason.components(separatedBy: "\n"))
                .encodeResponse(status: error.status, for: request)
        }
        return try await page(request, notice: "短信平台已保存", problems: []).encodeResponse(for: request)
    }

    func testSMS(_ request: Request) async throws -> Response {
        let acting = try request.acting()
        _ = try acting.caller(for: .manageAccounts)
        let phone = try request.content.decode(TestForm.self).address.trimmingCharacters(in: .whitespaces)
        guard MobileNumber.isValid(phone) else {
            return try await page(request, notice: nil, problems: ["手机号：“\(phone)”不是有效的手机号"])
                .encodeResponse(status: .unprocessableEntity, for: request)
        }
        let outcome = try await NoticeTest.sms(to: phone, as: acting, app: request.application)
        return try await page(request, notice: outcome.notice, problems: outcome.problems).encodeResponse(for: request)
    }

    func deliveries(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .manageAccounts)
        let state = try? request.query.get(String.self, at: "state")
        let filter = state.flatMap(Delivery.State.init(rawValue:))
        let page = Paging.page(try? request.query.get(Int.self, at: "page"), size: DeliveryLog.pageSize)
        let found = try await DeliveryLog.page(
            caller, state: filter, page: page, kinds: request.application.features.flatMap(\.noticeKinds),
            on: request.db)
        return DeliveriesView.render(
            .init(rows: found.rows, state: filter, page: page, hasNext: found.hasNext), shell: try await request.shell()
        )
    }

    func resend(_ request: Request) async throws -> Response {
        try await DeliveryLog.resend(try request.idParameter(), as: try request.acting())
        return request.redirect(to: SitePath.deliveries.url + "?state=pending")
    }

    private func page(_ request: Request, notice: String?, problems: [String]) async throws -> HTMLPage {
        let caller = try request.caller(for: .manageAccounts)
        let app = request.application
        let model = ChannelsView.Model(
            server: try await NoticeChannels.mailServer(app, on: request.db),
            setByConfiguration: app.config.mailServer != nil, mayConfigure: NoticeChannels.mayConfigure(caller),
            sms: try await NoticeChannels.smsGateway(app, on: request.db), notice: notice, problems: problems)
        return ChannelsView.render(model, shell: try await request.shell())
    }
}

/// The test messages of the channels page and of a robot: sent at once, their answer shown and audited.
enum NoticeTest {
    struct Outcome {
        let notice: String?
        let problems: [String]
    }

    static let lines = ["这是一条测试消息：收到即说明通知渠道可用。"]

    static func mail(to address: String, as acting: Acting, app: Application) async throws -> Outcome {
        guard let server = try await NoticeChannels.mailServer(app, on: acting.db) else {
            return Outcome(notice: nil, problems: ["邮件服务器：请先设置邮件服务器"])
        }
        let delivery = Delivery(
            key: "test", kind: .digest, channel: .mail, regionID: acting.caller.regionID, userID: nil, robotID: nil,
            recipient: address, message: .init(title: "府院通测试邮件", lines: lines, link: .home), at: acting.now)
        delivery.id = UUID()
        let message = NoticeMail.compose(
            delivery, to: address, name: acting.caller.displayName, from: server.sender,
            publicURL: app.config.publicURL, at: acting.now)
        return try await attempt(
            "向 \(MailAddress.masked(address)) 发送测试邮件", by: "邮件服务器", object: ("notice_channel", NoticeChannels.mailKind),
            as: acting
        ) { try await SMTPClient.send(message, via: server, on: app.eventLoopGroup) }
    }

    static func sms(to phone: String, as acting: Acting, app: Application) async throws -> Outcome {
        guard let gateway = try await NoticeChannels.smsGateway(app, on: acting.db) else {
            return Outcome(notice: nil, problems: ["短信平台：请先设置短信平台"])
        }
        return try await attempt(
            "向 \(FieldSeal.masked(phone)) 发送测试短信", by: "短信平台", object: ("notice_channel", NoticeChannels.smsKind),
            as: acting
        ) { try await gateway.send(gateway.text("测试短信", lines: lines), to: phone, app: app) }
    }

    /// Runs `send` at once, records it (`what`, with the answer) in the audit log, and says how it went: accepted
    /// `by` the server with its answer, or why not.
    static func attempt(
        _ what: String, by receiver: String, object: (type: String, id: String), as acting: Acting,
        _ send: () async throws -> String
    ) async throws -> Outcome {
        let outcome: Outcome
        do {
            outcome = Outcome(notice: receiver + "已接收：" + (try await send()), problems: [])
        } catch {
            outcome = Outcome(notice: nil, problems: ["发送失败：\(error)"])
        }
        let answer = outcome.notice ?? outcome.problems.joined()
        try await acting.db.write { db in
            try await acting.audit(.testMailSent, object: object, summary: "\(what)：\(answer.prefix(200))", on: db)
        }
        return outcome
    }
}

enum ChannelsView {
    struct Model {
        let server: MailServer?
        let setByConfiguration: Bool
        /// Only the top region's system administrator sets the channels (`NoticeChannels.mayConfigure`).
        let mayConfigure: Bool
        let sms: SMSGateway?
        let notice: String?
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "通知渠道", shell: shell, breadcrumbs: [("通知渠道", nil)]) {
            h1 { "通知渠道" }
            p(.class("muted")) {
                "通知经政务邮箱或短信发给本人（各人在“通知设置”中填写邮箱、手机号并选择接收），经群机器人发到单位群（由各级联席办在“通知”页添加）。"
                a(.href(.deliveries)) { "查看投递记录" }
            }
            Form.notice(model.notice)
            Form.problems(model.problems)
            div(.class("card")) {
                h2 { "邮件服务器" }
                if model.setByConfiguration, let server = model.server {
                    p(.id("mail-server")) { "由配置 FUYUAN_SMTP_URL 设定：" + server.description }
                } else if !model.mayConfigure {
                    p(.id("mail-server")) { model.server.map { "当前：" + $0.description } ?? "尚未设置" }
                    p(.class("muted")) { "通知渠道全省共用，由省级系统管理员设置。" }
                } else {
                    if let server = model.server { p(.id("mail-server")) { "当前：" + server.description } }
                    form(.post, .action(.channels), .id("mail-form")) {
                        Layout.csrfField(shell.csrfToken)
                        Form.field("服务器", name: "host", value: model.server?.host ?? "", hint: "主机名或 IP 地址")
                        Form.field("端口", name: "port", value: String(model.server?.port ?? 25), type: "number")
                        div(.class("field")) {
                            label(.for("f-security")) { "加密" }
                            select(.id("f-security"), .name("security")) {
                                for security in MailServer.Security.allCases {
                                    choice(
                                        security.rawValue, security.label, selected: security == model.server?.security)
                                }
                            }
                        }
                        Form.field(
                            "用户名", name: "user", value: model.server?.user ?? "", required: false, hint: "不需要认证则留空")
                        Form.field(
                            "密码", name: "password", type: "password", required: false,
                            hint: model.server == nil ? nil : "留空则沿用已保存的密码")
                        Form.field("发件人", name: "sender", value: model.server?.sender ?? "", type: "email")
                        div(.class("actions")) { button(.type("submit")) { "保存" } }
                    }
                }
            }
            if model.server != nil {
                div(.class("card")) {
                    h2 { "发送测试邮件" }
                    form(.post, .action(.channelTest), .id("mail-test"), .class("actions")) {
                        Layout.csrfField(shell.csrfToken)
                        input(.type("email"), .name("address"), .attr("aria-label", "收件邮箱"), .required)
                        button(.type("submit"), .class("secondary")) { "发送测试邮件" }
                    }
                }
            }
            div(.class("card")) {
                h2 { "短信平台" }
                p(.id("sms-gateway")) { model.sms.map { "当前：\($0.shownURL)，每条 \($0.maxLength) 字" } ?? "尚未设置" }
                if model.mayConfigure {
                    form(.post, .action(.sms), .id("sms-form")) {
                        Layout.csrfField(shell.csrfToken)
                        Form.field(
                            "短信平台地址", name: "url", value: model.sms?.url ?? "", type: "url", hint: "短信平台的 HTTP 接口地址")
                        div(.class("field")) {
                            label(.for("f-template")) { "请求模板" }
                            textarea(.id("f-template"), .name("template"), .attr("rows", "2")) {
                                model.sms?.template ?? ""
                            }
                            small(.class("hint")) { "JSON，可用 {{phone}}、{{text}}；留空则为 " + SMSGateway.defaultTemplate }
                        }
                        Form.field("每条字数", name: "maxLength", value: String(model.sms?.maxLength ?? 70), type: "number")
                        div(.class("actions")) { button(.type("submit")) { "保存" } }
                    }
                }
                if model.sms != nil {
                    form(.post, .action(.smsTest), .id("sms-test"), .class("actions")) {
                        Layout.csrfField(shell.csrfToken)
                        input(.type("tel"), .name("address"), .attr("aria-label", "手机号"), .required)
                        button(.type("submit"), .class("secondary")) { "发送测试短信" }
                    }
                }
            }
        }
    }
}

enum DeliveriesView {
    struct Model {
        let rows: [DeliveryLog.Row]
        let state: Delivery.State?
        let page: Int
        let hasNext: Bool
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "投递记录", shell: shell, breadcrumbs: [("通知渠道", .channels), ("投递记录", nil)]) {
            h1 { "投递记录" }
            form(.get, .action(.deliveries), .class("filters")) {
                select(.name("state"), .attr("aria-label", "状态")) {
                    choice("", "全部状态", selected: model.state == nil)
                    for state in Delivery.State.allCases {
                        choice(state.rawValue, state.label, selected: state == model.state)
                    }
                }
                button(.type("submit"), .class("secondary")) { "筛选" }
            }
            p(.class("muted")) { "新的在前，每页 \(DeliveryLog.pageSize) 条；保留 90 日。失败的通知可以重发。" }
            if model.rows.isEmpty { p(.class("muted")) { "没有投递记录。" } }
            table(.id("deliveries")) {
                thead {
                    tr {
                        th { "生成时间" }; th { "类别" }; th { "渠道" }; th { "收件人" }; th { "标题" }; th { "状态" }
                        th { "尝试" }; th { "服务器应答" }; th { "" }
                    }
                }
                tbody {
                    for row in model.rows {
                        tr(.class("delivery-" + row.state.rawValue)) {
                            td { row.createdAt.map(ChineseTime.minute) ?? "" }
                            td { row.kind }
                            td { row.channel.label }
                            td { row.recipient }
                            td { row.title }
                            td { row.state.label + (row.sentAt.map { " " + ChineseTime.minute($0) } ?? "") }
                            td { String(row.attempts) }
                            td(.class("answer")) { row.answer }
                            td {
                                if row.state == .failed {
                                    form(.post, .action(.deliveryResend(row.id))) {
                                        Layout.csrfField(shell.csrfToken)
                                        button(.type("submit"), .class("small secondary")) { "重发" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div(.class("pager")) {
                let path = SitePath.deliveries.url + "?state=" + (model.state?.rawValue ?? "") + "&page="
                if model.page > 1 { a(.attr("href", path + String(model.page - 1))) { "‹ 上一页" } }
                span { "第 \(model.page) 页" }
                if model.hasNext { a(.attr("href", path + String(model.page + 1))) { "下一页 ›" } }
            }
        }
    }
}
