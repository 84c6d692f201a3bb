import Fluent
import FuyuanCore
import Vapor

/// 司法建议: a court's suggestion to an agency of its region about a problem found in a case, with the day the
/// agency's reply is due, the agency's signature and its reply.
final class JudicialSuggestion: Model, @unchecked Sendable {
    static let schema = "judicial_suggestions"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The court's own number for it (文号), e.g. 鲁法司建〔2026〕3号; may be empty.
    @Field(key: "reference") var reference: String
    /// The case it arose from, as `CaseNumber` writes it; empty when it arose from no single case.
    @Field(key: "case_number") var caseNumber: String
    @Field(key: "problem") var problem: String
    @Field(key: "suggestion") var suggestion: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "reply_due") var replyDue: String
    @Field(key: "state") var state: SuggestionState
    @Field(key: "issued_by") var issuedBy: String
    @OptionalField(key: "signed_by") var signedBy: String?
    @OptionalField(key: "signed_at") var signedAt: Date?
    @OptionalField(key: "replied_on") var repliedOn: String?
    @OptionalField(key: "replied_by") var repliedBy: String?
    /// The measures the agency took (整改措施), as its reply says.
    @OptionalField(key: "measures") var measures: String?
    @OptionalField(key: "adoption") var adoption: Adoption?
    /// Why it adopted the suggestion only in part, or not.
    @OptionalField(key: "reasons") var reasons: String?
    /// The last automatic urge sent (`SuggestionRules.Reminder`), 0 for none.
    @Field(key: "reminded") var reminded: Int

    // relationships
    @Parent(key: "region_id") var region: Region
    @Parent(key: "court_id") var court: Unit
    @Parent(key: "agency_id") var agency: Unit

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $reference, $caseNumber, $problem, $suggestion, $issuedOn, $replyDue, $state,
            $issuedBy, $signedBy, $signedAt, $repliedOn, $repliedBy, $measures, $adoption, $reasons, $reminded,
            $region, $court, $agency,
        ]
    }

    init() {}
}

/// One step of a suggestion's history (签收, 回复, 自动催办, 修改), timed, for its page.
final class SuggestionEvent: Model, @unchecked Sendable {
    static let schema = "judicial_suggestion_events"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "what") var what: String

    // relationships
    @Parent(key: "suggestion_id") var suggestion: JudicialSuggestion

    var properties: [any AnyProperty] { [$id, $at, $actor, $what, $suggestion] }

    init() {}

    init(suggestionID: UUID, at: Date, actor: String, what: String) {
        self.$suggestion.id = suggestionID
        (self.at, self.actor, self.what) = (at, actor, what)
    }
}

struct CreateJudicialSuggestions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JudicialSuggestion.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("court_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("agency_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("reference", .string, .required)
            .field("case_number", .string, .required)
            .field("problem", .string, .required)
            .field("suggestion", .string, .required)
            .field("issued_on", .string, .required)
            .field("reply_due", .string, .required)
            .field("state", .string, .required)
            .field("issued_by", .string, .required)
            .field("signed_by", .string)
            .field("signed_at", .datetime)
            .field("replied_on", .string)
            .field("replied_by", .string)
            .field("measures", .string)
            .field("adoption", .string)
            .field("reasons", .string)
            .field("reminded", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        // The list's order within a region, and an agency's open suggestions (home cards, digest, reminders).
        try await database.index(JudicialSuggestion.schema, "region_id", "issued_on", "id")
        try await database.index(JudicialSuggestion.schema, "agency_id", "state", "reply_due")
        try await database.index(JudicialSuggestion.schema, "state", "reply_due")
        try await database.schema(SuggestionEvent.schema)
            .id()
            .field("suggestion_id", .uuid, .required, .references(JudicialSuggestion.schema, "id"))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("what", .string, .required)
            .create()
        try await database.index(SuggestionEvent.schema, "suggestion_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SuggestionEvent.schema).delete()
        try await database.schema(JudicialSuggestion.schema).delete()
    }
}
