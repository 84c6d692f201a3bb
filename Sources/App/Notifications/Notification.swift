import Fluent
import FuyuanCore
import Vapor

/// A daily digest for one unit, or for the office of one region: what is due soon, overdue, awaiting sign-off,
/// awaiting review, or awaiting a response to supervision.
final class Notice: Model, @unchecked Sendable {
    static let schema = "notices"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// `unit:<id>` or `office`: with region and day, unique, so that nobody is told twice on one day.
    @Field(key: "recipient") var recipient: String
    @Field(key: "day") var day: String
    @Field(key: "lines") var lines: String
    @OptionalField(key: "read_at") var readAt: Date?

    // relationships
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] { [$id, $createdAt, $recipient, $day, $lines, $readAt, $region] }

    init() {}

    init(regionID: UUID, recipient: String, day: CalendarDay, lines: [String]) {
        self.$region.id = regionID
        self.recipient = recipient
        self.day = day.description
        self.lines = lines.joined(separator: "\n")
    }

    static func unit(_ id: UUID) -> String { "unit:" + id.uuidString }
    static let office = "office"
}

/// A named lease that one app instance takes before scheduled work, so that with several instances it runs once.
final class JobLease: Model, @unchecked Sendable {
    static let schema = "job_leases"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "holder") var holder: String
    @Field(key: "taken_at") var takenAt: Date

    var properties: [any AnyProperty] { [$id, $name, $holder, $takenAt] }

    init() {}

    init(name: String, holder: String, at: Date) {
        self.name = name
        self.holder = holder
        self.takenAt = at
    }
}

struct CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notice.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("recipient", .string, .required)
            .field("day", .string, .required)
            .field("lines", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "region_id", "recipient", "day")
            .create()
        try await database.schema(JobLease.schema)
            .id()
            .field("name", .string, .required)
            .field("holder", .string, .required)
            .field("taken_at", .datetime, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobLease.schema).delete()
        try await database.schema(Notice.schema).delete()
    }
}

extension Notice: BulkInsertable {
    static let columns = ["id", "region_id", "recipient", "day", "lines", "read_at", "created_at"]

    func row(now: Date) -> [any Encodable & Sendable] {
        [id ?? UUID(), $region.id, recipient, day, lines, readAt, createdAt ?? now]
    }
}
