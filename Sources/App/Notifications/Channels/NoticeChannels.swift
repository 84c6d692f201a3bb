import Fluent
import FuyuanCore
import Vapor

/// The channels the system administrator sets: the mail server, from `FUYUAN_SMTP_URL` when set (the page then only
/// shows it), or else as saved on the channels page; the SMS gateway as saved there. Each sealed whole.
enum NoticeChannels {
    static let mailKind = "mail"
    static let smsKind = "sms"

    /// The SMS gateway in use; nil when none is set.
    static func smsGateway(_ app: Application, on db: any Database) async throws -> SMSGateway? {
        try await stored(smsKind, as: SMSGateway.self, app.fieldSeal, on: db)
    }

    private static func stored<T: Decodable>(_ kind: String, as type: T.Type, _ seal: FieldSeal, on db: any Database)
        async throws -> T?
    {
        guard let row = try await NoticeChannel.query(on: db).filter(\.$kind == kind).first() else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(try seal.open(row.sealedSettings).utf8))
    }

    /// Seals and stores `settings` as the channel `kind`, with the audit entry `action` saying `summary`.
    private static func store(
        _ settings: some Encodable, as kind: String, _ action: AuditAction, summary: String, by acting: Acting
    ) async throws {
        let sealed = acting.seal.seal(String(decoding: try JSONEncoder().encode(settings), as: UTF8.self))
        try await acting.db.write { db in
            if let row = try await NoticeChannel.query(on: db).filter(\.$kind == kind).first() {
                row.sealedSettings = sealed
                try await row.update(on: db)
            } else {
                try await NoticeChannel(kind: kind, sealedSettings: sealed).create(on: db)
            }
            try await acting.audit(action, object: ("notice_channel", kind), summary: summary, on: db)
        }
    }

    /// Whether `caller` sets the channels: they serve the whole installation, so only a system administrator of the
    /// top of the region tree does.
    static func mayConfigure(_ caller: Caller) -> Bool {
        caller.role.may(.manageAccounts) && !caller.regionPath.contains("/")
    }

    private static func requireConfigurer(_ acting: Acting) throws {
        _ = try acting.caller(for: .manageAccounts)
        guard mayConfigure(acting.caller) else { throw AppError.forbidden }
    }

    /// Saves the SMS gateway set on the channels page.
    static func save(_ gateway: SMSGateway, as acting: Acting) async throws {
        try requireConfigurer(acting)
        var gateway = gateway
        gateway.url = gateway.url.trimmingCharacters(in: .whitespaces)
        gateway.template = gateway.template.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String] = []
        if !WebAddress.isHTTP(gateway.url) { problems.append("短信平台地址：须为 http:// 或 https:// 开头的地址") }
        if !gateway.template.isEmpty,
            !JSONText.isValidTemplate(gateway.template, placeholders: ["{{phone}}", "{{text}}"])
        {
            problems.append("请求模板：代入 {{phone}}、{{text}} 后不是有效的 JSON")
        }
        if !(20...500).contains(gateway.maxLength) { problems.append("每条字数：须在 20 至 500 之间") }
        guard problems.isEmpty else { throw AppError.invalid(problems.joined(separator: "\n")) }
        try await store(
            gateway, as: smsKind, .smsGatewaySet, summary: "设置短信平台 \(gateway.shownURL)（每条 \(gateway.maxLength) 字）",
            by: acting)
    }

    /// The mail server in use; nil when none is set.
    static func mailServer(_ app: Application, on db: any Database) async throws -> MailServer? {
        if let server = app.config.mailServer { return server }
        return try await stored(mailKind, as: MailServer.self, app.fieldSeal, on: db)
    }

    /// Saves the mail server set on the channels page; an empty password keeps the one saved before.
    static func save(_ server: MailServer, as acting: Acting, app: Application) async throws {
        try requireConfigurer(acting)
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
        try await store(server, as: mailKind, .mailServerSet, summary: "设置邮件服务器 \(server.description)", by: acting)
    }
}

extension NoticeChannels {
    /// Opens every sealed field of the notices with `old` and seals it with `new`; answers how many. Part of
    /// `DataKeyRotation`'s transaction.
    static func reseal(from old: FieldSeal, to new: FieldSeal, on db: any Database) async throws -> Int {
        func again(_ sealed: String) throws -> String { sealed.isEmpty ? "" : new.seal(try old.open(sealed)) }
        var count = 0
        for setting in try await NoticeSetting.query(on: db).all() {
            (setting.sealedEmail, setting.sealedPhone) = (
                try again(setting.sealedEmail), try again(setting.sealedPhone)
            )
            try await setting.update(on: db)
            count += [setting.sealedEmail, setting.sealedPhone].filter { !$0.isEmpty }.count
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
