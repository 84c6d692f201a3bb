import Fluent
import FuyuanCore
import Vapor

/// A person who signs in. Belongs to one unit, and through it to one region.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// Normalised login name (`UserName.normalised`), unique.
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    @Field(key: "is_active") var isActive: Bool
    /// The TOTP key, sealed with the data key (`FieldSeal`); nil while no second factor is set up.
    @OptionalField(key: "totp_key") var sealedTOTPKey: String?
    /// The last TOTP step accepted, so that no code is taken twice.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    /// HMAC-SM3 over the user's id, role and unit (`Grant`): a role or unit changed in the database by anyone but
    /// the product does not match it, and the user is refused.
    @Field(key: "grant_mac") var grantMAC: String
    /// When the user last signed in; an account unused for `FUYUAN_DORMANT_DAYS` is disabled (`Dormancy`).
    @OptionalField(key: "last_signed_in_at") var lastSignedInAt: Date?

    // relationships
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $username, $displayName, $passwordHash, $role, $mustChangePassword,
            $passwordChangedAt, $isActive, $sealedTOTPKey, $totpLastStep, $grantMAC, $lastSignedInAt,
            $unit,
        ]
    }

    init() {}

    init(
        id: UUID = UUID(), username: String, displayName: String, passwordHash: String, role: Role, unitID: UUID,
        regionID: UUID, mustChangePassword: Bool, passwordChangedAt: Date, seal: FieldSeal
    ) {
        self.id = id
        self.username = UserName.normalised(username)
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$unit.id = unitID
        self.mustChangePassword = mustChangePassword
        self.passwordChangedAt = passwordChangedAt
        self.isActive = true
        self.grantMAC = Grant.tag(.init(user: id, role: role, unit: unitID, region: regionID), seal: seal)
    }

    /// What the audit log keeps of a user: never the password hash.
    struct Snapshot: Codable {
        let username: String
        let displayName: String
        let role: Role
        let unitID: UUID
        let isActive: Bool
        let mustChangePassword: Bool
        let hasSecondFactor: Bool
    }

    var snapshot: Snapshot {
        Snapshot(
            username: username, displayName: displayName, role: role, unitID: $unit.id, isActive: isActive,
            mustChangePassword: mustChangePassword, hasSecondFactor: sealedTOTPKey != nil)
    }
}

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("must_change_password", .bool, .required)
            .field("password_changed_at", .datetime, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.index(User.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
