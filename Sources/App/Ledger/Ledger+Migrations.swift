import Fluent

struct CreateLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkList.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(WorkList.schema, "region_id")
        try await database.schema(WorkItem.schema)
            .id()
            .field("list_id", .uuid, .required, .references(WorkList.schema, "id"))
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("parent_item_id", .uuid, .references(WorkItem.schema, "id"))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("content", .string, .required)
            .field("area", .string, .required)
            .field("deadline", .json, .required)
            .field("deadline_kind", .string, .required)
            .field("state", .string, .required)
            .field("issued_on", .string)
            .field("latest_report", .string, .required)
            .field("next_due_on", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "list_id", "number")
            .create()
        try await database.index(WorkItem.schema, "region_id", "state")
        try await database.index(WorkItem.schema, "parent_item_id")
        try await database.schema(ItemPart.schema)
            .id()
            .field("item_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("role", .string, .required)
            .field("state", .string, .required)
            .field("extended_to", .string)
            .field("next_due_on", .string)
            .field("next_due_reason", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "item_id", "unit_id")
            .create()
        try await database.index(ItemPart.schema, "unit_id", "state")
        try await database.index(ItemPart.schema, "next_due_on")
        try await database.schema(ProgressReport.schema)
            .id()
            .field("item_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("reported_on", .string, .required)
            .field("period_key", .string)
            .field("text", .string, .required)
            .field("figures", .string, .required)
            .field("author", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index(ProgressReport.schema, "item_id")
        try await database.schema(ExtensionRequest.schema)
            .id()
            .field("part_id", .uuid, .required, .references(ItemPart.schema, "id"))
            .field("requested_day", .string, .required)
            .field("reason", .string, .required)
            .field("requested_by", .string, .required)
            .field("status", .string, .required)
            .field("decided_by", .string)
            .field("decision_note", .string)
            .field("created_at", .datetime)
            .create()
        try await database.index(ExtensionRequest.schema, "part_id")
        try await database.schema(ItemEvent.schema)
            .id()
            .field("item_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("what", .string, .required)
            .field("reason", .string, .required)
            .field("unit_name", .string)
            .create()
        try await database.index(ItemEvent.schema, "item_id")
        try await database.schema(ItemLink.schema)
            .id()
            .field("problem_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .field("measure_id", .uuid, .required, .references(WorkItem.schema, "id"))
            .unique(on: "problem_id", "measure_id")
            .create()
        try await database.index(ItemLink.schema, "measure_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ItemLink.schema, ItemEvent.schema, ExtensionRequest.schema, ProgressReport.schema, ItemPart.schema,
            WorkItem.schema,
            WorkList.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

/// Items carry a version for `If-Match` (`Versions`).
struct AddItemVersions: AddVersionColumns {
    let tables = [WorkItem.schema]
}

/// What the home page and the ledger's 提醒 filter ask of the ledger: the day an item was closed, the day a part was
/// sent back (退回), kept until the unit asks again, and the day an extension request was decided.
struct AddLedgerAttention: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkItem.schema).field("closed_on", .string).update()
        try await database.schema(ItemPart.schema).field("returned_on", .string).update()
        try await database.schema(ExtensionRequest.schema).field("decided_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExtensionRequest.schema).deleteField("decided_on").update()
        try await database.schema(ItemPart.schema).deleteField("returned_on").update()
        try await database.schema(WorkItem.schema).deleteField("closed_on").update()
    }
}
