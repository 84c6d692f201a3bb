import Fluent
import FuyuanCore
import Vapor

/// 行政争议: a dispute between a person or enterprise and an agency of the region, registered at the resolution
/// centre and carried through transfer, assignment, the handler's answer and the close with an outcome.
final class Dispute: Model, @unchecked Sendable {
    static let schema = "disputes"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The centre's number for it (登记编号), unique in the region, e.g. 鲁山县争〔2026〕12号.
    @Field(key: "number") var number: String
    @Field(key: "source") var source: DisputeSource
    /// The applicant (申请人): a person or an enterprise.
    @Field(key: "applicant") var applicant: String
    @Field(key: "action_type") var actionType: ActionType
    /// What the applicant asks for (争议事项及请求).
    @Field(key: "claim") var claim: String
    @Field(key: "registered_on") var registeredOn: String
    @Field(key: "registered_by") var registeredBy: String
    @Field(key: "state") var state: DisputeState
    /// The day the step that is due next is due (`DisputeRules.stepDue`); empty once closed, so that `step_due > ''`
    /// finds the open ones by the index on it.
    @Field(key: "step_due") var stepDue: String
    @OptionalField(key: "handler") var handler: String?
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "urges") var urges: Int
    @OptionalField(key: "feedback") var feedback: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @OptionalField(key: "outcome") var outcome: DisputeOutcome?
    /// How it was resolved, or why not, as the centre closes it.
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    /// Days from registration to close, kept when it closes (the figures average them).
    @OptionalField(key: "close_days") var closeDays: Int?
    /// The litigation case it concerns (诉中, withdrawn or filed), as `CaseNumber` writes it; empty for none.
    @Field(key: "case_number") var caseNumber: String

    // relationships
    @Parent(key: "region_id") var region: Region
    /// The agency concerned (被申请行政机关).
    @Parent(key: "agency_id") var agency: Unit
    /// The agency or mediation body it was transferred to (承办单位).
    @OptionalParent(key: "handling_unit_id") var handlingUnit: Unit?
    /// The litigation case of `caseNumber`, when the register holds it.
    @OptionalParent(key: "case_id") var adminCase: AdminCase?

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $number, $source, $applicant, $actionType, $claim, $registeredOn,
            $registeredBy, $state, $stepDue, $handler, $deadline, $urges, $feedback, $answeredOn, $outcome, $result,
            $closedOn, $closeDays, $caseNumber, $region, $agency, $handlingUnit, $adminCase,
        ]
    }

    init() {}
}

/// One timed step of a dispute (登记, 移送, 交办, 催办, 反馈, 办结, 修改, a participant added), for its page.
final class DisputeEvent: Model, @unchecked Sendable {
    static let schema = "dispute_events"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "what") var what: String

    // relationships
    @Parent(key: "dispute_id") var dispute: Dispute

    var properties: [any AnyProperty] { [$id, $at, $actor, $what, $dispute] }

    init() {}

    init(disputeID: UUID, at: Date, actor: String, what: String) {
        self.$dispute.id = disputeID
        (self.at, self.actor, self.what) = (at, actor, what)
    }
}

/// One of the "N" of a 2+N mediation: a unit, a people's deputy, a CPPCC member, a mediator, a lawyer.
final class DisputeParticipant: Model, @unchecked Sendable {
    static let schema = "dispute_participants"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "role") var role: ParticipantRole
    @Field(key: "name") var name: String
    /// Where they come from (单位或职务), free text.
    @Field(key: "affiliation") var affiliation: String

    // relationships
    @Parent(key: "dispute_id") var dispute: Dispute

    var properties: [any AnyProperty] { [$id, $role, $name, $affiliation, $dispute] }

    init() {}
}

/// A region's own dispute targets (`DisputeTargets`), as its office set them.
final class DisputeTargetRow: Model, @unchecked Sendable {
    static let schema = "dispute_targets"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "new_cases_change") var newCasesChange: Int
    @Field(key: "mediated_withdrawal_rate") var mediatedWithdrawalRate: Int
    @Field(key: "resolution_rate") var resolutionRate: Int
    @Field(key: "handling_days") var handlingDays: Int

    // relationships
    @Parent(key: "region_id") var region: Region

    var properties: [any AnyProperty] {
        [$id, $newCasesChange, $mediatedWithdrawalRate, $resolutionRate, $handlingDays, $region]
    }

    init() {}

    var targets: DisputeTargets {
        DisputeTargets(
            newCasesChange: newCasesChange, mediatedWithdrawalRate: mediatedWithdrawalRate,
            resolutionRate: resolutionRate, handlingDays: handlingDays)
    }
}

struct CreateDisputes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Dispute.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("agency_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("handling_unit_id", .uuid, .references(Unit.schema, "id"))
            // A case deleted from the litigation register leaves the dispute with its number, unlinked.
            .field("case_id", .uuid, .references(AdminCase.schema, "id", onDelete: .setNull))
            .field("number", .string, .required)
            .field("source", .string, .required)
            .field("applicant", .string, .required)
            .field("action_type", .string, .required)
            .field("claim", .string, .required)
            .field("registered_on", .string, .required)
            .field("registered_by", .string, .required)
            .field("state", .string, .required)
            .field("step_due", .string, .required)
            .field("handler", .string)
            .field("deadline", .string)
            .field("urges", .int, .required)
            .field("feedback", .string)
            .field("answered_on", .string)
            .field("outcome", .string)
            .field("result", .string)
            .field("closed_on", .string)
            .field("close_days", .int)
            .field("case_number", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "region_id", "number")
            .create()
        // The list's order within a region; a handling unit's open disputes (home cards); the open ones by the day
        // their step is due (only they have one: lights, filters, digest); and the figures, read from the index alone.
        try await database.index(Dispute.schema, "region_id", "registered_on", "id")
        try await database.index(Dispute.schema, "handling_unit_id", "state", "step_due")
        try await database.index(Dispute.schema, "step_due", "region_id")
        try await database.index(
            Dispute.schema, "region_id", "registered_on", "state", "outcome", "close_days", "step_due")
        try await database.schema(DisputeEvent.schema)
            .id()
            .field("dispute_id", .uuid, .required, .references(Dispute.schema, "id"))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("what", .string, .required)
            .create()
        try await database.index(DisputeEvent.schema, "dispute_id")
        try await database.schema(DisputeParticipant.schema)
            .id()
            .field("dispute_id", .uuid, .required, .references(Dispute.schema, "id"))
            .field("role", .string, .required)
            .field("name", .string, .required)
            .field("affiliation", .string, .required)
            .create()
        try await database.index(DisputeParticipant.schema, "dispute_id")
        try await database.schema(DisputeTargetRow.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("new_cases_change", .int, .required)
            .field("mediated_withdrawal_rate", .int, .required)
            .field("resolution_rate", .int, .required)
            .field("handling_days", .int, .required)
            .unique(on: "region_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [DisputeTargetRow.schema, DisputeParticipant.schema, DisputeEvent.schema, Dispute.schema] {
            try await database.schema(schema).delete()
        }
    }
}
