import Fluent
import Vapor

/// A signed-in browser or API client. Kept in the database so that every app instance shares it;
/// its own timestamps carry the idle and absolute timeouts (Vapor's session drivers have none).
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    // managed fields
    @ID var id: UUID?

    // data fields
    /// SHA-256 of the cookie value: reading the table does not hand out sessions.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "ip_address") var ipAddress: String
    /// When its user last typed their password again (`Reauthentication`); signing in counts as well.
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    var properties: [any AnyProperty] {
        [$id, $tokenHash, $csrfToken, $createdAt, $lastSeenAt, $ipAddress, $confirmedAt, $user]
    }

    init() {}

    init(tokenHash: String, csrfToken: String, userID: UUID, now: Date, ipAddress: String) {
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.$user.id = userID
        self.createdAt = now
        self.lastSeenAt = now
        self.ipAddress = ipAddress
    }
}

/// A bearer token an administrator issues to another system (网对网); it acts as its user.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    var properties: [any AnyProperty] {
        [$id, $createdAt, $name, $tokenHash, $createdBy, $lastUsedAt, $revokedAt, $user]
    }

    init() {}

    init(name: String, tokenHash: String, userID: UUID, createdBy: String) {
        self.name = name
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdBy = createdBy
    }
}

/// Failed sign-ins per login name, whether or not the name exists, so that lockout reveals nothing.
final class LoginThrottle: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "username") var username: String
    @Field(key: "failures") var failures: Int
    @Field(key: "first_failure_at") var firstFailureAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    var properties: [any AnyProperty] { [$id, $username, $failures, $firstFailureAt, $lockedUntil] }

    init() {}

    init(username: String, now: Date) {
        self.username = username
        self.failures = 0
        self.firstFailureAt = now
    }

    /// Counts one more failure in the window that began with the first; `limit` failures lock for `window`.
    func count(failureAt now: Date, limit: Int, window: TimeInterval) {
        if now.timeIntervalSince(firstFailureAt) > window {
            failures = 0
            firstFailureAt = now
        }
        failures += 1
        lockedUntil = failures >= limit ? now.addingTimeInterval(window) : nil
    }
}

struct CreateAuthTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("ip_address", .string, .required)
            .unique(on: "token_hash")
            .create()
        try await database.index(UserSession.schema, "user_id")
        try await database.schema(APIToken.schema)
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginThrottle.schema)
            .id()
            .field("username", .string, .required)
            .field("failures", .int, .required)
            .field("first_failure_at", .datetime, .required)
            .field("locked_until", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [LoginThrottle.schema, APIToken.schema, UserSession.schema] {
            try await database.schema(schema).delete()
        }
    }
}
