import Fluent

struct CreateSessions: AsyncMigration {
    var name: String { "CreateSessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .field("key_hash", .string, .required)
            .field("data", .string, .required)
            .field("user_id", .int, .references(User.schema, .id, onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()
        try await database.createIndex("sessions_expires_at", on: "sessions", "expires_at")
        try await database.createIndex("sessions_user", on: "sessions", "user_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
    }
}
