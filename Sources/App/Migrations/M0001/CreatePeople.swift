import Fluent

struct CreatePeople: AsyncMigration {
    var name: String { "CreatePeople" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Person.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("current_unit_id", .int, .references(OrgUnit.schema, .id))
            .field("full_name", .string, .required)
            .field("name_folded", .string, .required)
            .field("sort_key", .string, .required)
            .field("category", .string, .required)
            .field("gender", .string)
            .field("party_joined_on", .string)
            .field("party_official_on", .string)
            .field("email", .string, .required)
            .field("birth_date", .string)
            .field("identity_number", .string)
            .field("phone", .string, .required)
            .field("note", .string, .required)
            .unique(on: "identity_number")
            .create()
        try await database.createIndex("people_unit_sort", on: Person.schema, "current_unit_id", "sort_key")
        try await database.createIndex("people_sort", on: Person.schema, "sort_key")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Person.schema).delete()
    }
}
