import Fluent

struct CreateMemberships: AsyncMigration {
    var name: String { "CreateMemberships" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Membership.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(Person.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("note", .string, .required)
            .create()
        try await database.createIndex("memberships_person", on: Membership.schema, "person_id", "valid_from")
        try await database.createIndex("memberships_unit", on: Membership.schema, "unit_id", "valid_from")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Membership.schema).delete()
    }
}
