import Fluent

struct CreateAttendances: AsyncMigration {
    var name: String { "CreateAttendances" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Attendance.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("session_id", .int, .required, .references(StudySession.schema, .id))
            .field("person_id", .int, .required, .references(Person.schema, .id))
            .field("status", .string, .required)
            .unique(on: "session_id", "person_id")
            .create()
        // A person's own history of sessions attended.
        try await database.createIndex("attendances_person", on: Attendance.schema, "person_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Attendance.schema).delete()
    }
}
