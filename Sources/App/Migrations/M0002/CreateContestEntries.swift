import Fluent

struct CreateContestEntries: AsyncMigration {
    var name: String { "CreateContestEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ContestEntry.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("contest_id", .int, .required, .references(Contest.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("title", .string, .required)
            .field("result", .string, .required)
            .field("prize", .string, .required)
            .field("selected_for_higher_level", .bool, .required)
            .create()
        try await database.createIndex("contest_entries_contest", on: ContestEntry.schema, "contest_id")
        try await database.createIndex("contest_entries_unit", on: ContestEntry.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContestEntry.schema).delete()
    }
}
