import Fluent

struct CreateTopics: AsyncMigration {
    var name: String { "CreateTopics" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Topic.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("programme_id", .int, .required, .references(Programme.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("parent_topic_id", .int, .references(Topic.schema, .id))
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("end_year", .int, .required)
            .field("title", .string, .required)
            .field("title_folded", .string, .required)
            .field("description", .string, .required)
            .create()
        try await database.createIndex("topics_unit_year", on: Topic.schema, "unit_id", "year")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Topic.schema).delete()
    }
}
