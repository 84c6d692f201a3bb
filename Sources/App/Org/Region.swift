import Fluent
import FuyuanCore
import Vapor

/// An administrative region (行政区划), addressed by its GB/T 2260 code.
final class Region: Model, @unchecked Sendable {
    static let schema = "regions"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "level") var level: RegionLevel
    /// Codes from the root down to this region, joined by `/`: scope filters by its prefix.
    @Field(key: "path") var path: String

    // relationships
    @OptionalParent(key: "parent_id") var parent: Region?

    var properties: [any AnyProperty] { [$id, $createdAt, $code, $name, $level, $path, $parent] }

    init() {}

    init(id: UUID? = nil, code: String, name: String, level: RegionLevel, parent: Region?) {
        self.id = id
        self.code = code
        self.name = name
        self.level = level
        self.$parent.id = parent?.id
        self.path = parent.map { $0.path + "/" + code } ?? code
    }

    var depth: Int { path.split(separator: "/").count - 1 }
}

struct CreateRegion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Region.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("path", .string, .required)
            .field("parent_id", .uuid, .references(Region.schema, "id"))
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.index(Region.schema, "path")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Region.schema).delete()
    }
}
