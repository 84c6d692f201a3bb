import Fluent
import FuyuanCore
import Vapor

extension Application {
    private struct DecoyKey: StorageKey { typealias Value = String }

    /// A hash of a random secret, checked when a login name is unknown so that both paths cost the same.
    var decoyPasswordHash: String {
        get { storage[DecoyKey.self] ?? "" }
        set { storage[DecoyKey.self] = newValue }
    }

    var passwordPolicy: PasswordPolicy { config.passwordPolicy }
}

extension User {
    /// Must change the password before anything else (`PasswordPolicy.mustChange`).
    func mustChangePassword(under policy: PasswordPolicy, now: Date) -> Bool {
        policy.mustChange(flagged: mustChangePassword, changedAt: passwordChangedAt, now: now)
    }
}

/// A password a user had before (bcrypt hash), kept so that the last few are not chosen again.
final class PasswordHistory: Model, @unchecked Sendable {
    static let schema = "password_history"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "hash") var hash: String
    @Field(key: "retired_at") var retiredAt: Date

    // relationships
    @Parent(key: "user_id") var user: User

    var properties: [any AnyProperty] { [$id, $hash, $retiredAt, $user] }

    init() {}

    init(userID: UUID, hash: String, retiredAt: Date) {
        self.$user.id = userID
        self.hash = hash
        self.retiredAt = retiredAt
    }
}

struct CreatePasswordHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordHistory.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("hash", .string, .required)
            .field("retired_at", .datetime, .required)
            .create()
        try await database.index(PasswordHistory.schema, "user_id", "retired_at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordHistory.schema).delete()
    }
}
