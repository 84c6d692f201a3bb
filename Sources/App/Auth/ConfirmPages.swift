import Vapor

/// `/account/confirm`: typing one's password again before an action on other accounts (`Reauthentication`), then
/// back to the page the action is on.
struct ConfirmPages {
    struct ConfirmForm: Content {
        var password: String?
        var next: String?
    }

    func page(_ request: Request) async throws -> HTMLPage {
        try await render(request, next: try? request.query.get(String.self, at: "next"), problems: [])
    }

    func confirm(_ request: Request) async throws -> Response {
        let caller = try request.requireCaller()
        let form = try request.content.decode(ConfirmForm.self)
        guard let user = try await User.find(caller.userID, on: request.db) else { throw AppError.unauthorized }
        if let problem = try await Reauthentication.problem(
            password: form.password ?? "", of: user, as: try request.acting())
        {
            return try await render(request, next: form.next, problems: [problem]).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
        try await Reauthentication.confirm(as: try request.acting())
        return request.redirect(to: Self.returnPath(form.next))
    }

    /// Only back to an administration page of this site: never elsewhere.
    static func returnPath(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin/"), !next.contains("//"), !next.contains("\\") else {
            return SitePath.home.url
        }
        return next
    }

    private func render(_ request: Request, next: String?, problems: [String]) async throws -> HTMLPage {
        ConfirmView.render(
            .init(next: Self.returnPath(next), problems: problems), shell: try await request.shell())
    }
}
