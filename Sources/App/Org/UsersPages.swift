import Fluent
import FuyuanCore
import Vapor

/// The account pages of the system administrator and the security administrator.
struct UsersPages {
    static let pageSize = 50

    func list(_ request: Request) async throws -> HTMLPage {
        try await page(request, problems: [], notice: nil)
    }

    func newUserPage(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .manageAccounts)
        return try await newPage(request, caller: caller, values: nil, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .manageAccounts)
        let input = try request.content.decode(UserInput.self)
        do {
            let (user, password) = try await UserStore.create(input, as: try request.acting())
            return try await page(
                request, problems: [],
                notice: .init(text: "已创建用户 \(user.username)。请将一次性密码当面交给本人，首次登录须修改：", secret: password)
            )
            .encodeResponse(for: request)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await newPage(request, caller: caller, values: input, problems: [error.reason]).encodeResponse(
                status: error.status, for: request)
        }
    }

    func changeRole(_ request: Request) async throws -> Response {
        struct Form: Content { var role: Role }
        let user = try await scopedUser(request, for: .assignRoles)
        if let confirm = try await request.confirmationNeeded(returnTo: .users) { return confirm }
        try await UserStore.changeRole(user, to: try request.content.decode(Form.self).role, as: try request.acting())
        return request.redirect(to: SitePath.users.url)
    }

    func unlock(_ request: Request) async throws -> Response {
        let user = try await scopedUser(request, for: .assignRoles)
        try await UserStore.unlock(user, as: try request.acting())
        return request.redirect(to: SitePath.users.url)
    }

    func resetSecondFactor(_ request: Request) async throws -> Response {
        let user = try await scopedUser(request, for: .assignRoles)
        if let confirm = try await request.confirmationNeeded(returnTo: .users) { return confirm }
        try await SecondFactor.reset(user, as: try request.acting())
        return request.redirect(to: SitePath.users.url)
    }

    func resetPassword(_ request: Request) async throws -> Response {
        let user = try await scopedUser(request, for: .manageAccounts)
        if let confirm = try await request.confirmationNeeded(returnTo: .users) { return confirm }
        let password = try await UserStore.resetPassword(user, as: try request.acting())
        return try await page(
            request, problems: [], notice: .init(text: "已重置 \(user.username) 的密码。一次性密码（仅显示这一次）：", secret: password)
        ).encodeResponse(for: request)
    }

    func setActive(_ request: Request) async throws -> Response {
        struct Form: Content { var active: String }
        let user = try await scopedUser(request, for: .manageAccounts)
        try await UserStore.setActive(
            user, try request.content.decode(Form.self).active == "1", as: try request.acting())
        return request.redirect(to: SitePath.users.url)
    }

    private func scopedUser(_ request: Request, for action: Action) async throws -> User {
        let caller = try request.caller(for: action)
        guard let user = try await caller.scope.users(on: request.db).filter(\.$id == request.idParameter()).first()
        else {
            throw AppError.notFound("用户")
        }
        return user
    }

    private func page(_ request: Request, problems: [String], notice: UsersView.Notice?) async throws -> HTMLPage {
        let caller = try request.requireCaller()
        guard caller.role.may(.manageAccounts) || caller.role.may(.assignRoles) else { throw AppError.forbidden }
        let pageNumber = Paging.page(try? request.query.get(Int.self, at: "page"), size: Self.pageSize)
        let users = try await caller.scope.users(on: request.db)
            .sort(Region.self, \.$path).sort(\.$username)
            .range(((pageNumber - 1) * Self.pageSize)..<(pageNumber * Self.pageSize + 1))
            .all()
        let names = users.map(\.username)
        let locked = try await LoginThrottle.query(on: request.db)
            .filter(\.$username ~~ names).filter(\.$lockedUntil > request.now).all().map(\.username)
        let rows = try users.prefix(Self.pageSize).map { user in
            UsersView.Row(
                id: try user.requireID(), username: user.username, displayName: user.displayName,
                unit: try user.joined(Unit.self).name, region: try user.joined(Region.self).name, role: user.role,
                isActive: user.isActive, isLocked: locked.contains(user.username),
                hasSecondFactor: user.sealedTOTPKey != nil)
        }
        let recentAlerts =
            caller.role.may(.readSecurityAlerts)
            ? try await SecurityAlertPages.lastDay(caller, now: request.now, on: request.db) : nil
        let model = UsersView.Model(
            rows: rows, page: pageNumber, hasNext: users.count > Self.pageSize,
            canManage: caller.role.may(.manageAccounts), canAssign: caller.role.may(.assignRoles),
            problems: problems, notice: notice, recentAlerts: recentAlerts)
        return UsersView.render(model, shell: try await request.shell())
    }

    private func newPage(_ request: Request, caller: Caller, values: UserInput?, problems: [String]) async throws
        -> HTMLPage
    {
        let units = try await caller.scope.units(on: request.db).sort(Region.self, \.$path).sort(\.$name).all()
        let choices = try units.map {
            (id: try $0.requireID(), name: "\(try $0.joined(Region.self).name) · \($0.name)")
        }
        return UserNewView.render(
            .init(units: choices, values: values, problems: problems), shell: try await request.shell())
    }
}
