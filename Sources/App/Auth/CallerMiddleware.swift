import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// Finds who is calling: a bearer token, or a session cookie that has not timed out.
struct CallerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard let caller = try await CallerLookup.token(bearer.token, on: request) else {
                throw AppError(status: .unauthorized, code: "invalid_token", reason: "接口令牌无效或已吊销")
            }
            request.caller = caller
        } else if let token = Cookies.value(Cookies.session, in: request), !token.isEmpty {
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
            let row = try await select(
                "c.id AS credential_id, c.created_at, c.last_seen_at, c.csrf_token", from: UserSession.schema,
                where: "c.token_hash = \(bind: Secret.digest(token))", on: db)
        else { return try await standIn(token, on: request) }
        let found = try row.decode(model: CallerRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let sessionID = found.credentialId
        guard !request.application.storageWatch.revocations.isRevoked(sessionID) else { return nil }
        let createdAt = try row.decode(column: "created_at", as: Date.self)
        let lastSeenAt = try row.decode(column: "last_seen_at", as: Date.self)
        let config = request.application.config
        let now = request.now
        let idle = now.timeIntervalSince(lastSeenAt) > config.idleTimeout
        let tooOld = now.timeIntervalSince(createdAt) > config.absoluteLifetime
        if idle || tooOld || !found.isActive {
            try await request.writeUnlessStorageFull("delete expired session") {
                try await UserSession.query(on: db).filter(\.$id == sessionID).delete()
            }
            request.sessionExpired = true
            return nil
        }
        if now.timeIntervalSince(lastSeenAt) > touchInterval {
            try await request.writeUnlessStorageFull("touch session") {
                try await UserSession.query(on: db).filter(\.$id == sessionID).set(\.$lastSeenAt, to: now).update()
            }
        }
        return try await found.caller(
            credential: .session(id: sessionID, csrfToken: try row.decode(column: "csrf_token", as: String.self)),
            on: request)
    }

    static func token(_ token: String, on request: Request) async throws -> Caller? {
        let db = request.db
        guard
            let row = try await select(
                "c.id AS credential_id, c.last_used_at", from: APIToken.schema,
                where: "c.token_hash = \(bind: Secret.digest(token)) AND c.revoked_at IS NULL", on: db)
        else { return nil }
        let found = try row.decode(model: CallerRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard found.isActive else { return nil }
        let tokenID = found.credentialId
        let now = request.now
        let lastUsedAt = try row.decode(column: "last_used_at", as: Date?.self)
        if lastUsedAt.map({ now.timeIntervalSince($0) > touchInterval }) ?? true {
            try await request.writeUnlessStorageFull("touch API token") {
                try await APIToken.query(on: db).filter(\.$id == tokenID).set(\.$lastUsedAt, to: now).update()
            }
        }
        return try await found.caller(credential: .token(id: tokenID), on: request)
    }

    /// A session signed in while storage was full (`StandInSession`), if `token` is one that still holds.
    private static func standIn(_ token: String, on request: Request) async throws -> Caller? {
        guard token.hasPrefix(StandInSession.prefix) else { return nil }
        let seal = request.fieldSeal
        guard
            let session = StandInSession.open(
                token, at: request.now, lifetime: request.application.config.idleTimeout, seal: seal)
        else {
            request.sessionExpired = true
            return nil
        }
        guard !request.application.storageWatch.revocations.isRevoked(session.id),
            let row = try await select(nil, from: nil, where: "u.id = \(bind: session.userID)", on: request.db)
        else { return nil }
        let found = try row.decode(model: CallerRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard found.isActive else { return nil }
        return try await found.caller(
            credential: .session(id: session.id, csrfToken: StandInSession.csrf(for: session.id, seal: seal)),
            on: request)
    }

    /// Every request starts here, so the credential, its user, unit and region are read in one hand-written
    /// statement with only the columns a caller needs (Fluent's version selected and decoded all four rows whole).
    /// Without a credential table (a stand-in session) the user alone is read, its id standing for the credential's.
    private static func select(
        _ credentialColumns: String?, from table: String?, where condition: SQLQueryString, on db: any Database
    ) async throws -> (any SQLRow)? {
        let source: SQLQueryString =
            table.map { "\(ident: $0) c JOIN users u ON u.id = c.user_id" } ?? "users u"
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: credentialColumns ?? "u.id AS credential_id"), u.id AS user_id, u.username, \
            u.display_name, u.role, u.grant_mac, u.is_active, u.must_change_password, u.password_changed_at, \
            CASE WHEN u.totp_key IS NULL THEN 0 ELSE 1 END AS second_factor, \
            n.id AS unit_id, n.name AS unit_name, r.id AS region_id, r.code AS region_code, \
            r.name AS region_name, r.path AS region_path \
            FROM \(source) JOIN units n ON n.id = u.unit_id \
            JOIN regions r ON r.id = n.region_id WHERE \(condition)
            """
        return try await db.sql().raw(query).first()
    }

    private struct CallerRow: Decodable {
        let credentialId: UUID
        let userId: UUID
        let username: String
        let displayName: String
        let role: Role
        let grantMac: String
        let isActive: Bool
        let mustChangePassword: Bool
        let passwordChangedAt: Date
        let secondFactor: Int
        let unitId: UUID
        let unitName: String
        let regionId: UUID
        let regionCode: String
        let regionName: String
        let regionPath: String

        /// The caller, once their grant holds.
        func caller(credential: Caller.Credential, on request: Request) async throws -> Caller {
            let subject = Grant.Subject(user: userId, role: role, unit: unitId, region: regionId)
            guard Grant.holds(grantMac, subject, app: request.application) else {
                throw await Grant.refuse(
                    username: username, user: userId, role: role, regionPath: regionPath, at: request.door)
            }
            return Caller(
                userID: userId, username: username, displayName: displayName, role: role, unitID: unitId,
                unitName: unitName, regionID: regionId, regionCode: regionCode, regionName: regionName,
                regionPath: regionPath,
                mustChangePassword: request.application.passwordPolicy.mustChange(
                    flagged: mustChangePassword, changedAt: passwordChangedAt, now: request.now),
                mustSetUpSecondFactor: request.application.config.secondFactorRequiredForAdministrators
                    && role.isAdministrator && secondFactor == 0,
                credential: credential)
        }
    }
}

/// Keeps anonymous callers out, callers who must change their password on the password page, and then
/// administrators who must set up a second factor on its page.
struct RequireSignIn: AsyncMiddleware {
    static let allowedBeforePasswordChange: Set<String> = [
        SitePath.password.url, SitePath.logout.url, "/api/v1/auth/logout", "/api/v1/me",
    ]
    static let allowedBeforeSecondFactor = allowedBeforePasswordChange.union([SitePath.secondFactor.url])

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
        if caller.mustSetUpSecondFactor, !Self.allowedBeforeSecondFactor.contains(request.url.path) {
            if isAPI {
                throw AppError(status: .forbidden, code: "second_factor_required", reason: "请先启用动态口令")
            }
            return request.redirect(to: SitePath.secondFactor.url)
        }
        return try await next.respond(to: request)
    }
}
