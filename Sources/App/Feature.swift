import Fluent
import FuyuanCore
import Vapor

/// Everything one feature adds to the app, declared in its own folder (`Ledger/Ledger+Feature.swift` and so on). The
/// app is configured from `Feature.all` alone: a new register is its folder plus one line there
/// (docs/architecture.md, "Adding a register").
struct Feature: Sendable {
    /// The route groups a feature registers its pages and API on, each route with a pattern of the feature's path
    /// type (`LedgerPath.item`, `LedgerPath.API.items`).
    struct Routes {
        /// Open to anyone: the sign-in page and its API, health checks, assets.
        let open: any RoutesBuilder
        /// Pages for a signed-in caller (`RequireSignIn`).
        let pages: any RoutesBuilder
        /// `/api/v1` for a signed-in caller or a token, with `Idempotency-Key` on writes.
        let api: any RoutesBuilder
    }

    /// One entry of the menu under the top bar.
    struct MenuEntry: Sendable {
        let label: String
        /// Where it stands in the menu: the menu lists the entries a role sees by this number.
        let place: Int
        let roles: Set<Role>
        /// The entry's page, for the region the caller is looking at.
        let path: @Sendable (_ regionCode: String) -> SitePath
    }

    let name: String
    /// Its migrations, in the order they run; `seal` tags what is authenticated under the data key. Append only.
    var migrations: @Sendable (_ seal: FieldSeal) -> [any Migration] = { _ in [] }
    var routes: @Sendable (Routes) throws -> Void = { _ in }
    var menu: [MenuEntry] = []
    /// What it records in the audit log (`AuditAction.all` is every feature's, in the order of `all`).
    var auditActions: [AuditAction] = []
    /// What it tells each unit and office in the daily digest (`<Feature>+Digest.swift`).
    var digest: Digest.Part? = nil
    /// The kinds of notice it sends outside the product, which each person may choose by channel (`NoticeKind`).
    var noticeKinds: [NoticeKind] = []
    /// Its cards on a region's home page (`<Feature>+HomeCards.swift`).
    var homeCards: HomeCard.Source? = nil
    /// Its demo rows (`Demo<Feature>.swift`), loaded by `fuyuan serve --demo` after those of the features before it.
    var demo: DemoLoader.Part? = nil
    /// What it runs once a day (`DailyJob`).
    var dailyJobs: [DailyJob] = []
    /// Its part of the OpenAPI document (`<Feature>+OpenAPI.swift`).
    var api = APIDescription()
}

extension Feature {
    /// The business roles, who work on their region's records.
    static let businessRoles: Set<Role> = [.office, .liaison, .court, .leader]

    /// Every feature's migrations, feature by feature in the order of `all`.
    static func migrations(of features: [Feature], seal: FieldSeal) -> [any Migration] {
        features.flatMap { $0.migrations(seal) }
    }

    static func registerRoutes(of features: [Feature], on app: Application) throws {
        let pages = app.grouped(RequireSignIn())
        let routes = Routes(open: app, pages: pages, api: pages.grouped(IdempotencyMiddleware()))
        for feature in features { try feature.routes(routes) }
    }

    /// The menu `role` sees while looking at `regionCode`.
    static func menu(of features: [Feature], for role: Role, region regionCode: String) -> [PageShell.NavItem] {
        features.flatMap(\.menu).filter { $0.roles.contains(role) }.sorted { $0.place < $1.place }.map {
            PageShell.NavItem(label: $0.label, path: $0.path(regionCode))
        }
    }
}

extension Application {
    private struct FeaturesKey: StorageKey {
        typealias Value = [Feature]
    }

    /// The features the app was configured from (`Feature.all`); set by `configure`.
    var features: [Feature] {
        get { storage[FeaturesKey.self] ?? [] }
        set { storage[FeaturesKey.self] = newValue }
    }
}
