import Fluent

struct CreateUsers: AsyncMigration {
    var name: String { "CreateUsers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("scope_unit_id", .int, .references(OrgUnit.schema, .id))
            .field("person_id", .int, .references(Person.schema, .id))
            .field("is_active", .bool, .required)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
