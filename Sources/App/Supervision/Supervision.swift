import Fluent
import FuyuanCore
import Vapor

/// 督办: an urge (催办), a numbered reminder letter (提醒函) or a bulletin (通报) from the office to units, each
/// asking for a response by a day.
final class Supervision: Model, @unchecked Sendable {
    static let schema = "supervisions"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case urge, reminder, bulletin

        var label: String {
            switch self {
            case .urge: "催办"
            case .reminder: "提醒函"
            case .bulletin: "通报"
            }
        }
    }

    /// A bulletin commends or criticises.
    enum Tone: String, Codable, CaseIterable, Sendable {
        case none, commend, criticise

        var label: String {
            switch self {
            case .none: ""
            case .commend: "表扬"
            case .criticise: "批评"
            }
        }
    }

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "kind") var kind: Kind
    @Field(key: "tone") var tone: Tone
    /// Reminder letters are numbered per region and year: 〔2024〕3号.
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "number") var number: Int?
    @Field(key: "text") var text: String
    @Field(key: "respond_by") var respondBy: String
    @Field(key: "issued_by") var issuedBy: String

    // relationships
    @Parent(key: "region_id") var region: Region
    @OptionalParent(key: "item_id") var item: WorkItem?

    var properties: [any AnyProperty] {
        [$id, $createdAt, $kind, $tone, $year, $number, $text, $respondBy, $issuedBy, $region, $item]
    }

    init() {}

    var reference: String { Self.reference(kind, year: year, number: number) }

    /// 提醒函〔2024〕3号 for a numbered reminder letter, the kind's name for the rest.
    static func reference(_ kind: Kind, year: Int?, number: Int?) -> String {
        guard let year, let number else { return kind.label }
        return "提醒函〔\(year)〕\(number)号"
    }
}

/// A unit a supervision is addressed to, and its response.
final class SupervisionTarget: Model, @unchecked Sendable {
    static let schema = "supervision_targets"

    // managed fields
    @ID var id: UUID?

    // data fields
    @OptionalField(key: "response") var response: String?
    @OptionalField(key: "responded_by") var respondedBy: String?
    @OptionalField(key: "responded_at") var respondedAt: Date?

    // relationships
    @Parent(key: "supervision_id") var supervision: Supervision
    @Parent(key: "unit_id") var unit: Unit

    var properties: [any AnyProperty] { [$id, $response, $respondedBy, $respondedAt, $supervision, $unit] }

    init() {}

    init(supervisionID: UUID, unitID: UUID) {
        self.$supervision.id = supervisionID
        self.$unit.id = unitID
    }
}

struct CreateSupervision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Supervision.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("item_id", .uuid, .references(WorkItem.schema, "id"))
            .field("kind", .string, .required)
            .field("tone", .string, .required)
            .field("year", .int)
            .field("number", .int)
            .field("text", .string, .required)
            .field("respond_by", .string, .required)
            .field("issued_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "region_id", "kind", "year", "number")
            .create()
        try await database.index(Supervision.schema, "region_id")
        try await database.index(Supervision.schema, "item_id")
        try await database.schema(SupervisionTarget.schema)
            .id()
            .field("supervision_id", .uuid, .required, .references(Supervision.schema, "id"))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("response", .string)
            .field("responded_by", .string)
            .field("responded_at", .datetime)
            .unique(on: "supervision_id", "unit_id")
            .create()
        try await database.index(SupervisionTarget.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SupervisionTarget.schema).delete()
        try await database.schema(Supervision.schema).delete()
    }
}
