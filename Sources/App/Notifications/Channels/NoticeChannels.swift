import Fluent
import FuyuanCore
import Vapor

/// The channels the system administrator sets: the mail server, from `FUYUAN_SMTP_URL` when set (the page then only
/// shows it), or else as saved on the channels page, sealed whole.
enum NoticeChannels {
    static let mailKind = "mail"

    /// The mail server in use; nil when none is set.
    static func mailServer(_ app: Application, on db: any Database) async throws -> MailServer? {
        if let server = app.config.mailServer { return server }
        guard let stored = try await NoticeChannel.query(on: db).filter(\.$kind == mailKind).first() else {
            return nil
        }
        return try JSONDecoder().decode(MailServer.self, from: Data(try app.fieldSeal.open(stored.sealedSettings).utf8))
    }

    /// Saves the mail server set on the channels page; an empty password keeps the one saved before.
    static func save(_ server: MailServer, as acting: Acting, app: Application) async throws {
        _ = try acting.caller(for: .manageAccounts)
        guard app.config.mailServer == nil else {
            throw AppError.conflict("邮件服务器由配置 FUYUAN_SMTP_URL 设定，请在部署配置中修改")
        }
        var server = server
        server.host = server.host.trimmingCharacters(in: .whitespaces)
        server.sender = server.sender.trimmingCharacters(in: .whitespaces)
        guard !server.host.isEmpty, !server.host.contains(where: \.isWhitespace) else {
            throw AppError.invalid("服务器：请填写邮件服务器的主机名或 IP 地址")
        }
        guard (1...65535).contains(server.port) else { throw AppError.invalid("端口：须在 1 至 65535 之间") }
        guard MailAddress.isValid(server.sender) else {
            throw AppError.invalid("发件人：“\(server.sender)”不是有效的邮箱地址")
        }
        let previous = try await mailServer(app, on: acting.db)
        if server.password.isEmpty, let previous, previous.user == server.user { server.password = previous.password }
        let sealed = acting.seal.seal(String(decoding: try JSONEncoder().encode(server), as: UTF8.self))
        let shown = server.description
        try await acting.db.write { db in
            if let row = try await NoticeChannel.query(on: db).filter(\.$kind == mailKind).first() {
                row.sealedSettings = sealed
                try await row.update(on: db)
            } else {
                try await NoticeChannel(kind: mailKind, sealedSettings: sealed).create(on: db)
            }
            try await acting.audit(
                .mailServerSet, object: ("notice_channel", mailKind), summary: "设置邮件服务器 \(shown)",
                on: db)
        }
    }
}

extension NoticeChannels {
    /// Opens every sealed field of the notices with `old` and seals it with `new`; answers how many. Part of
    /// `DataKeyRotation`'s transaction.
    static func reseal(from old: FieldSeal, to new: FieldSeal, on db: any Database) async throws -> Int {
        func again(_ sealed: String) throws -> String { sealed.isEmpty ? "" : new.seal(try old.open(sealed)) }
        var count = 0
        for setting in try await NoticeSetting.query(on: db).filter(\.$sealedEmail != "").all() {
            setting.sealedEmail = try again(setting.sealedEmail)
            try await setting.update(on: db)
            count += 1
        }
        for robot in try await Robot.query(on: db).all() {
            (robot.sealedURL, robot.sealedSecret) = (try again(robot.sealedURL), try again(robot.sealedSecret))
            try await robot.update(on: db)
            count += robot.sealedSecret.isEmpty ? 1 : 2
        }
        for channel in try await NoticeChannel.query(on: db).all() {
            channel.sealedSettings = try again(channel.sealedSettings)
            try await channel.update(on: db)
            count += 1
        }
        return count
    }
}

/// A mail address as people type it: one `@`, something on each side, no spaces or angle brackets.
enum MailAddress {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.contains(where: { $0.isWhitespace || "<>,;\"()[]\\".contains($0) || !$0.isASCII })
    }
}
