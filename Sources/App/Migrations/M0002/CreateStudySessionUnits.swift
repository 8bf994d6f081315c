import Fluent

struct CreateStudySessionUnits: AsyncMigration {
    var name: String { "CreateStudySessionUnits" }

    func prepare(on database: any Database) async throws {
        try await database.schema(StudySessionUnit.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("session_id", .int, .required, .references(StudySession.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .unique(on: "session_id", "unit_id")
            .create()
        // Rollups ask "which sessions expected this unit" (DESIGN.md §3 II.2).
        try await database.createIndex("study_session_units_unit", on: StudySessionUnit.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StudySessionUnit.schema).delete()
    }
}
