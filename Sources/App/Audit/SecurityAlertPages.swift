import Fluent
import FuyuanCore
import Vapor

/// The security administrator's alerts: suspected intrusions, grants or attachments changed behind the product, a
/// broken audit chain, locked accounts and throttled addresses of their scope, newest first. The rest of the audit log stays the audit administrator's.
struct SecurityAlertPages {
    static let pageSize = 50

    func list(_ request: Request) async throws -> HTMLPage {
        try await page(request, problems: [])
    }

    func acknowledge(_ request: Request) async throws -> Response {
        struct Form: Content { var note: String? }
        let note = try request.content.decode(Form.self).note ?? ""
        do {
            try await SecurityAlerts.acknowledge(try request.idParameter(), note: note, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await page(request, problems: [error.reason]).encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.securityAlerts.url)
    }

    private func page(_ request: Request, problems: [String]) async throws -> HTMLPage {
        let caller = try request.caller(for: .readSecurityAlerts)
        let page = Paging.page(try? request.query.get(Int.self, at: "page"), size: Self.pageSize)
        let found = try await AuditQueries.alerts(page: page, size: Self.pageSize, caller: caller, on: request.db)
        let model = SecurityAlertsView.Model(
            entries: found.rows,
            acknowledgements: try await AuditQueries.acknowledgements(
                of: found.rows.compactMap(\.id), on: request.db),
            lastDay: try await Self.lastDay(caller, now: request.now, on: request.db), page: page,
            hasNext: found.hasNext, problems: problems)
        return SecurityAlertsView.render(model, shell: try await request.shell())
    }

    /// How many alerts of the caller's scope the last 24 hours brought.
    static func lastDay(_ caller: Caller, now: Date, on db: any Database) async throws -> Int {
        try await AuditQueries.alertCount(since: now.addingTimeInterval(-86_400), caller: caller, on: db)
    }
}

enum SecurityAlertsView {
    struct Model {
        let entries: [AuditRow]
        /// The acknowledgement of each alert handled, by the alert's id.
        let acknowledgements: [UUID: AuditRow]
        let lastDay: Int
        let page: Int
        let hasNext: Bool
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "安全告警", shell: shell, breadcrumbs: [("安全告警", nil)]) {
            h1 { "安全告警" }
            Form.problems(model.problems)
            p(.class(model.lastDay > 0 ? "problems" : "notice"), .attr("role", "status"), .id("alerts-summary")) {
                model.lastDay > 0 ? "近 24 小时安全告警 \(model.lastDay) 条，请逐条核实并处置。" : "近 24 小时没有安全告警。"
            }
            p(.class("muted small")) {
                "一个账户 1 分钟内多次被拒绝访问或请求不存在的记录、账户的授权数据或附件文件在系统之外被改动、审计日志完整性校验未通过、账户因连续登录失败被锁定、地址被暂停登录，都会在此列出。"
                "疑似入侵的账户可在“用户与角色”中停用；完整的审计日志由审计管理员查阅。"
            }
            div(.class("table-wrap")) {
                table(.id("alerts")) {
                    thead {
                        tr {
                            th { "时间" }; th { "级别" }; th { "告警" }; th { "账户" }; th { "地址" }; th { "内容" }
                            th { "处置" }
                        }
                    }
                    tbody {
                        for entry in model.entries {
                            tr {
                                td(.class("nowrap")) { ChineseTime.minute(entry.at) }
                                td(.class("nowrap")) {
                                    if entry.auditAction?.severity == .alert { strong { "紧急" } } else { "警告" }
                                }
                                td(.class("nowrap")) { entry.actionLabel }
                                td { entry.actorName }
                                td { entry.ipAddress }
                                td { entry.summary }
                                td { acknowledgement(entry, model, csrf: shell.csrfToken) }
                            }
                        }
                    }
                }
            }
            div(.class("pager")) {
                let path = SitePath.securityAlerts.url
                if model.page > 1 { a(.attr("href", "\(path)?page=\(model.page - 1)")) { "‹ 上一页" } }
                span { "第 \(model.page) 页" }
                if model.hasNext { a(.attr("href", "\(path)?page=\(model.page + 1)")) { "下一页 ›" } }
            }
        }
    }

    /// Who handled the alert, when and how; or, not yet handled, the form to say so.
    private static func acknowledgement(_ entry: AuditRow, _ model: Model, csrf: String) -> Node {
        guard let id = entry.id else { return .text("") }
        if let done = model.acknowledgements[id] {
            return span(.class("small")) {
                "已处置：\(done.summary)"
                span(.class("muted")) { "（\(done.actorName)，\(ChineseTime.minute(done.at))）" }
            }
        }
        return form(.post, .action(.acknowledgeAlert(id)), .class("actions acknowledge-form")) {
            Layout.csrfField(csrf)
            input(
                .type("text"), .name("note"), .attr("placeholder", "核实与处置情况"), .attr("aria-label", "处置情况"),
                .attr("maxlength", "\(SecurityAlerts.noteLimit)"), .required)
            button(.type("submit"), .class("small")) { "处置" }
        }
    }
}
