import Foundation

/// Every page address the views link to. Routes register the same shapes in `routes.swift`.
enum SitePath: Sendable, Equatable {
    case home
    case login
    case logout
    case password
    case secondFactor
    case secondFactorDisable
    case confirm
    case region(String)
    case units(String)
    case unit(UUID)
    case unitEdit(UUID)
    case meeting(String)
    case meetingEdit(String)
    case regionsAdmin
    case users
    case userNew
    case userRole(UUID)
    case userUnlock(UUID)
    case userReset(UUID)
    case userActive(UUID)
    case userSecondFactorReset(UUID)
    case tokens
    case tokenRevoke(UUID)
    case audit
    case securityAlerts
    case ledger(String)
    case ledgerExport(String, format: String)
    case newItem(String)
    case ledgerImport(String)
    case lists(String)
    case item(UUID)
    case itemEdit(UUID)
    case itemAction(UUID, String)
    case supervision(String)
    case supervisionRespond(UUID)
    case notices
    case litigation(String)
    case cases(String)
    case newCase(String)
    case caseImport(String)
    case caseTemplate(String, format: String)
    case adminCase(UUID)
    case adminCaseDelete(UUID)
    case attachment(UUID)
    case noticesRead
    case noticesRun
    case asset(String)

    var url: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .password: "/account/password"
        case .secondFactor: "/account/second-factor"
        case .secondFactorDisable: "/account/second-factor/disable"
        case .confirm: "/account/confirm"
        case .region(let code): "/regions/\(code)"
        case .units(let code): "/regions/\(code)/units"
        case .unit(let id): "/units/\(id.uuidString)"
        case .unitEdit(let id): "/units/\(id.uuidString)/edit"
        case .meeting(let code): "/regions/\(code)/meeting"
        case .meetingEdit(let code): "/regions/\(code)/meeting/edit"
        case .regionsAdmin: "/admin/regions"
        case .users: "/admin/users"
        case .userNew: "/admin/users/new"
        case .userRole(let id): "/admin/users/\(id.uuidString)/role"
        case .userUnlock(let id): "/admin/users/\(id.uuidString)/unlock"
        case .userReset(let id): "/admin/users/\(id.uuidString)/reset-password"
        case .userActive(let id): "/admin/users/\(id.uuidString)/active"
        case .userSecondFactorReset(let id): "/admin/users/\(id.uuidString)/second-factor/reset"
        case .tokens: "/admin/tokens"
        case .tokenRevoke(let id): "/admin/tokens/\(id.uuidString)/revoke"
        case .audit: "/audit"
        case .securityAlerts: "/admin/alerts"
        case .ledger(let code): "/regions/\(code)/ledger"
        case .ledgerExport(let code, let format): "/regions/\(code)/ledger.\(format)"
        case .newItem(let code): "/regions/\(code)/ledger/new"
        case .ledgerImport(let code): "/regions/\(code)/ledger/import"
        case .lists(let code): "/regions/\(code)/lists"
        case .item(let id): "/items/\(id.uuidString)"
        case .itemEdit(let id): "/items/\(id.uuidString)/edit"
        case .itemAction(let id, let action): "/items/\(id.uuidString)/\(action)"
        case .supervision(let code): "/regions/\(code)/supervision"
        case .supervisionRespond(let id): "/supervision-targets/\(id.uuidString)/respond"
        case .notices: "/notices"
        case .litigation(let code): "/regions/\(code)/litigation"
        case .cases(let code): "/regions/\(code)/litigation/cases"
        case .newCase(let code): "/regions/\(code)/litigation/cases/new"
        case .caseImport(let code): "/regions/\(code)/litigation/cases/import"
        case .caseTemplate(let code, let format): "/regions/\(code)/litigation/cases/template.\(format)"
        case .adminCase(let id): "/litigation/cases/\(id.uuidString)"
        case .adminCaseDelete(let id): "/litigation/cases/\(id.uuidString)/delete"
        case .attachment(let id): "/attachments/\(id.uuidString)"
        case .noticesRead: "/notices/read"
        case .noticesRun: "/notices/run"
        case .asset(let name): "/assets/\(name)"
        }
    }
}
