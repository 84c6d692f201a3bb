import Vapor

extension Feature {
    /// Signing in and out, one's own password and second factor, confirming the password, and API tokens.
    static let auth = Feature(
        name: "登录与账户",
        migrations: { _ in
            [CreateAuthTables(), CreatePasswordHistory(), AddSecondFactor(), AddSessionConfirmation()]
        },
        routes: { routes in
            let pages = AuthPages()
            routes.open.get(AuthPath.login, use: pages.loginPage)
            routes.open.post(AuthPath.login, use: pages.signIn)
            routes.pages.get(AuthPath.home, use: pages.home)
            routes.pages.post(AuthPath.logout, use: pages.signOut)
            routes.pages.get(AuthPath.password, use: pages.passwordPage)
            routes.pages.post(AuthPath.password, use: pages.changePassword)
            let secondFactor = SecondFactorPages()
            routes.pages.get(AuthPath.secondFactor, use: secondFactor.page)
            routes.pages.post(AuthPath.secondFactor, use: secondFactor.enable)
            routes.pages.post(AuthPath.secondFactorDisable, use: secondFactor.disable)
            let confirm = ConfirmPages()
            routes.pages.get(AuthPath.confirm, use: confirm.page)
            routes.pages.post(AuthPath.confirm, use: confirm.confirm)
            let tokens = TokensPages()
            routes.pages.get(AuthPath.tokens, use: tokens.list)
            routes.pages.post(AuthPath.tokens, use: tokens.issue)
            routes.pages.post(AuthPath.tokenRevoke, use: tokens.revoke)

            let api = AuthAPI()
            routes.open.post(AuthPath.API.login, use: api.login)
            routes.api.post(AuthPath.API.logout, use: api.logout)
            routes.api.get(AuthPath.API.me, use: api.me)
        },
        menu: [.init(label: "接口令牌", place: 90, roles: [.systemAdmin]) { _ in .tokens }],
        auditActions: AuditAction.ofAuth,
        api: .auth)
}
