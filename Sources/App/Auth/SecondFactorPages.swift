import FuyuanCore
import Vapor

/// `/account/second-factor`: setting up, and turning off, the TOTP second factor for one's own account.
struct SecondFactorPages {
    struct EnableForm: Content {
        var key: String?
        var code: String?
        var password: String?
    }

    struct DisableForm: Content {
        var code: String?
        var password: String?
    }

    func page(_ request: Request) async throws -> HTMLPage {
        try await render(request, key: TOTP.makeKey(), problems: [], notice: nil)
    }

    func enable(_ request: Request) async throws -> Response {
        let form = try request.content.decode(EnableForm.self)
        guard let key = form.key.flatMap(Base32.decode), key.count >= 16 else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "密钥缺失或格式不正确，请刷新页面重新设置")
        }
        do {
            try await SecondFactor.enable(
                key: key, code: form.code ?? "", password: form.password ?? "", as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(request, key: key, problems: [error.reason], notice: nil).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        return try await render(request, key: key, problems: [], notice: "已启用动态口令：今后登录时需同时输入验证器显示的动态口令。")
            .encodeResponse(for: request)
    }

    func disable(_ request: Request) async throws -> Response {
        let form = try request.content.decode(DisableForm.self)
        do {
            try await SecondFactor.disable(
                code: form.code ?? "", password: form.password ?? "", as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(request, key: TOTP.makeKey(), problems: [error.reason], notice: nil).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        return try await render(request, key: TOTP.makeKey(), problems: [], notice: "已停用动态口令。").encodeResponse(
            for: request)
    }

    private func render(_ request: Request, key: [UInt8], problems: [String], notice: String?) async throws
        -> HTMLPage
    {
        let caller = try request.requireCaller()
        guard let user = try await User.find(caller.userID, on: request.db) else { throw AppError.unauthorized }
        let totp = TOTP(key: key)
        return SecondFactorView.render(
            .init(
                isSetUp: user.sealedTOTPKey != nil, username: caller.username, key: Base32.encode(key),
                uri: totp.uri(account: caller.username),
                problems: problems,
                notice: notice ?? (caller.mustSetUpSecondFactor ? "本系统要求管理员使用动态口令：请先完成设置，再继续使用。" : nil)),
            shell: try await request.shell())
    }
}
