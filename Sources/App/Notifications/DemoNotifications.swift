import Fluent
import FuyuanCore

/// The demo's notice settings: every demo account has the address `<username>@fuyuan.test` and takes by mail the
/// kinds its role takes by default (the daily digest for the business roles).
enum DemoNotifications {
    static let domain = "fuyuan.test"

    static func load(_ context: DemoLoader.Context) async throws {
        for user in try await User.query(on: context.db).all() {
            let choices = NoticeSettingsStore.defaults(for: user.role, of: Feature.all)
            guard !choices.isEmpty else { continue }
            try await NoticeSetting(
                userID: try user.requireID(), sealedEmail: context.seal.seal("\(user.username)@\(domain)"),
                sealedPhone: "",
                choices: choices
            ).create(on: context.db)
        }
    }
}
