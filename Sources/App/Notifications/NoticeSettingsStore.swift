import Fluent
import FuyuanCore
import Vapor

/// A person's own notice settings: their mail address and mobile number and, per kind of notice, the channels that
/// bring it.
enum NoticeSettingsStore {
    /// What the settings page shows and takes.
    struct Settings: Equatable {
        var email: String
        var phone: String
        /// `NoticeKind.choice(_:)` of each kind and channel chosen.
        var choices: Set<String>
    }

    /// The kinds `role` may choose, among the features' kinds.
    static func kinds(for role: Role, of features: [Feature]) -> [NoticeKind] {
        features.flatMap(\.noticeKinds).filter { $0.roles.contains(role) }
    }

    /// The kinds on by default for `role`: by mail.
    static func defaults(for role: Role, of features: [Feature]) -> Set<String> {
        Set(kinds(for: role, of: features).filter(\.onByDefault).map { $0.choice(.mail) })
    }

    static func read(_ caller: Caller, features: [Feature], seal: FieldSeal, on db: any Database) async throws
        -> Settings
    {
        guard let row = try await NoticeSetting.query(on: db).filter(\.$user.$id == caller.userID).first() else {
            return Settings(email: "", phone: "", choices: defaults(for: caller.role, of: features))
        }
        return Settings(
            email: row.sealedEmail.isEmpty ? "" : try seal.open(row.sealedEmail),
            phone: row.sealedPhone.isEmpty ? "" : try seal.open(row.sealedPhone),
            choices: row.chosen)
    }

    /// Saves the caller's settings; a choice of a kind that is not theirs is left out. The audit entry says what
    /// was chosen and whether an address and number are given, never what they are.
    static func save(_ settings: Settings, features: [Feature], as acting: Acting) async throws {
        let caller = acting.caller
        let email = settings.email.trimmingCharacters(in: .whitespaces)
        let phone = settings.phone.filter { !$0.isWhitespace && $0 != "-" }
        var problems: [String] = []
        if !email.isEmpty, !MailAddress.isValid(email) { problems.append("邮箱：“\(email)”不是有效的邮箱地址") }
        if !phone.isEmpty, !MobileNumber.isValid(phone) { problems.append("手机号：“\(phone)”不是 11 位的手机号") }
        guard problems.isEmpty else { throw AppError.invalid(problems.joined(separator: "\n")) }
        let kinds = kinds(for: caller.role, of: features)
        let choices = settings.choices.intersection(
            kinds.flatMap { kind in Delivery.Channel.personal.map { kind.choice($0) } })
        let (sealedEmail, sealedPhone) = (
            email.isEmpty ? "" : acting.seal.seal(email), phone.isEmpty ? "" : acting.seal.seal(phone)
        )
        let chosen = Delivery.Channel.personal.map { channel in
            let labels = kinds.filter { choices.contains($0.choice(channel)) }.map(\.label)
            return "\(channel.label)接收 " + (labels.isEmpty ? "无" : labels.joined(separator: "、"))
        }
        let summary =
            "修改通知设置：\(email.isEmpty ? "未留邮箱" : "已留邮箱")、\(phone.isEmpty ? "未留手机号" : "已留手机号")；"
            + chosen.joined(separator: "；")
        try await acting.db.write { db in
            if let row = try await NoticeSetting.query(on: db).filter(\.$user.$id == caller.userID).first() {
                (row.sealedEmail, row.sealedPhone) = (sealedEmail, sealedPhone)
                row.choices = choices.sorted().joined(separator: " ")
                try await row.update(on: db)
            } else {
                try await NoticeSetting(
                    userID: caller.userID, sealedEmail: sealedEmail, sealedPhone: sealedPhone, choices: choices
                ).create(on: db)
            }
            try await acting.audit(
                .noticeSettingsChanged, object: ("user", caller.userID.uuidString), summary: summary, on: db)
        }
    }
}
