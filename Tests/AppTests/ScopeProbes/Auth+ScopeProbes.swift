@testable import App

extension ScopeMatrixTests {
    /// `Feature.auth`'s routes, each tried by every caller.
    static let authProbes: [Probe] = [
        .get("login", "/login", "OOOOOOOOOOO"),
        .form(.POST, "login", "/login", "UUUUUUUUUUU", [("username", "nobody.here"), ("password", "Wrong#123")]),
        .json(
            .POST, "api/v1/auth/login", "/api/v1/auth/login", "LLLLLLLLLLL",
            ["username": "nobody.here", "password": "Wrong#123"]),
        .get("", "/", "LOOOOOOOOOO"),
        .form(.POST, "logout", "/logout", "LOOOOOOOOOO"),
        .get("account/password", "/account/password", "LOOOOOOOOOO"),
        .form(
            .POST, "account/password", "/account/password", "LVVVVVVVVVV",
            [("current", "Wrong#123"), ("new", "New#12345"), ("confirm", "New#12345")]),
        .get("account/second-factor", "/account/second-factor", "LOOOOOOOOOO"),
        .form(
            .POST, "account/second-factor", "/account/second-factor", "LVVVVVVVVVV",
            [("key", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), ("code", "000000")]),
        .form(
            .POST, "account/second-factor/disable", "/account/second-factor/disable", "LVVVVVVVVVV",
            [("code", "000000")]),
        .get("account/confirm", "/account/confirm?next=/admin/users", "LOOOOOOOOOO"),
        .form(.POST, "account/confirm", "/account/confirm", "LVVVVVVVVVV", [("password", "Wrong#123")]),
        .get("admin/tokens", "/admin/tokens", sysadminOnly),
        .form(.POST, "admin/tokens", "/admin/tokens", sysadminOnly, [("name", "法院系统"), ("userID", "{court}")]),
        .form(.POST, "admin/tokens/:id/revoke", "/admin/tokens/{token}/revoke", sysadminOnly),
        .json(.POST, "api/v1/auth/logout", "/api/v1/auth/logout", "LOOOOOOOOOO"),
        .get("api/v1/me", "/api/v1/me", "LOOOOOOOOOO"),
    ]
}
