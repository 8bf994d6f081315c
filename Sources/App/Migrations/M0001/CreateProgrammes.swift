import Fluent

struct CreateProgrammes: AsyncMigration {
    var name: String { "CreateProgrammes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Programme.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("document_number", .string, .required)
            .field("title", .string, .required)
            .field("issued_on", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("summary", .string, .required)
            .unique(on: "document_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Programme.schema).delete()
    }
}
