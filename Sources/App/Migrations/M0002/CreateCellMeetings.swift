import Fluent

struct CreateCellMeetings: AsyncMigration {
    var name: String { "CreateCellMeetings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CellMeeting.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("topic_id", .int, .references(Topic.schema, .id))
            .field("kind", .string, .required)
            .field("held_on", .string, .required)
            .field("regular_month", .string)
            .field("duration_minutes", .int, .required)
            .field("present", .int, .required)
            .field("absent_excused", .int, .required)
            .field("absent_unexcused", .int, .required)
            .field("included_programme_content", .bool, .required)
            .field("content_note", .string, .required)
            .field("opinions_raised", .int, .required)
            .field("summary", .string, .required)
            .unique(on: "unit_id", "regular_month")
            .create()
        try await database.createIndex("cell_meetings_unit_date", on: CellMeeting.schema, "unit_id", "held_on")
        try await database.createIndex("cell_meetings_date", on: CellMeeting.schema, "held_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CellMeeting.schema).delete()
    }
}
