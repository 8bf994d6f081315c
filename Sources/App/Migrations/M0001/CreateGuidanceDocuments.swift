import Fluent

struct CreateGuidanceDocuments: AsyncMigration {
    var name: String { "CreateGuidanceDocuments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GuidanceDocument.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("programme_id", .int, .references(Programme.schema, .id))
            .field("number", .string, .required)
            .field("number_style", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("title_folded", .string, .required)
            .field("issued_on", .string, .required)
            .unique(on: "unit_id", "number")
            .create()
        try await database.createIndex("guidance_documents_unit_date", on: GuidanceDocument.schema, "unit_id", "issued_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuidanceDocument.schema).delete()
    }
}
