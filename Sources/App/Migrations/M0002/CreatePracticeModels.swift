import Fluent

struct CreatePracticeModels: AsyncMigration {
    var name: String { "CreatePracticeModels" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PracticeModel.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("title_folded", .string, .required)
            .field("description", .string, .required)
            .field("results", .string, .required)
            .create()
        try await database.createIndex("practice_models_unit_year", on: PracticeModel.schema, "unit_id", "year")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PracticeModel.schema).delete()
    }
}
