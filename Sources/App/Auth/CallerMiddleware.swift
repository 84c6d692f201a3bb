import Fluent
import Vapor

/// Finds who is calling: a bearer token, or a session cookie that has not timed out.
struct CallerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard let caller = try await CallerLookup.token(bearer.token, on: request) else {
                throw AppError(status: .unauthorized, code: "invalid_token", reason: "接口令牌无效或已吊销")
            }
            request.caller = caller
        } else if let token = request.cookies[Cookies.session]?.string, !token.isEmpty {
            request.caller = try await CallerLookup.session(token, on: request)
        }
        let response = try await next.respond(to: request)
        if request.sessionExpired {
            Cookies.clear(Cookies.session, on: response, secure: request.application.config.secureCookies)
        }
        return response
    }
}

enum CallerLookup {
    /// Refreshing `last_seen_at` on every request would make every read a write; a minute is fine-grained enough
    /// for a thirty-minute idle timeout.
    static let touchInterval: TimeInterval = 60

    static func session(_ token: String, on request: Request) async throws -> Caller? {
        let db = request.db
        guard
            let session = try await UserSession.query(on: db)
                .join(User.self, on: \UserSession.$user.$id == \User.$id)
                .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
                .join(Region.self, on: \Unit.$region.$id == \Region.$id)
                .filter(\.$tokenHash == Secret.digest(token))
                .first()
        else { return nil }
        let user = try session.joined(User.self)
        let config = request.application.config
        let now = request.now
        let idle = now.timeIntervalSince(session.lastSeenAt) > config.idleTimeout
        let tooOld = now.timeIntervalSince(session.createdAt) > config.absoluteLifetime
        if idle || tooOld || !user.isActive {
            try await session.delete(on: db)
            request.sessionExpired = true
            return nil
        }
        let sessionID = try session.requireID()
        if now.timeIntervalSince(session.lastSeenAt) > touchInterval {
            try await UserSession.query(on: db).filter(\.$id == sessionID).set(\.$lastSeenAt, to: now).update()
        }
        return try caller(
            user: user, unit: session.joined(Unit.self), region: session.joined(Region.self),
            credential: .session(id: sessionID, csrfToken: session.csrfToken), on: request)
    }

    static func token(_ token: String, on request: Request) async throws -> Caller? {
        let db = request.db
        guard
            let record = try await APIToken.query(on: db)
                .join(User.self, on: \APIToken.$user.$id == \User.$id)
                .join(Unit.self, on: \User.$unit.$id == \Unit.$id)
                .join(Region.self, on: \Unit.$region.$id == \Region.$id)
                .filter(\.$tokenHash == Secret.digest(token))
                .filter(\.$revokedAt == nil)
                .first()
        else { return nil }
        let user = try record.joined(User.self)
        guard user.isActive else { return nil }
        let now = request.now
        let tokenID = try record.requireID()
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > touchInterval }) ?? true {
            try await APIToken.query(on: db).filter(\.$id == tokenID).set(\.$lastUsedAt, to: now).update()
        }
        return try caller(
            user: user, unit: record.joined(Unit.self), region: record.joined(Region.self),
            credential: .token(id: tokenID), on: request)
    }

    static func caller(user: User, unit: Unit, region: Region, credential: Caller.Credential, on request: Request)
        throws -> Caller
    {
        Caller(
            userID: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
            unitID: try unit.requireID(), unitName: unit.name, regionID: try region.requireID(),
            regionCode: region.code, regionName: region.name, regionPath: region.path,
            mustChangePassword: user.mustChangePassword(on: request), credential: credential)
    }
}

/// Keeps anonymous callers out, and callers who must change their password on the password page.
struct RequireSignIn: AsyncMiddleware {
    static let allowedBeforePasswordChange: Set<String> = [
        SitePath.password.url, SitePath.logout.url, "/api/v1/auth/logout", "/api/v1/me",
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let isAPI = request.url.path.hasPrefix("/api/")
        guard let caller = request.caller else {
            if isAPI { throw AppError.unauthorized }
            var target =
                SitePath.login.url + "?next="
                + (request.url.path.addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_"))) ?? "/")
            if request.sessionExpired { target += "&expired=1" }
            return request.redirect(to: target)
        }
        if caller.mustChangePassword, !Self.allowedBeforePasswordChange.contains(request.url.path) {
            if isAPI {
                throw AppError(status: .forbidden, code: "password_change_required", reason: "请先修改初始密码")
            }
            return request.redirect(to: SitePath.password.url)
        }
        return try await next.respond(to: request)
    }
}
