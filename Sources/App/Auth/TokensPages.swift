import Fluent
import FuyuanCore
import Vapor

/// API tokens that the system administrator issues to other systems (网对网). A token acts as its user,
/// with that user's role and scope; only its SHA-256 digest is stored.
struct TokensPages {
    struct IssueForm: Content {
        var name: String
        var userID: UUID
    }

    func list(_ request: Request) async throws -> HTMLPage {
        try await page(request, issued: nil, problems: [])
    }

    func issue(_ request: Request) async throws -> Response {
        _ = try request.caller(for: .issueTokens)
        if let confirm = try await request.confirmationNeeded(returnTo: .tokens) { return confirm }
        let form = try request.content.decode(IssueForm.self)
        do {
            let secret = try await TokenStore.issue(name: form.name, userID: form.userID, as: try request.acting())
            return try await page(request, issued: secret, problems: []).encodeResponse(for: request)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(request, issued: nil, problems: [error.reason]).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    func revoke(_ request: Request) async throws -> Response {
        try await TokenStore.revoke(id: try request.idParameter(), as: try request.acting())
        return request.redirect(to: SitePath.tokens.url)
    }

    private func page(_ request: Request, issued: String?, problems: [String]) async throws -> HTMLPage {
        let caller = try request.caller(for: .issueTokens)
        let tokens = try await TokenStore.scoped(caller, on: request.db).sort(\.$createdAt, .descending).all()
        let users = try await caller.scope.users(on: request.db).filter(\.$role ~~ Role.business).sort(\.$username)
            .all()
        let model = TokensView.Model(
            tokens: try tokens.map {
                .init(
                    id: try $0.requireID(), name: $0.name, user: try $0.joined(User.self).username,
                    createdBy: $0.createdBy,
                    createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
            },
            users: try users.map { (try $0.requireID(), "\($0.username)（\($0.displayName)，\($0.role.label)）") },
            issued: issued, problems: problems)
        return TokensView.render(model, shell: try await request.shell())
    }
}

enum TokensView {
    struct Row {
        let id: UUID
        let name: String
        let user: String
        let createdBy: String
        let createdAt: Date?
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    struct Model {
        let tokens: [Row]
        let users: [(id: UUID, label: String)]
        let issued: String?
        let problems: [String]
    }

    static func render(_ model: Model, shell: PageShell) -> HTMLPage {
        Layout.page(title: "接口令牌", shell: shell, breadcrumbs: [("接口令牌", nil)]) {
            h1 { "接口令牌" }
            p(.class("muted")) { "供法院等外部系统通过 /api/v1 以 Authorization: Bearer 方式调用；令牌以其所属用户的角色和区划范围行事。" }
            Form.problems(model.problems)
            if let issued = model.issued {
                div(.class("notice"), .attr("role", "status")) {
                    p { "令牌已签发，仅显示这一次，请立即妥善保存：" }
                    span(.class("secret"), .id("issued-token")) { issued }
                }
            }
            div(.class("card")) {
                h2 { "签发令牌" }
                form(.post, .action(.tokens), .id("token-form"), .class("actions")) {
                    Layout.csrfField(shell.csrfToken)
                    input(
                        .type("text"), .name("name"), .attr("placeholder", "使用系统，如 鲁山县法院审判系统"),
                        .attr("aria-label", "令牌名称"), .required)
                    select(.name("userID"), .attr("aria-label", "令牌所属用户")) {
                        for user in model.users { choice(user.id.uuidString, user.label, selected: false) }
                    }
                    button(.type("submit")) { "签发" }
                }
            }
            table(.id("tokens")) {
                thead {
                    tr {
                        th { "名称" }; th { "所属用户" }; th { "签发人" }; th { "签发时间" }; th { "最近使用" }; th { "状态" }
                    }
                }
                tbody {
                    for token in model.tokens {
                        tr {
                            td { token.name }
                            td { token.user }
                            td { token.createdBy }
                            td { token.createdAt.map(ChineseTime.minute) ?? "" }
                            td { token.lastUsedAt.map(ChineseTime.minute) ?? "从未使用" }
                            td {
                                if let revoked = token.revokedAt {
                                    span(.class("tag")) { "已吊销 " + ChineseTime.minute(revoked) }
                                } else {
                                    form(
                                        .post, .action(.tokenRevoke(token.id)),
                                        .attr("data-confirm", "确定吊销“\(token.name)”？")
                                    ) {
                                        Layout.csrfField(shell.csrfToken)
                                        button(.type("submit"), .class("small secondary")) { "吊销" }
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
