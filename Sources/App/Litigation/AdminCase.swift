import Fluent
import FuyuanCore
import SQLKit
import Vapor

/// 行政行为类别.
enum ActionType: String, Codable, CaseIterable, Sendable {
    case penalty, coercion, licensing, expropriation, disclosure, workInjury, registration, agreement, nonPerformance,
        other

    var label: String {
        switch self {
        case .penalty: "行政处罚"
        case .coercion: "行政强制"
        case .licensing: "行政许可"
        case .expropriation: "行政征收征用"
        case .disclosure: "信息公开"
        case .workInjury: "工伤认定"
        case .registration: "行政登记"
        case .agreement: "行政协议"
        case .nonPerformance: "不履行法定职责"
        case .other: "其他"
        }
    }
}

/// 原告类型.
enum PlaintiffKind: String, Codable, CaseIterable, Sendable {
    case individual, enterprise, other

    var label: String {
        switch self {
        case .individual: "个人"
        case .enterprise: "企业"
        case .other: "其他"
        }
    }
}

/// 败诉原因.
enum LossCause: String, Codable, CaseIterable, Sendable {
    case facts, law, procedure, ultraVires, improper, nonPerformance, other

    var label: String {
        switch self {
        case .facts: "事实认定不清"
        case .law: "适用法律错误"
        case .procedure: "违反法定程序"
        case .ultraVires: "超越职权"
        case .improper: "明显不当"
        case .nonPerformance: "不履行职责"
        case .other: "其他"
        }
    }
}

/// An administrative litigation case (行政诉讼案件), keyed by its case number.
final class AdminCase: Model, @unchecked Sendable {
    static let schema = "admin_cases"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// Normalised (`CaseNumber.description`), unique.
    @Field(key: "case_number") var caseNumber: String
    @Field(key: "court") var court: String
    @Field(key: "procedure") var procedure: Procedure
    @Field(key: "action_type") var actionType: ActionType
    @Field(key: "plaintiff_kind") var plaintiffKind: PlaintiffKind
    @Field(key: "filed_on") var filedOn: String
    @OptionalField(key: "concluded_on") var concludedOn: String?
    @OptionalField(key: "outcome") var outcome: Outcome?
    @OptionalField(key: "loss_cause") var lossCause: LossCause?

    // relationships
    @Parent(key: "defendant_id") var defendant: Unit
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $caseNumber, $court, $procedure, $actionType, $plaintiffKind, $filedOn,
            $concludedOn, $outcome, $lossCause, $defendant, $region,
        ]
    }

    init() {}
}

/// A hearing of a case, and whether the head of the defendant agency appeared (负责人出庭), their rank, whether
/// they are the principal (正职) and whether they spoke (出声).
final class Hearing: Model, @unchecked Sendable {
    static let schema = "hearings"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "held_on") var heldOn: String
    @Field(key: "head_appeared") var headAppeared: Bool
    @Field(key: "head_rank") var headRank: String
    @Field(key: "principal") var principal: Bool
    @Field(key: "spoke") var spoke: Bool

    // relationships
    @Parent(key: "case_id") var adminCase: AdminCase

    var properties: [any AnyProperty] { [$id, $heldOn, $headAppeared, $headRank, $principal, $spoke, $adminCase] }

    init() {}
}

struct CreateLitigation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AdminCase.schema)
            .id()
            .field("case_number", .string, .required)
            .field("court", .string, .required)
            .field("procedure", .string, .required)
            .field("action_type", .string, .required)
            .field("plaintiff_kind", .string, .required)
            .field("filed_on", .string, .required)
            .field("concluded_on", .string)
            .field("outcome", .string)
            .field("loss_cause", .string)
            .field("defendant_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "case_number")
            .create()
        try await database.index(AdminCase.schema, "region_id", "filed_on")
        try await database.index(AdminCase.schema, "defendant_id")
        try await database.schema(Hearing.schema)
            .id()
            .field("case_id", .uuid, .required, .references(AdminCase.schema, "id"))
            .field("held_on", .string, .required)
            .field("head_appeared", .bool, .required)
            .field("head_rank", .string, .required)
            .field("principal", .bool, .required)
            .field("spoke", .bool, .required)
            .create()
        try await database.index(Hearing.schema, "case_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Hearing.schema).delete()
        try await database.schema(AdminCase.schema).delete()
    }
}

/// The cases list's order (newest filing first, then case number) within a region, with the id and the columns its
/// state filters read: a page's ids are found, filtered and sorted from this index alone, and so are the counts.
/// It replaces the (region, filed on) index, which is its prefix.
struct IndexCasesForTheList: AsyncMigration {
    static let name = "idx_admin_cases_list"

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.database.create(index: Self.name).on(AdminCase.schema)
            .column("region_id").column("filed_on").column("case_number").column("id").column("concluded_on")
            .column("outcome").run()
        try await sql.raw("DROP INDEX idx_admin_cases_region_id_filed_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.index(AdminCase.schema, "region_id", "filed_on")
        try await database.sql().raw("DROP INDEX \(unsafeRaw: Self.name)").run()
    }
}
