import Fluent

struct CreateCommendationIssuers: AsyncMigration {
    var name: String { "CreateCommendationIssuers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CommendationIssuer.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("sort_order", .int, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommendationIssuer.schema).delete()
    }
}
