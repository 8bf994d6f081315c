import Fluent

struct CreatePositions: AsyncMigration {
    var name: String { "CreatePositions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Position.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(Person.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("title", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .create()
        try await database.createIndex("positions_person", on: Position.schema, "person_id")
        try await database.createIndex("positions_unit", on: Position.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Position.schema).delete()
    }
}
