import Fluent

struct CreatePublicStories: AsyncMigration {
    var name: String { "CreatePublicStories" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PublicStory.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("kind", .string, .required)
            .field("exemplar_id", .int, .references(Exemplar.schema, .id))
            .field("practice_model_id", .int, .references(PracticeModel.schema, .id))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("is_published", .bool, .required)
            .field("published_at", .datetime)
            .create()
        try await database.createIndex("public_stories_published", on: PublicStory.schema, "is_published", "year")
        try await database.createIndex("public_stories_unit", on: PublicStory.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicStory.schema).delete()
    }
}
