extension APIDescription {
    static let auth = APIDescription(
        operations: [
            .init(
                method: .POST, path: AuthPath.API.login, id: "login", summary: "登录，设置会话 Cookie",
                body: .json(AuthAPI.Credentials.self), responses: [.json(200, "已登录", AuthAPI.Me.self)],
                errors: [400, 401, 403, 415, 422, 429], open: true),
            .init(
                method: .POST, path: AuthPath.API.logout, id: "logout", summary: "退出，服务器端销毁会话",
                responses: [.plain(204, "已退出")], errors: [401, 403]),
            .init(
                method: .GET, path: AuthPath.API.me, id: "me", summary: "当前用户",
                responses: [.json(200, "当前用户", AuthAPI.Me.self)], errors: [401]),
        ],
        schemas: [.input("Credentials", AuthAPI.Credentials.self), .answer("Me", AuthAPI.Me.self)])
}

extension AuthAPI.Credentials: APIFieldNotes {
    static var apiFields: [String: APIField] {
        ["code": .init(description: "已启用动态口令（TOTP）的账户：验证器当前显示的 6 位数字")]
    }
}
