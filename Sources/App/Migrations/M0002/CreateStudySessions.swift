import Fluent

struct CreateStudySessions: AsyncMigration {
    var name: String { "CreateStudySessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(StudySession.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("topic_id", .int, .references(Topic.schema, .id))
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("format", .string, .required)
            .field("mode", .string, .required)
            .field("non_member_count", .int, .required)
            .field("note", .string, .required)
            .create()
        try await database.createIndex("study_sessions_unit_date", on: StudySession.schema, "unit_id", "held_on")
        try await database.createIndex("study_sessions_topic", on: StudySession.schema, "topic_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StudySession.schema).delete()
    }
}
