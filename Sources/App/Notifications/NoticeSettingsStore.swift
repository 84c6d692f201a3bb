import Fluent
import FuyuanCore
import Vapor

/// A person's own notice settings: their mail address and, per kind of notice, whether mail brings it.
enum NoticeSettingsStore {
    /// What the settings page shows and takes.
    struct Settings: Equatable {
        var email: String
        /// `NoticeKind.byMail` of each kind chosen.
        var choices: Set<String>
    }

    /// The kinds `role` may choose, among the features' kinds.
    static func kinds(for role: Role, of features: [Feature]) -> [NoticeKind] {
        features.flatMap(\.noticeKinds).filter { $0.roles.contains(role) }
    }

    /// The kinds on by default for `role`.
    static func defaults(for role: Role, of features: [Feature]) -> Set<String> {
        Set(kinds(for: role, of: features).filter(\.onByDefault).map(\.byMail))
    }

    static func read(_ caller: Caller, features: [Feature], seal: FieldSeal, on db: any Database) async throws
        -> Settings
    {
        guard let row = try await NoticeSetting.query(on: db).filter(\.$user.$id == caller.userID).first() else {
            return Settings(email: "", choices: defaults(for: caller.role, of: features))
        }
        return Settings(
            email: row.sealedEmail.isEmpty ? "" : try seal.open(row.sealedEmail),
            choices: Set(row.choices.split(separator: " ").map(String.init)))
    }

    /// Saves the caller's settings; a choice of a kind that is not theirs is left out.
    static func save(_ settings: Settings, features: [Feature], as acting: Acting) async throws {
        let caller = acting.caller
        let email = settings.email.trimmingCharacters(in: .whitespaces)
        guard email.isEmpty || MailAddress.isValid(email) else {
            throw AppError.invalid("邮箱：“\(email)”不是有效的邮箱地址")
        }
        let kinds = kinds(for: caller.role, of: features)
        let choices = settings.choices.intersection(kinds.map(\.byMail))
        let sealed = email.isEmpty ? "" : acting.seal.seal(email)
        let chosen = kinds.filter { choices.contains($0.byMail) }.map(\.label)
        let summary =
            "修改通知设置：\(email.isEmpty ? "未留邮箱" : "已留邮箱")；邮件接收 "
            + (chosen.isEmpty ? "无" : chosen.joined(separator: "、"))
        try await acting.db.write { db in
            if let row = try await NoticeSetting.query(on: db).filter(\.$user.$id == caller.userID).first() {
                row.sealedEmail = sealed
                row.choices = choices.sorted().joined(separator: " ")
                try await row.update(on: db)
            } else {
                try await NoticeSetting(userID: caller.userID, sealedEmail: sealed, choices: choices).create(on: db)
            }
            try await acting.audit(
                .noticeSettingsChanged, object: ("user", caller.userID.uuidString), summary: summary, on: db)
        }
    }
}
