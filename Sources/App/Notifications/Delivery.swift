import Fluent
import FuyuanCore
import Vapor

/// One message to one person's mail address or phone (read when it is sent) or to one group robot: written in the same transaction as what it tells
/// of (the outbox), then sent by `Deliverer` with retries, under a lease so that one instance sends it.
final class Delivery: Model, @unchecked Sendable {
    static let schema = "deliveries"

    enum Channel: String, Codable, CaseIterable, Sendable {
        case mail, sms, robot

        var label: String {
            switch self {
            case .mail: "邮件"
            case .sms: "短信"
            case .robot: "群机器人"
            }
        }

        /// The channels a person chooses for themselves (a robot is a group's).
        static let personal: [Channel] = [.mail, .sms]
    }

    enum State: String, Codable, CaseIterable, Sendable {
        /// Waiting for its first try or its next retry.
        case pending
        case sent
        /// Refused for good (a 5xx) or out of retries; the delivery log can send it again.
        case failed

        var label: String {
            switch self {
            case .pending: "待发送"
            case .sent: "已发送"
            case .failed: "失败"
            }
        }
    }

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// Unique: what makes it once-only (`digest:2026-12-07:user:<id>:mail`); a second write of the same is dropped.
    @Field(key: "key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "channel") var channel: Channel
    /// Who it is to, as the delivery log shows it (a user name, a robot's name).
    @Field(key: "recipient") var recipient: String
    @Field(key: "title") var title: String
    @Field(key: "lines") var lines: String
    /// The page it is about, as a path (`/notices`); the product's address (`FUYUAN_PUBLIC_URL`) is put before it
    /// when it is sent.
    @Field(key: "link") var link: String
    @Field(key: "state") var state: State
    @Field(key: "attempts") var attempts: Int
    /// Milliseconds since 1970: not before then.
    @Field(key: "next_at") var nextAt: Int64
    @Field(key: "lease_holder") var leaseHolder: String
    /// Milliseconds since 1970: the instance holding the lease is sending it until then.
    @Field(key: "lease_until") var leaseUntil: Int64
    /// The server's last answer, or why it could not be reached.
    @Field(key: "answer") var answer: String
    @OptionalField(key: "sent_at") var sentAt: Date?

    // relationships
    @Parent(key: "region_id") var region: Region
    @OptionalParent(key: "user_id") var user: User?
    @OptionalParent(key: "robot_id") var robot: Robot?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $key, $kind, $channel, $recipient, $title, $lines, $link, $state,
            $attempts, $nextAt, $leaseHolder, $leaseUntil, $answer, $sentAt, $region, $user, $robot,
        ]
    }

    init() {}

    /// Its lines, one a line.
    var lineList: [String] { lines.split(separator: "\n").map(String.init) }

    init(
        key: String, kind: NoticeKind, channel: Channel, regionID: UUID, userID: UUID?, robotID: UUID?,
        recipient: String, message: Outbox.Message, at now: Date
    ) {
        self.key = key
        self.kind = kind.key
        self.channel = channel
        self.$region.id = regionID
        self.$user.id = userID
        self.$robot.id = robotID
        self.recipient = recipient
        title = message.title
        lines = message.lines.joined(separator: "\n")
        link = message.link.url
        state = .pending
        attempts = 0
        nextAt = now.milliseconds
        leaseHolder = ""
        leaseUntil = 0
        answer = ""
    }
}

/// A person's own mail address, mobile number and choices of notices: the address and number are sealed, shown only
/// to them and the administrators. No row: the role's defaults (`NoticeKind.onByDefault`) and no address.
final class NoticeSetting: Model, @unchecked Sendable {
    static let schema = "notice_settings"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "sealed_email") var sealedEmail: String
    @Field(key: "sealed_phone") var sealedPhone: String
    /// The kinds and channels chosen, `digest:mail`, `alert:sms` and so on, space-separated.
    @Field(key: "choices") var choices: String

    // relationships
    @Parent(key: "user_id") var user: User

    var properties: [any AnyProperty] { [$id, $updatedAt, $sealedEmail, $sealedPhone, $choices, $user] }

    /// `choices` as a set.
    var chosen: Set<String> { Set(choices.split(separator: " ").map(String.init)) }

    init() {}

    init(userID: UUID, sealedEmail: String, sealedPhone: String, choices: Set<String>) {
        self.$user.id = userID
        self.sealedEmail = sealedEmail
        self.sealedPhone = sealedPhone
        self.choices = choices.sorted().joined(separator: " ")
    }
}

/// A channel's settings set on the channels page (the mail server, the SMS gateway), sealed whole with the data key.
final class NoticeChannel: Model, @unchecked Sendable {
    static let schema = "notice_channels"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// `mail` or `sms`; unique.
    @Field(key: "kind") var kind: String
    @Field(key: "sealed_settings") var sealedSettings: String

    var properties: [any AnyProperty] { [$id, $updatedAt, $kind, $sealedSettings] }

    init() {}

    init(kind: String, sealedSettings: String) {
        self.kind = kind
        self.sealedSettings = sealedSettings
    }
}

extension Date {
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}

struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Robot.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("recipient", .string, .required)
            .field("name", .string, .required)
            .field("preset", .string, .required)
            .field("sealed_url", .string, .required)
            .field("sealed_secret", .string, .required)
            .field("template", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(Robot.schema, "region_id", "recipient")
        try await database.schema(Delivery.schema)
            .id()
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("channel", .string, .required)
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("user_id", .uuid, .references(User.schema, "id"))
            .field("robot_id", .uuid, .references(Robot.schema, "id", onDelete: .setNull))
            .field("recipient", .string, .required)
            .field("title", .string, .required)
            .field("lines", .string, .required)
            .field("link", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_at", .int64, .required)
            .field("lease_holder", .string, .required)
            .field("lease_until", .int64, .required)
            .field("answer", .string, .required)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "key")
            .create()
        try await database.index(Delivery.schema, "state", "next_at")
        try await database.index(Delivery.schema, "region_id", "created_at")
        try await database.schema(NoticeSetting.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("sealed_email", .string, .required)
            .field("sealed_phone", .string, .required)
            .field("choices", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema(NoticeChannel.schema)
            .id()
            .field("kind", .string, .required)
            .field("sealed_settings", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [NoticeChannel.schema, NoticeSetting.schema, Delivery.schema, Robot.schema] {
            try await database.schema(schema).delete()
        }
    }
}

extension Delivery: BulkInsertable {
    static let columns = [
        "id", "key", "kind", "channel", "region_id", "user_id", "robot_id", "recipient", "title", "lines", "link",
        "state", "attempts", "next_at", "lease_holder", "lease_until", "answer", "sent_at", "created_at",
    ]

    func row(now: Date) -> [any Encodable & Sendable] {
        [
            id ?? UUID(), key, kind, channel, $region.id, $user.id, $robot.id, recipient, title, lines, link, state,
            attempts, nextAt, leaseHolder, leaseUntil, answer, sentAt, createdAt ?? now,
        ]
    }
}
