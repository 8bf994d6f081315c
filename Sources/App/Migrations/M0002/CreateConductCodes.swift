import Fluent

struct CreateConductCodes: AsyncMigration {
    var name: String { "CreateConductCodes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ConductCode.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("replaces_id", .int, .references(ConductCode.schema, .id))
            .field("scope", .string, .required)
            .field("title", .string, .required)
            .field("document_number", .string, .required)
            .field("issued_on", .string, .required)
            .field("summary", .string, .required)
            .unique(on: "unit_id", "document_number")
            .create()
        try await database.createIndex("conduct_codes_unit_date", on: ConductCode.schema, "unit_id", "issued_on")
        // "In force" asks whether any code replaces this one.
        try await database.createIndex("conduct_codes_replaces", on: ConductCode.schema, "replaces_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConductCode.schema).delete()
    }
}
