import Fluent

struct CreateTopicMaterials: AsyncMigration {
    var name: String { "CreateTopicMaterials" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TopicMaterial.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime, .required)
            .field("topic_id", .int, .required, .references(Topic.schema, .id))
            .field("title", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("username", .string, .required)
            .create()
        try await database.createIndex("topic_materials_topic", on: TopicMaterial.schema, "topic_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TopicMaterial.schema).delete()
    }
}
