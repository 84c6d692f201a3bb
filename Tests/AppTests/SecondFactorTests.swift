import Fluent
import FuyuanCore
import Testing
import VaporTesting

@testable import App

@Suite struct SecondFactorTests {
    /// RFC 6238 appendix B (SHA-1), cut to six digits; RFC 4648's base32 of the same key.
    @Test func codesMatchTheRFC() {
        let key = Array("12345678901234567890".utf8)
        let totp = TOTP(key: key)
        let expected: [(Double, String)] = [
            (59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ]
        for (time, code) in expected {
            #expect(totp.code(atStep: TOTP.step(at: Date(timeIntervalSince1970: time))) == code)
        }
        #expect(Base32.encode(key) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq") == key)
        #expect(Base32.decode("GEZ1") == nil)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        #expect(totp.step(of: "050471", at: now, after: nil) == 37_037_037)
        #expect(totp.step(of: "081804", at: now, after: nil) == 37_037_036)
        #expect(totp.step(of: "081804", at: now, after: 37_037_036) == nil)
        #expect(totp.step(of: "123456", at: now, after: nil) == nil)
    }

    static func key(in page: String) throws -> [UInt8] {
        let marker = #"name="key" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return try #require(Base32.decode(String(page[start...].prefix { $0 != "\"" })))
    }

    static func code(_ key: [UInt8], _ app: Application, steps: Int64 = 0) -> String {
        TOTP(key: key).code(atStep: TOTP.step(at: app.clock.now()) + steps)
    }

    /// Moves the app's clock, which runs with real time, to the start of a 30-second step, so that the steps the
    /// test counts on do not change under it on a slow machine (CI once took a minute for this suite).
    static func startAStep(_ app: Application) {
        app.clock.advance(by: 30 - app.clock.now().timeIntervalSince1970.truncatingRemainder(dividingBy: 30) + 0.01)
    }

    @Test func anAdministratorSetsUpAndSignsInWithTheAppsCode() async throws {
        try await withTestApp { app in
            let auditor = try await app.signIn("auditor")
            let page = try await app.send(.GET, "/account/second-factor", as: auditor)
            #expect(page.text.contains("未启用"))
            let key = try Self.key(in: page.text)
            #expect(key.count == 20)
            let wrong = try await app.send(
                .POST, "/account/second-factor", as: auditor,
                form: [("key", Base32.encode(key)), ("code", "000000"), ("password", DemoData.password)])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("动态口令：与密钥不符或已过期"))
            Self.startAStep(app)
            let enabled = try await app.send(
                .POST, "/account/second-factor", as: auditor,
                form: [("key", Base32.encode(key)), ("code", Self.code(key, app)), ("password", DemoData.password)])
            #expect(enabled.text.contains("已启用动态口令"))
            let user = try await app.user(named: "auditor")
            #expect(user.sealedTOTPKey?.contains(Base32.encode(key)) == false)

            func login(_ code: String?) async throws -> TestingHTTPResponse {
                var body = ["username": "auditor", "password": DemoData.password]
                body["code"] = code
                return try await app.send(.POST, "/api/v1/auth/login", json: body)
            }
            let withoutCode = try await login(nil)
            #expect(withoutCode.status == .unauthorized)
            #expect(withoutCode.text.contains("动态口令错误或已使用过"))
            // The code used to set it up is spent; the next one works once.
            #expect(try await login(Self.code(key, app)).status == .unauthorized)
            let next = Self.code(key, app, steps: 1)
            #expect(try await login(next).status == .ok)
            #expect(try await login(next).status == .unauthorized)

            let failures = try await app.auditEntries(.signInFailed).map(\.summary)
            #expect(failures == ["登录失败（动态口令错误，第 1 次）", "登录失败（动态口令错误，第 2 次）", "登录失败（动态口令错误，第 1 次）"])
            #expect(try await app.auditEntries(.secondFactorEnabled).map(\.summary) == ["auditor 启用动态口令"])

            // The sign-in page takes the code in its own field; a minute later a fresh code is good.
            app.clock.advance(by: 60)
            let login = try await app.send(.GET, "/login")
            #expect(login.text.contains(#"name="code""#))
            let cookie = try #require(login.headers.setCookie?[Cookies.loginCSRF]?.string)
            let form = try await app.send(
                .POST, "/login",
                form: [
                    ("username", "auditor"), ("password", DemoData.password), ("code", Self.code(key, app)),
                    ("_csrf", cookie),
                ],
                headers: [("Cookie", "\(Cookies.loginCSRF)=\(cookie)")])
            #expect(form.status == .seeOther)
        }
    }

    @Test func theSecurityAdministratorClearsALostFactorAndTheOwnerCanTurnItOff() async throws {
        try await withTestApp { app in
            let system = try await app.signIn("sysadmin")
            let page = try await app.send(.GET, "/account/second-factor", as: system)
            let key = try Self.key(in: page.text)
            _ = try await app.send(
                .POST, "/account/second-factor", as: system,
                form: [("key", Base32.encode(key)), ("code", Self.code(key, app)), ("password", DemoData.password)])
            let security = try await app.signIn("secadmin")
            let users = try await app.send(.GET, "/admin/users?page=1", as: security)
            let id = try await app.user(named: "sysadmin").id!
            #expect(users.text.contains("/admin/users/\(id.uuidString)/second-factor/reset"))
            // Only the security administrator clears it.
            let bySystem = try await app.send(
                .POST, "/admin/users/\(id.uuidString)/second-factor/reset", as: system, form: [])
            #expect(bySystem.status == .forbidden)
            let cleared = try await app.send(
                .POST, "/admin/users/\(id.uuidString)/second-factor/reset", as: security, form: [])
            #expect(cleared.status == .seeOther)
            #expect(try await app.user(named: "sysadmin").sealedTOTPKey == nil)
            #expect(try await app.auditEntries(.secondFactorReset).map(\.summary) == ["清除 sysadmin 的动态口令"])
            let again = try await app.signIn("sysadmin")

            // Set up again, then turned off by its owner with a current code.
            let second = try Self.key(in: try await app.send(.GET, "/account/second-factor", as: again).text)
            Self.startAStep(app)
            _ = try await app.send(
                .POST, "/account/second-factor", as: again,
                form: [
                    ("key", Base32.encode(second)), ("code", Self.code(second, app)), ("password", DemoData.password),
                ])
            let refused = try await app.send(
                .POST, "/account/second-factor/disable", as: again,
                form: [("code", "123"), ("password", DemoData.password)])
            #expect(refused.status == .unprocessableEntity)
            let off = try await app.send(
                .POST, "/account/second-factor/disable", as: again,
                form: [("code", Self.code(second, app, steps: 1)), ("password", DemoData.password)])
            #expect(off.text.contains("已停用动态口令"))
            #expect(try await app.user(named: "sysadmin").sealedTOTPKey == nil)
            #expect(try await app.auditEntries(.secondFactorDisabled).map(\.summary) == ["sysadmin 停用动态口令"])
        }
    }

    /// AS-11: a session alone does not change how its owner proves who they are. Setting up or turning off the
    /// second factor takes the current password again; wrong ones count toward the lockout like failed sign-ins.
    @Test func changingTheSecondFactorTakesThePasswordAgain() async throws {
        try await withTestApp { app in
            let auditor = try await app.signIn("auditor")
            let key = try Self.key(in: try await app.send(.GET, "/account/second-factor", as: auditor).text)
            Self.startAStep(app)
            let code = Self.code(key, app)
            let withoutPassword = try await app.send(
                .POST, "/account/second-factor", as: auditor, form: [("key", Base32.encode(key)), ("code", code)])
            #expect(withoutPassword.status == .unprocessableEntity)
            #expect(withoutPassword.text.contains("当前密码：不正确"))
            #expect(try await app.user(named: "auditor").sealedTOTPKey == nil)
            for attempt in 2...5 {
                let wrong = try await app.send(
                    .POST, "/account/second-factor", as: auditor,
                    form: [("key", Base32.encode(key)), ("code", code), ("password", "Wrong@2026#\(attempt)")])
                #expect(wrong.status == .unprocessableEntity)
                #expect(wrong.text.contains(attempt < 5 ? "当前密码：不正确" : "账户已锁定，请 15 分钟后再试"))
            }
            // Locked: even the right password is refused now, and so is signing in.
            let locked = try await app.send(
                .POST, "/account/second-factor", as: auditor,
                form: [("key", Base32.encode(key)), ("code", code), ("password", DemoData.password)])
            #expect(locked.text.contains("当前密码：连续登录失败次数过多，账户已锁定"))
            #expect(try await app.user(named: "auditor").sealedTOTPKey == nil)
            let signIn = try await app.send(
                .POST, "/api/v1/auth/login", json: ["username": "auditor", "password": DemoData.password])
            #expect(signIn.status == .unauthorized)
            #expect(
                try await app.auditEntries(.reauthenticationFailed).map(\.summary)
                    == (1...5).map { "确认身份失败（当前密码错误，第 \($0) 次）" })
            #expect(try await app.auditEntries(.accountLocked).count == 1)
        }
    }

    /// With `FUYUAN_REQUIRE_SECOND_FACTOR=administrators`, an administrator without a second factor is led to its
    /// page from everywhere (the API says 403) until it is set up, and cannot turn it off; other roles go on as before.
    @Test func aRequiredSecondFactorComesBeforeEverythingElseForAdministrators() async throws {
        try await withTestApp { app in
            app.config.secondFactorRequiredForAdministrators = true
            let security = try await app.signIn("secadmin")
            let users = try await app.send(.GET, "/admin/users", as: security)
            #expect(users.status == .seeOther)
            #expect(users.location == "/account/second-factor")
            let api = try await app.send(.GET, "/api/v1/users", as: security)
            #expect(api.status == .forbidden)
            #expect(api.text == #"{"error":{"code":"second_factor_required","message":"请先启用动态口令"}}"#)
            let page = try await app.send(.GET, "/account/second-factor", as: security)
            #expect(page.status == .ok)
            #expect(page.text.contains("本系统要求管理员使用动态口令：请先完成设置，再继续使用。"))
            let office = try await app.signIn("lushan.office")
            #expect(try await app.send(.GET, "/regions/410423", as: office).status == .ok)

            let key = try Self.key(in: page.text)
            Self.startAStep(app)
            let enabled = try await app.send(
                .POST, "/account/second-factor", as: security,
                form: [("key", Base32.encode(key)), ("code", Self.code(key, app)), ("password", DemoData.password)])
            #expect(enabled.text.contains("已启用动态口令"))
            #expect(try await app.send(.GET, "/admin/users", as: security).status == .ok)
            let off = try await app.send(
                .POST, "/account/second-factor/disable", as: security,
                form: [("code", Self.code(key, app, steps: 1)), ("password", DemoData.password)])
            #expect(off.status == .unprocessableEntity)
            #expect(off.text.contains("本系统要求管理员使用动态口令，不能停用"))
            #expect(try await app.user(named: "secadmin").sealedTOTPKey != nil)
        }
    }

    /// AS-11 for actions on other accounts: five minutes after signing in, clearing someone's second factor first
    /// asks for the password again, changes nothing until then, and comes back to the users page afterwards.
    @Test func actionsOnOtherAccountsTakeAFreshConfirmation() async throws {
        try await withTestApp { app in
            let system = try await app.signIn("sysadmin")
            let key = try Self.key(in: try await app.send(.GET, "/account/second-factor", as: system).text)
            Self.startAStep(app)
            _ = try await app.send(
                .POST, "/account/second-factor", as: system,
                form: [("key", Base32.encode(key)), ("code", Self.code(key, app)), ("password", DemoData.password)])
            let security = try await app.signIn("secadmin")
            let id = try await app.user(named: "sysadmin").id!
            let reset = "/admin/users/\(id.uuidString)/second-factor/reset"
            app.clock.advance(by: 6 * 60)
            let asked = try await app.send(.POST, reset, as: security, form: [])
            #expect(asked.status == .seeOther)
            #expect(asked.location == "/account/confirm?next=/admin/users")
            #expect(try await app.user(named: "sysadmin").sealedTOTPKey != nil)
            let page = try await app.send(.GET, "/account/confirm?next=/admin/users", as: security)
            #expect(page.text.contains(#"<input type="hidden" name="next" value="/admin/users">"#))
            let wrong = try await app.send(
                .POST, "/account/confirm", as: security, form: [("password", "Wrong#2026"), ("next", "/admin/users")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("当前密码：不正确"))
            let confirmed = try await app.send(
                .POST, "/account/confirm", as: security,
                form: [("password", DemoData.password), ("next", "/admin/users")])
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/admin/users")
            #expect(try await app.send(.POST, reset, as: security, form: []).location == "/admin/users")
            #expect(try await app.user(named: "sysadmin").sealedTOTPKey == nil)
            // Five minutes after the confirmation it is asked for again.
            app.clock.advance(by: 6 * 60)
            #expect(
                try await app.send(.POST, reset, as: security, form: []).location
                    == "/account/confirm?next=/admin/users")
            // It only ever leads back to an administration page here.
            #expect(ConfirmPages.returnPath("//example.com/admin/") == "/")
            #expect(ConfirmPages.returnPath("https://example.com/admin/users") == "/")
            #expect(ConfirmPages.returnPath("/admin/tokens") == "/admin/tokens")
        }
    }
}
