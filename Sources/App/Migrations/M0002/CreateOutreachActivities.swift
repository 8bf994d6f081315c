import Fluent

struct CreateOutreachActivities: AsyncMigration {
    var name: String { "CreateOutreachActivities" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OutreachActivity.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("held_on", .string, .required)
            .field("form", .string, .required)
            .field("title", .string, .required)
            .field("participants", .int, .required)
            .field("note", .string, .required)
            .create()
        try await database.createIndex("outreach_activities_unit_date", on: OutreachActivity.schema, "unit_id", "held_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutreachActivity.schema).delete()
    }
}
