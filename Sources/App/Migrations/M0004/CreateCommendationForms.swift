import Fluent

struct CreateCommendationForms: AsyncMigration {
    var name: String { "CreateCommendationForms" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CommendationForm.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("is_praise", .bool, .required)
            .field("sort_order", .int, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommendationForm.schema).delete()
    }
}
