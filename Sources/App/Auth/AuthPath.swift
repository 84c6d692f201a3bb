import Foundation

/// The addresses of signing in and out, one's own account and API tokens.
enum AuthPath {
    static let home: PathPattern = "/"
    static let login: PathPattern = "/login"
    static let logout: PathPattern = "/logout"
    static let password: PathPattern = "/account/password"
    static let secondFactor: PathPattern = "/account/second-factor"
    static let secondFactorDisable: PathPattern = "/account/second-factor/disable"
    static let confirm: PathPattern = "/account/confirm"
    static let tokens: PathPattern = "/admin/tokens"
    static let tokenRevoke: PathPattern = "/admin/tokens/:id/revoke"

    enum API {
        static let login: PathPattern = "/api/v1/auth/login"
        static let logout: PathPattern = "/api/v1/auth/logout"
        static let me: PathPattern = "/api/v1/me"
    }
}

extension SitePath {
    static let home = AuthPath.home.path()
    static let login = AuthPath.login.path()
    static let logout = AuthPath.logout.path()
    static let password = AuthPath.password.path()
    static let secondFactor = AuthPath.secondFactor.path()
    static let secondFactorDisable = AuthPath.secondFactorDisable.path()
    static let confirm = AuthPath.confirm.path()
    static let tokens = AuthPath.tokens.path()
    static func tokenRevoke(_ id: UUID) -> SitePath { AuthPath.tokenRevoke.path(id) }
}
