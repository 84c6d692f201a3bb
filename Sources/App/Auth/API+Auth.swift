import Fluent
import FuyuanCore
import Vapor

/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout` and `GET /api/v1/me`.
struct AuthAPI {
    struct Credentials: Content {
        let username: String
        let password: String
        /// The authenticator app's current code, for an account with a second factor.
        let code: String?
    }

    struct Me: Content {
        let id: UUID
        let username: String
        let displayName: String
        let role: Role
        let unitID: UUID
        let unitName: String
        let regionCode: String
        let regionName: String
        let mustChangePassword: Bool
        /// Send back as `X-CSRF-Token` on writes made with the session cookie.
        let csrfToken: String?
    }

    func login(_ request: Request) async throws -> Response {
        let credentials = try request.content.decode(Credentials.self)
        switch try await SignIn.attempt(
            username: credentials.username, password: credentials.password, code: credentials.code, at: request.door)
        {
        case let .signedIn(token, csrf, user):
            let unit = try user.joined(Unit.self)
            let region = try user.joined(Region.self)
            let me = Me(
                id: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
                unitID: try unit.requireID(), unitName: unit.name, regionCode: region.code, regionName: region.name,
                mustChangePassword: user.mustChangePassword(
                    under: request.application.passwordPolicy, now: request.now), csrfToken: csrf)
            let response = try await me.encodeResponse(for: request)
            Cookies.set(Cookies.session, token, on: response, secure: request.application.config.secureCookies)
            return response
        case .refused(let message):
            throw AppError(status: .unauthorized, code: "sign_in_refused", reason: message)
        case .throttled(let seconds):
            let error = AppError(
                status: .tooManyRequests, code: "too_many_attempts",
                reason: SignIn.throttledMessage(retryAfter: seconds))
            let response = ErrorResponder().render(error, for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    func logout(_ request: Request) async throws -> Response {
        try await SignIn.signOut(request.caller, at: request.door)
        let response = Response(status: .noContent)
        Cookies.clear(Cookies.session, on: response, secure: request.application.config.secureCookies)
        return response
    }

    func me(_ request: Request) async throws -> Me {
        let caller = try request.requireCaller()
        return Me(
            id: caller.userID, username: caller.username, displayName: caller.displayName, role: caller.role,
            unitID: caller.unitID, unitName: caller.unitName, regionCode: caller.regionCode,
            regionName: caller.regionName,
            mustChangePassword: caller.mustChangePassword, csrfToken: caller.csrfToken)
    }
}
