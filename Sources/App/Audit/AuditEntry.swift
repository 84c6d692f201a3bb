import Fluent
import Vapor

/// One write, sign-in or refusal, as the audit log keeps it: append-only and hash-chained (`AuditChain`).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    /// Region path of the actor (or of the object when nobody is signed in), for the auditor's scope.
    @Field(key: "region_path") var regionPath: String
    @Field(key: "ip_address") var ipAddress: String
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: String
    @Field(key: "summary") var summary: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    /// Position in the hash chain (1, 2, …) and the chain's hashes; see `AuditChain`.
    @Field(key: "seq") var seq: Int
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    var properties: [any AnyProperty] {
        [
            $id, $at, $actorID, $actorName, $regionPath, $ipAddress, $action, $objectType, $objectID, $summary, $before,
            $after, $seq, $previousHash, $hash,
        ]
    }

    init() {}
}

struct CreateAuditEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("region_path", .string, .required)
            .field("ip_address", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string, .required)
            .field("summary", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
        try await database.index(AuditEntry.schema, "at")
        try await database.index(AuditEntry.schema, "object_type", "object_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
