import Fluent

struct CreateLoginAttempts: AsyncMigration {
    var name: String { "CreateLoginAttempts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("ip", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await database.createIndex("login_attempts_username_at", on: LoginAttempt.schema, "username", "at")
        try await database.createIndex("login_attempts_ip_at", on: LoginAttempt.schema, "ip", "at")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}
