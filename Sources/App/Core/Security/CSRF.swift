import Vapor

/// Refuses state-changing requests that another site could have caused: a cross-site origin, or a
/// cookie-authenticated request without the session's CSRF token (form field `_csrf` or header
/// `X-CSRF-Token`). Bearer-token calls carry no ambient credential and need no token.
struct CSRFMiddleware: AsyncMiddleware {
    static let formLimit = 1 << 20
    /// The largest upload any route accepts (imports); routes set their own, lower limits.
    static let uploadLimit = 20 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await next.respond(to: request) }
        if request.headers.first(name: "Sec-Fetch-Site") == "cross-site" || !sameOrigin(request) {
            throw refusal
        }
        switch request.caller?.credential {
        case .token:
            break
        case .session(_, let expected):
            guard let sent = try await sentToken(request), Secret.matches(sent, expected) else { throw refusal }
        case nil:
            if request.url.path == SitePath.login.url {
                guard let sent = try await sentToken(request),
                    let cookie = Cookies.value(Cookies.loginCSRF, in: request), Secret.matches(sent, cookie)
                else { throw refusal }
            } else if request.url.path == "/api/v1/auth/login" {
                // A cross-site form cannot send JSON without a CORS preflight, which this app never grants.
                guard request.headers.contentType == .json else {
                    throw AppError(
                        status: .unsupportedMediaType, code: "unsupported_media_type", reason: "请以 application/json 提交")
                }
            }
        }
        return try await next.respond(to: request)
    }

    private var refusal: AppError {
        AppError(status: .forbidden, code: "csrf", reason: "请求来源校验失败，请刷新页面后重试")
    }

    private func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers.first(name: .origin), origin != "null" else { return true }
        guard let host = request.headers.first(name: .host), let url = URL(string: origin) else { return false }
        let originHost = url.host.map { host in url.port.map { "\(host):\($0)" } ?? host }
        return originHost == host
    }

    private func sentToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: "X-CSRF-Token") { return header }
        switch request.headers.contentType {
        case .some(.urlEncodedForm): _ = try await request.body.collect(max: Self.formLimit).get()
        case .some(let type) where type.type == "multipart" && type.subType == "form-data":
            _ = try await request.body.collect(max: Self.uploadLimit).get()
        default: return nil
        }
        return try? request.content.get(String.self, at: "_csrf")
    }
}

/// Headers every response carries: no outside scripts, no framing, no MIME sniffing.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if !request.url.path.hasPrefix("/assets/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
