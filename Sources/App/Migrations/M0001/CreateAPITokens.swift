import Fluent

struct CreateAPITokens: AsyncMigration {
    var name: String { "CreateAPITokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
