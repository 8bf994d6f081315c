import Fluent

struct CreateContests: AsyncMigration {
    var name: String { "CreateContests" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Contest.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("title_folded", .string, .required)
            .field("rounds", .string, .required)
            .field("note", .string, .required)
            .create()
        try await database.createIndex("contests_unit_year", on: Contest.schema, "unit_id", "year")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Contest.schema).delete()
    }
}
