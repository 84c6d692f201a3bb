import Fluent
import FuyuanCore
import Vapor

/// 办理破产府院联动: a bankruptcy case a court of the region has accepted, with its stage and key dates. What it
/// needs of the government are its matters, each an item of the region's ledger (`BankruptcyMatter`).
final class BankruptcyCase: Model, @unchecked Sendable {
    static let schema = "bankruptcy_cases"

    // managed fields
    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The case's number, as `CaseNumber` writes it, e.g. （2024）豫0403破1号: unique.
    @Field(key: "case_number") var caseNumber: String
    /// The enterprise in bankruptcy (债务人).
    @Field(key: "debtor") var debtor: String
    @Field(key: "procedure") var procedure: BankruptcyProcedure
    @Field(key: "stage") var stage: BankruptcyStage
    /// The judge in charge (承办法官) and the administrator the court appointed (管理人).
    @Field(key: "judge") var judge: String
    @Field(key: "administrator") var administrator: String
    // key dates, `YYYY-MM-DD`
    @Field(key: "accepted_on") var acceptedOn: String
    @OptionalField(key: "claims_due_on") var claimsDueOn: String?
    @OptionalField(key: "first_meeting_on") var firstMeetingOn: String?
    @OptionalField(key: "concluded_on") var concludedOn: String?

    // relationships
    @Parent(key: "region_id") var region: Region
    /// The court that accepted it, whose staff keep it and are told of its matters.
    @Parent(key: "court_id") var court: Unit

    var properties: [any AnyProperty] {
        [
            $id, $createdAt, $updatedAt, $caseNumber, $debtor, $procedure, $stage, $judge, $administrator,
            $acceptedOn, $claimsDueOn, $firstMeetingOn, $concludedOn, $region, $court,
        ]
    }

    init() {}

    var rules: BankruptcyCaseState {
        BankruptcyCaseState(stage: stage, acceptedOn: acceptedOn, concludedOn: concludedOn)
    }
}

extension BankruptcyCaseState {
    /// The rules of a case as stored, its days as `YYYY-MM-DD`.
    init(stage: BankruptcyStage, acceptedOn: String, concludedOn: String?) {
        self.init(
            stage: stage,
            acceptedOn: CalendarDay(parsing: acceptedOn) ?? CalendarDay(year: 2000, month: 1, clampingDay: 1),
            concludedOn: concludedOn.flatMap(CalendarDay.init(parsing:)))
    }
}

/// One matter of a bankruptcy case (职工安置, 不动产处置, …): its kind, and the ledger item through which the
/// department handles it (sign, report, close).
final class BankruptcyMatter: Model, @unchecked Sendable {
    static let schema = "bankruptcy_matters"

    // managed fields
    @ID var id: UUID?

    // data fields
    @Field(key: "kind") var kind: BankruptcyMatterKind

    // relationships
    @Parent(key: "case_id") var bankruptcyCase: BankruptcyCase
    @Parent(key: "item_id") var item: WorkItem

    var properties: [any AnyProperty] { [$id, $kind, $bankruptcyCase, $item] }

    init() {}
}

struct CreateBankruptcy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BankruptcyCase.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("court_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("case_number", .string, .required)
            .field("debtor", .string, .required)
            .field("procedure", .string, .required)
            .field("stage", .string, .required)
            .field("judge", .string, .required)
            .field("administrator", .string, .required)
            .field("accepted_on", .string, .required)
            .field("claims_due_on", .string)
            .field("first_meeting_on", .string)
            .field("concluded_on", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "case_number")
            .create()
        // The list's order within a region.
        try await database.index(BankruptcyCase.schema, "region_id", "accepted_on", "id")
        try await database.schema(BankruptcyMatter.schema)
            .id()
            .field("case_id", .uuid, .required, .references(BankruptcyCase.schema, "id"))
            .field("item_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .field("kind", .string, .required)
            .unique(on: "item_id")
            .create()
        try await database.index(BankruptcyMatter.schema, "case_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BankruptcyMatter.schema).delete()
        try await database.schema(BankruptcyCase.schema).delete()
    }
}
