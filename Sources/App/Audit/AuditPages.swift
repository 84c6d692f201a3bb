import Fluent
import FuyuanCore
import Vapor

/// The audit log, for the audit administrator only; newest first, filtered and paged.
struct AuditPages {
    static let pageSize = 50

    struct Filter: Content {
        var action: String?
        var actor: String?
        var from: String?
        var to: String?
        var page: Int?
        /// Set by the "verify" button: the whole chain is checked and the verdict shown above the list.
        var verify: String?

        /// The form's fields as a query: empty means any, a date that does not read is left out.
        var query: AuditQueries.Filter {
            func text(_ value: String?) -> String? {
                let value = value?.trimmingCharacters(in: .whitespaces)
                return value?.isEmpty == false ? value : nil
            }
            return AuditQueries.Filter(
                action: text(action), actor: text(actor), from: from.flatMap(CalendarDay.init(parsing:)),
                to: to.flatMap(CalendarDay.init(parsing:)))
        }
    }

    func list(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readAudit)
        let filter = try request.query.decode(Filter.self)
        let page = Paging.page(filter.page, size: Self.pageSize)
        let found = try await AuditQueries.page(
            filter.query, page: page, size: Self.pageSize, caller: caller, on: request.db)
        let verdict =
            filter.verify == nil
            ? nil
            : try await AuditChain.verify(
                on: request.db, alerting: .of(caller, address: request.clientAddress), at: request.now)
        let conditions = [("操作", filter.action), ("操作人", filter.actor), ("自", filter.from), ("至", filter.to)]
            .compactMap { label, value in value.flatMap { $0.isEmpty ? nil : "\(label) \($0)" } }
        try await request.db.write { db in
            try await request.audit(
                .auditViewed, object: ("audit", "page \(page)"),
                summary: "查阅审计日志" + (conditions.isEmpty ? "" : "（\(conditions.joined(separator: "，"))）")
                    + (verdict.map { "，校验完整性：\($0.intact ? "通过" : "未通过")" } ?? ""),
                on: db)
        }
        let model = AuditView.Model(
            entries: found.rows, filter: filter, page: page, hasNext: found.hasNext, verdict: verdict)
        return AuditView.render(model, shell: try await request.shell())
    }
}

enum AuditView {
    struct Model {
        let entries: [AuditRow]
        let filter: AuditPages.Filter
        let page: Int
        let hasNext: Bool
        let verdict: AuditChain.Verdict?
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "审计日志", shell: shell, breadcrumbs: [("审计日志", nil)]) {
            h1 { "审计日志" }
            if let verdict = model.verdict {
                div(.class(verdict.intact ? "notice" : "problems"), .attr("role", "status"), .id("audit-verdict")) {
                    if !verdict.intact {
                        "审计日志完整性校验未通过：\(verdict.summary)。已校验 \(verdict.checked) 条。请立即报告安全管理员并保全数据库。"
                    } else {
                        "审计日志完整性校验通过：共 \(verdict.checked) 条，哈希链（SM3）首尾相接，无改动、无删除。"
                    }
                }
            }
            form(.get, .action(.audit), .class("actions"), .id("audit-verify")) {
                input(.type("hidden"), .name("verify"), .value("1"))
                button(.type("submit"), .class("secondary")) { "校验日志完整性" }
            }
            form(.get, .action(.audit), .class("actions card"), .id("audit-filter")) {
                select(.name("action"), .attr("aria-label", "操作")) {
                    choice("", "全部操作", selected: (model.filter.action ?? "").isEmpty)
                    for action in AuditAction.all {
                        choice(action.rawValue, action.label, selected: action.rawValue == model.filter.action)
                    }
                }
                input(
                    .type("text"), .name("actor"), .value(model.filter.actor ?? ""), .attr("placeholder", "操作人用户名"),
                    .attr("aria-label", "操作人"))
                input(.type("date"), .name("from"), .value(model.filter.from ?? ""), .attr("aria-label", "起始日期"))
                input(.type("date"), .name("to"), .value(model.filter.to ?? ""), .attr("aria-label", "截止日期"))
                button(.type("submit")) { "查询" }
            }
            div(.class("table-wrap")) {
                table(.id("audit")) {
                    thead {
                        tr {
                            th { "时间" }; th { "操作人" }; th { "地址" }; th { "操作" }; th { "对象" }; th { "内容" }
                        }
                    }
                    tbody {
                        for entry in model.entries {
                            tr {
                                td { ChineseTime.minute(entry.at) }
                                td { entry.actorName }
                                td { entry.ipAddress }
                                td { entry.actionLabel }
                                td { "\(entry.objectType) \(entry.objectID.prefix(8))" }
                                td {
                                    entry.summary
                                    if entry.before != nil || entry.after != nil {
                                        element("details", []) {
                                            element("summary", []) { "修改前后" }
                                            if let before = entry.before {
                                                p {
                                                    strong { "修改前：" }; before
                                                }
                                            }
                                            if let after = entry.after {
                                                p {
                                                    strong { "修改后：" }; after
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div(.class("pager")) {
                if model.page > 1 { a(.attr("href", pageLink(model, model.page - 1))) { "‹ 上一页" } }
                span { "第 \(model.page) 页" }
                if model.hasNext { a(.attr("href", pageLink(model, model.page + 1))) { "下一页 ›" } }
            }
        }
    }

    private static func pageLink(_ model: Model, _ page: Int) -> String {
        var components = URLComponents()
        components.path = SitePath.audit.url
        let filter = model.filter
        components.queryItems = [
            ("action", filter.action), ("actor", filter.actor), ("from", filter.from), ("to", filter.to),
            ("page", "\(page)"),
        ].compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        return components.string ?? SitePath.audit.url
    }
}
