import Fluent
import FuyuanCore
import Vapor

/// Sign-in, sign-out and password pages.
struct AuthPages {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var code: String?
        var next: String?
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    func loginPage(_ request: Request) async throws -> Response {
        if request.caller != nil { return request.redirect(to: SitePath.home.url) }
        let next = try? request.query.get(String.self, at: "next")
        let notice: String? =
            (try? request.query.get(String.self, at: "expired")) != nil
            ? "会话已超时（30 分钟无操作），请重新登录" : nil
        return try await loginResponse(
            request, model: .init(username: "", next: safeNext(next), error: nil, notice: notice))
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let next = safeNext(form.next)
        switch try await SignIn.attempt(
            username: form.username ?? "", password: form.password ?? "", code: form.code, at: request.door)
        {
        case let .signedIn(token, _, user):
            let target =
                user.mustChangePassword(under: request.application.passwordPolicy, now: request.now)
                ? SitePath.password.url : next
            let response = request.redirect(to: target)
            let secure = request.application.config.secureCookies
            Cookies.set(Cookies.session, token, on: response, secure: secure)
            Cookies.clear(Cookies.loginCSRF, on: response, secure: secure)
            return response
        case .refused(let message):
            let model = LoginView.Model(username: form.username ?? "", next: next, error: message, notice: nil)
            return try await loginResponse(request, model: model, status: .unauthorized)
        case .throttled(let seconds):
            let model = LoginView.Model(
                username: form.username ?? "", next: next, error: SignIn.throttledMessage(retryAfter: seconds),
                notice: nil)
            let response = try await loginResponse(request, model: model, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    func signOut(_ request: Request) async throws -> Response {
        try await SignIn.signOut(request.caller, at: request.door)
        let response = request.redirect(to: SitePath.login.url)
        Cookies.clear(Cookies.session, on: response, secure: request.application.config.secureCookies)
        // The browser drops what the site left in it; its cache holds nothing, every page being `no-store`.
        response.headers.replaceOrAdd(name: "Clear-Site-Data", value: #""cookies", "storage""#)
        return response
    }

    func home(_ request: Request) async throws -> Response {
        // Everyone lands on their region's home page, which holds the cards of their own work.
        let caller = try request.requireCaller()
        return request.redirect(to: SitePath.region(caller.regionCode).url)
    }

    func passwordPage(_ request: Request) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        guard let user = try await User.find(caller.userID, on: request.db) else { throw AppError.unauthorized }
        return PasswordView.render(
            .init(
                notice: reason(user, request), problems: [], done: false, hint: request.application.passwordPolicy.hint),
            shell: try await request.shell())
    }

    /// Why the user must change their password now, if they must.
    private func reason(_ user: User, _ request: Request) -> String? {
        if user.mustChangePassword { return "首次登录或密码已被重置，请先设置新密码。" }
        let policy = request.application.passwordPolicy
        if policy.expired(changedAt: user.passwordChangedAt, now: request.now) {
            return "密码已使用超过 \(policy.maximumAgeDays) 天，请设置新密码。"
        }
        return nil
    }

    func changePassword(_ request: Request) async throws -> Response {
        let caller = try request.requireCaller()
        let form = try request.content.decode(PasswordForm.self)
        let policy = request.application.passwordPolicy
        let problems = try await PasswordChange.change(
            current: form.current ?? "", new: form.new ?? "", confirm: form.confirm ?? "", as: try request.acting())
        guard problems.isEmpty else {
            guard let user = try await User.find(caller.userID, on: request.db) else { throw AppError.unauthorized }
            let page = PasswordView.render(
                .init(notice: reason(user, request), problems: problems, done: false, hint: policy.hint),
                shell: try await request.shell())
            return try await page.encodeResponse(status: .unprocessableEntity, for: request)
        }
        let refreshed = Caller(
            userID: caller.userID, username: caller.username, displayName: caller.displayName, role: caller.role,
            unitID: caller.unitID, unitName: caller.unitName, regionID: caller.regionID, regionCode: caller.regionCode,
            regionName: caller.regionName, regionPath: caller.regionPath, mustChangePassword: false,
            mustSetUpSecondFactor: caller.mustSetUpSecondFactor,
            credential: caller.credential)
        request.caller = refreshed
        return try await PasswordView.render(
            .init(notice: nil, problems: [], done: true, hint: policy.hint), shell: try await request.shell()
        )
        .encodeResponse(for: request)
    }

    private func loginResponse(_ request: Request, model: LoginView.Model, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let csrf = Secret.make()
        let response = try await LoginView.render(model, csrfToken: csrf).encodeResponse(status: status, for: request)
        Cookies.set(Cookies.loginCSRF, csrf, on: response, secure: request.application.config.secureCookies)
        return response
    }

    /// Only same-site paths: `//host` and absolute URLs would turn sign-in into an open redirect.
    private func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else {
            return SitePath.home.url
        }
        return next
    }
}

extension HTMLPage {
    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        var page = self
        page.status = status
        return try await page.encodeResponse(for: request)
    }
}
