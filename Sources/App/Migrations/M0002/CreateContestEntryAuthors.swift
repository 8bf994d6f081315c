import Fluent

struct CreateContestEntryAuthors: AsyncMigration {
    var name: String { "CreateContestEntryAuthors" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ContestEntryAuthor.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("entry_id", .int, .required, .references(ContestEntry.schema, .id))
            .field("person_id", .int, .required, .references(Person.schema, .id))
            .unique(on: "entry_id", "person_id")
            .create()
        try await database.createIndex("contest_entry_authors_person", on: ContestEntryAuthor.schema, "person_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContestEntryAuthor.schema).delete()
    }
}
