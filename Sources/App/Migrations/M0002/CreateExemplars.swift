import Fluent

struct CreateExemplars: AsyncMigration {
    var name: String { "CreateExemplars" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Exemplar.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("subject", .string, .required)
            .field("subject_unit_id", .int, .references(OrgUnit.schema, .id))
            .field("person_id", .int, .references(Person.schema, .id))
            .field("name", .string, .required)
            .field("story", .string, .required)
            .field("recognised_on", .string, .required)
            .field("recognised_by", .string, .required)
            .create()
        try await database.createIndex("exemplars_unit_year", on: Exemplar.schema, "unit_id", "year")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Exemplar.schema).delete()
    }
}
