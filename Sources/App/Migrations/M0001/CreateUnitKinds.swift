import Fluent

struct CreateUnitKinds: AsyncMigration {
    var name: String { "CreateUnitKinds" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UnitKind.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("rank", .int, .required)
            .field("is_grassroots", .bool, .required)
            .field("is_cell", .bool, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitKind.schema).delete()
    }
}
