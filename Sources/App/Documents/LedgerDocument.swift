import Fluent
import FuyuanCore
import Vapor

/// An official document an office uploaded to turn into ledger items (a 实施方案 or 工作方案) or into its joint
/// meeting's roster (a notice establishing it): kept by content hash under the data directory, reviewed, then
/// committed into a list of the ledger, which it stays attached to.
final class LedgerDocument: Model, @unchecked Sendable {
    static let schema = "ledger_documents"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    /// 文号, as read from the document; empty when it has none.
    @Field(key: "number") var number: String
    @Field(key: "title") var title: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @OptionalField(key: "committed_at") var committedAt: Date?
    @OptionalField(key: "committed_by") var committedBy: String?
    /// What committing it did: 入账为“…”（30 项） or 更新联席会议组成.
    @OptionalField(key: "outcome") var outcome: String?

    // relationships
    @Parent(key: "region_id") var region: Region
    /// The list its items went into.
    @OptionalParent(key: "list_id") var list: WorkList?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $fileName, $contentType, $size, $sha256, $number, $title, $uploadedBy, $committedAt,
            $committedBy, $outcome, $region, $list,
        ]
    }

    init() {}

    init(
        regionID: UUID, fileName: String, contentType: String, size: Int, sha256: String, number: String,
        title: String, uploadedBy: String
    ) {
        self.$region.id = regionID
        (self.fileName, self.contentType, self.size, self.sha256) = (fileName, contentType, size, sha256)
        (self.number, self.title, self.uploadedBy) = (number, title, uploadedBy)
    }

    var isCommitted: Bool { committedAt != nil }
}

struct CreateLedgerDocument: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerDocument.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("list_id", .uuid, .references(WorkList.schema, "id", onDelete: .setNull))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("number", .string, .required)
            .field("title", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("committed_at", .datetime)
            .field("committed_by", .string)
            .field("outcome", .string)
            .field("created_at", .datetime)
            .create()
        // A region's documents newest first, and the same file committed before.
        try await database.index(LedgerDocument.schema, "region_id", "created_at")
        try await database.index(LedgerDocument.schema, "region_id", "sha256")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LedgerDocument.schema).delete()
    }
}
