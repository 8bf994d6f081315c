import Fluent

struct CreatePendingImports: AsyncMigration {
    var name: String { "CreatePendingImports" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PendingImport.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("user_id", .int, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("params", .string, .required)
            .field("filename", .string, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .create()
        try await database.createIndex("pending_imports_user", on: PendingImport.schema, "user_id")
        try await database.createIndex("pending_imports_created", on: PendingImport.schema, "created_at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PendingImport.schema).delete()
    }
}
