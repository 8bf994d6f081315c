import Fluent

/// Small key–value facts the servers share, such as the day the closure was built for.
struct CreateAppState: AsyncMigration {
    var name: String { "CreateAppState" }

    func prepare(on database: any Database) async throws {
        try await database.schema("app_state")
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("app_state").delete()
    }
}
