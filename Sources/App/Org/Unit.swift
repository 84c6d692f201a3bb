import Fluent
import FuyuanCore
import Vapor

/// A unit (单位): a government office, department, court, procuratorate, township… in one region.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: UnitKind
    /// Raised by every change, so that an edit made on a stale copy is refused instead of overwriting another.
    @Field(key: "version") var version: Int

    // relationships
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] { [$id, $createdAt, $updatedAt, $name, $kind, $version, $region] }

    init() {}

    init(id: UUID? = nil, name: String, kind: UnitKind, regionID: UUID) {
        self.id = id
        self.name = name
        self.kind = kind
        self.$region.id = regionID
        self.version = 1
    }

    struct Snapshot: Codable {
        let name: String
        let kind: UnitKind
        let regionID: UUID
    }

    var snapshot: Snapshot { Snapshot(name: name, kind: kind, regionID: $region.id) }
}

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Unit.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Unit.schema).delete()
    }
}

/// Units and joint meetings carry a version for `If-Match` (`Versions`).
struct AddVersions: AddVersionColumns {
    let tables = [Unit.schema, JointMeeting.schema]
}
