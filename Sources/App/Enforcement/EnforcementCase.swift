import Fluent
import FuyuanCore
import Vapor

/// 涉党政机关执行案件: a judgment a party or government organ must honour, enforced by a court of the region, with
/// what it owes (money in fen, or an act), what it has paid, and the clean-up campaign it belongs to.
final class EnforcementCase: Model, @unchecked Sendable {
    static let schema = "enforcement_cases"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The enforcement case's number, as `CaseNumber` writes it: unique.
    @Field(key: "case_number") var caseNumber: String
    @Field(key: "court") var court: String
    /// The judgment it enforces (执行依据), e.g. （2022）豫04民终729号.
    @Field(key: "basis") var basis: String
    @Field(key: "obligation") var obligation: Obligation
    /// What the organ owes, in fen; 0 for an act.
    @Field(key: "owed_fen") var owedFen: Int64
    /// The sum of its payments, kept with each payment.
    @Field(key: "paid_fen") var paidFen: Int64
    /// The act it owes, for an act.
    @Field(key: "act") var act: String
    @Field(key: "filed_on") var filedOn: String
    @Field(key: "state") var state: EnforcementState
    /// Why it was ended or settled.
    @Field(key: "note") var note: String

    // relationships
    @Parent(key: "region_id") var region: Region
    @Parent(key: "organ_id") var organ: Unit
    @OptionalParent(key: "campaign_id") var campaign: EnforcementCampaign?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $caseNumber, $court, $basis, $obligation, $owedFen, $paidFen, $act, $filedOn,
            $state, $note, $region, $organ, $campaign,
        ]
    }

    init() {}

    var rules: EnforcementCaseState {
        EnforcementCaseState(obligation: obligation, owedFen: owedFen, paidFen: paidFen, state: state)
    }
}

/// One payment or act of an enforcement case (履行记录).
final class EnforcementPayment: Model, @unchecked Sendable {
    static let schema = "enforcement_payments"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "paid_on") var paidOn: String
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "method") var method: PaymentMethod
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: String

    // relationships
    @Parent(key: "case_id") var enforcementCase: EnforcementCase

    var properties: [any AnyProperty] {
        [$id, $createdAt, $paidOn, $amountFen, $method, $note, $recordedBy, $enforcementCase]
    }

    init() {}
}

/// A clean-up campaign (专项清理) of a region: its cases are to be off the list (清零) by its day.
final class EnforcementCampaign: Model, @unchecked Sendable {
    static let schema = "enforcement_campaigns"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "target_on") var targetOn: String

    // relationships
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] { [$id, $createdAt, $name, $targetOn, $region] }

    init() {}
}

struct CreateEnforcement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnforcementCampaign.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("name", .string, .required)
            .field("target_on", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "region_id", "name")
            .create()
        try await database.schema(EnforcementCase.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("organ_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("campaign_id", .uuid, .references(EnforcementCampaign.schema, "id"))
            .field("case_number", .string, .required)
            .field("court", .string, .required)
            .field("basis", .string, .required)
            .field("obligation", .string, .required)
            .field("owed_fen", .int64, .required)
            .field("paid_fen", .int64, .required)
            .field("act", .string, .required)
            .field("filed_on", .string, .required)
            .field("state", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "case_number")
            .create()
        // The list's order within a region, an organ's cases, a campaign's.
        try await database.index(EnforcementCase.schema, "region_id", "filed_on", "id")
        try await database.index(EnforcementCase.schema, "organ_id", "state")
        try await database.index(EnforcementCase.schema, "campaign_id", "state")
        try await database.schema(EnforcementPayment.schema)
            .id()
            .field("case_id", .uuid, .required, .references(EnforcementCase.schema, "id"))
            .field("paid_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("method", .string, .required)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(EnforcementPayment.schema, "case_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnforcementPayment.schema).delete()
        try await database.schema(EnforcementCase.schema).delete()
        try await database.schema(EnforcementCampaign.schema).delete()
    }
}
