import Fluent
import Vapor

func routes(_ app: Application) throws {
    let signedIn = app.grouped(RequireSignIn())
    let api = app.grouped("api", "v1")
    let signedInAPI = signedIn.grouped("api", "v1").grouped(IdempotencyMiddleware())

    do {  // Core: assets, health, the API description
        app.get("assets", ":name") { request -> Response in
            guard let response = Assets.response(named: try request.parameters.require("name")) else {
                throw AppError.notFound("文件")
            }
            return response
        }
        let health = HealthCheck()
        app.get("health", "live", use: health.live)
        app.get("health", "ready", use: health.ready)
        api.get("openapi.json", use: OpenAPIDocument.serve)
    }

    do {  // Auth
        let pages = AuthPages()
        app.get("login", use: pages.loginPage)
        app.post("login", use: pages.signIn)
        signedIn.get(use: pages.home)
        signedIn.post("logout", use: pages.signOut)
        signedIn.get("account", "password", use: pages.passwordPage)
        signedIn.post("account", "password", use: pages.changePassword)
        let secondFactor = SecondFactorPages()
        signedIn.get("account", "second-factor", use: secondFactor.page)
        signedIn.post("account", "second-factor", use: secondFactor.enable)
        signedIn.post("account", "second-factor", "disable", use: secondFactor.disable)
        let confirm = ConfirmPages()
        signedIn.get("account", "confirm", use: confirm.page)
        signedIn.post("account", "confirm", use: confirm.confirm)
        let tokens = TokensPages()
        signedIn.get("admin", "tokens", use: tokens.list)
        signedIn.post("admin", "tokens", use: tokens.issue)
        signedIn.post("admin", "tokens", ":id", "revoke", use: tokens.revoke)

        let authAPI = AuthAPI()
        api.post("auth", "login", use: authAPI.login)
        signedInAPI.post("auth", "logout", use: authAPI.logout)
        signedInAPI.get("me", use: authAPI.me)
    }

    do {  // Org: regions, units, joint meetings, users
        let pages = OrgPages()
        signedIn.get("regions", "go", use: pages.regionGo)
        signedIn.get("regions", ":code", use: pages.regionHome)
        signedIn.get("regions", ":code", "units", use: pages.units)
        signedIn.post("regions", ":code", "units", use: pages.createUnit)
        signedIn.get("units", ":id", "edit", use: pages.editUnitPage)
        signedIn.post("units", ":id", use: pages.updateUnit)
        signedIn.get("regions", ":code", "meeting", use: pages.meeting)
        signedIn.get("regions", ":code", "meeting", "edit", use: pages.editMeetingPage)
        signedIn.post("regions", ":code", "meeting", use: pages.saveMeeting)

        let regionsAdmin = RegionsAdminPages()
        signedIn.get("admin", "regions", use: regionsAdmin.list)
        signedIn.post("admin", "regions", use: regionsAdmin.create)

        let users = UsersPages()
        signedIn.get("admin", "users", use: users.list)
        signedIn.get("admin", "users", "new", use: users.newUserPage)
        signedIn.post("admin", "users", use: users.create)
        signedIn.post("admin", "users", ":id", "role", use: users.changeRole)
        signedIn.post("admin", "users", ":id", "unlock", use: users.unlock)
        signedIn.post("admin", "users", ":id", "reset-password", use: users.resetPassword)
        signedIn.post("admin", "users", ":id", "active", use: users.setActive)
        signedIn.post("admin", "users", ":id", "second-factor", "reset", use: users.resetSecondFactor)

        let orgAPI = OrgAPI()
        signedInAPI.get("regions", use: orgAPI.regions)
        signedInAPI.post("regions", use: orgAPI.createRegion)
        signedInAPI.get("regions", ":code", use: orgAPI.region)
        signedInAPI.get("regions", ":code", "units", use: orgAPI.units)
        signedInAPI.post("regions", ":code", "units", use: orgAPI.createUnit)
        signedInAPI.get("units", ":id", use: orgAPI.unit)
        signedInAPI.patch("units", ":id", use: orgAPI.updateUnit)
        signedInAPI.get("regions", ":code", "joint-meeting", use: orgAPI.meeting)
        signedInAPI.put("regions", ":code", "joint-meeting", use: orgAPI.saveMeeting)
        signedInAPI.get("users", use: orgAPI.users)
        signedInAPI.post("users", use: orgAPI.createUser)
        signedInAPI.get("users", ":id", use: orgAPI.user)
    }

    do {  // Ledger: the 双清单 工作台账
        let pages = LedgerPages()
        signedIn.get("regions", ":code", "ledger", use: pages.ledger)
        signedIn.get("regions", ":code", "ledger.csv", use: pages.exportCSV)
        signedIn.get("regions", ":code", "ledger.xlsx", use: pages.exportXLSX)
        signedIn.get("regions", ":code", "ledger", "new", use: pages.newItemPage)
        signedIn.post("regions", ":code", "ledger", use: pages.createItem)
        signedIn.post("regions", ":code", "lists", use: pages.createList)
        signedIn.on(
            .POST, "regions", ":code", "ledger", "import", body: .collect(maxSize: "20mb"), use: pages.importFile)
        signedIn.get("items", ":id", use: pages.item)
        signedIn.get("items", ":id", "edit", use: pages.editItemPage)
        signedIn.post("items", ":id", use: pages.editItem)
        signedIn.post("items", ":id", "issue", use: pages.issue)
        signedIn.post("items", ":id", "step", use: pages.step)
        signedIn.post("items", ":id", "reports", use: pages.report)
        signedIn.post("items", ":id", "extensions", use: pages.requestExtension)
        signedIn.post("items", ":id", "extensions", "decide", use: pages.decideExtension)
        signedIn.post("items", ":id", "hand-down", use: pages.handDown)
        signedIn.post("items", ":id", "not-applicable", use: pages.declareNotApplicable)
        signedIn.post("items", ":id", "assign", use: pages.assign)
        signedIn.post("items", ":id", "links", use: pages.link)
        signedIn.on(.POST, "items", ":id", "attachments", body: .collect(maxSize: "20mb"), use: pages.attach)
        signedIn.get("attachments", ":id", use: pages.download)

        let ledgerAPI = LedgerAPI()
        signedInAPI.get("regions", ":code", "lists", use: ledgerAPI.lists)
        signedInAPI.post("regions", ":code", "lists", use: ledgerAPI.createList)
        signedInAPI.get("regions", ":code", "items", use: ledgerAPI.items)
        signedInAPI.post("items", use: ledgerAPI.createItem)
        signedInAPI.get("items", ":id", use: ledgerAPI.item)
        signedInAPI.patch("items", ":id", use: ledgerAPI.editItem)
        signedInAPI.post("items", ":id", "issue", use: ledgerAPI.issue)
        signedInAPI.post("items", ":id", "steps", use: ledgerAPI.step)
        signedInAPI.post("items", ":id", "reports", use: ledgerAPI.report)
        signedInAPI.post("items", ":id", "hand-down", use: ledgerAPI.handDown)
        signedInAPI.get("items", ":id", "roll-up", use: ledgerAPI.rollUp)
    }

    do {  // Supervision: 催办, 提醒函, 通报
        let pages = SupervisionPages()
        signedIn.get("regions", ":code", "supervision", use: pages.list)
        signedIn.post("regions", ":code", "supervision", use: pages.issue)
        signedIn.post("supervision-targets", ":id", "respond", use: pages.respond)

        let supervisionAPI = SupervisionAPI()
        signedInAPI.get("regions", ":code", "supervision", use: supervisionAPI.list)
        signedInAPI.post("regions", ":code", "supervision", use: supervisionAPI.issue)
        signedInAPI.post("supervision-targets", ":id", "respond", use: supervisionAPI.respond)
    }

    do {  // Notifications: the daily digest and the notification centre
        let pages = NoticePages()
        signedIn.get("notices", use: pages.list)
        signedIn.post("notices", "read", use: pages.markRead)
        signedIn.post("notices", "run", use: pages.run)
    }

    do {  // Litigation: cases, hearings and the figures
        let pages = LitigationPages()
        signedIn.get("regions", ":code", "litigation", use: pages.dashboard)
        signedIn.get("regions", ":code", "litigation", "bulletin", use: pages.bulletin)
        signedIn.post("regions", ":code", "litigation", "warnings", use: pages.superviseWarning)
        let cases = CasePages()
        signedIn.get("regions", ":code", "litigation", "cases", use: cases.list)
        signedIn.post("regions", ":code", "litigation", "cases", use: cases.create)
        signedIn.get("regions", ":code", "litigation", "cases", "new", use: cases.newCase)
        signedIn.get("regions", ":code", "litigation", "cases", "template.xlsx") {
            try await cases.template($0, format: "xlsx")
        }
        signedIn.get("regions", ":code", "litigation", "cases", "template.csv") {
            try await cases.template($0, format: "csv")
        }
        signedIn.on(.POST, "regions", ":code", "litigation", "cases", "import", body: .stream, use: cases.importCases)
        signedIn.get("litigation", "cases", ":id", use: cases.show)
        signedIn.post("litigation", "cases", ":id", use: cases.update)
        signedIn.post("litigation", "cases", ":id", "delete", use: cases.delete)

        let litigationAPI = LitigationAPI()
        signedInAPI.on(
            .POST, "litigation", "cases", "import", body: .stream, use: litigationAPI.importCases)
        signedInAPI.get("litigation", "figures", use: litigationAPI.figures)
        signedInAPI.get("litigation", "cases", use: litigationAPI.cases)
        signedInAPI.get("litigation", "cases", ":id", use: litigationAPI.adminCase)
    }

    do {  // Audit
        signedIn.get("audit", use: AuditPages().list)
        signedIn.get("admin", "alerts", use: SecurityAlertPages().list)
    }
}
