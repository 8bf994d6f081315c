import Fluent

struct CreateAuditEntries: AsyncMigration {
    var name: String { "CreateAuditEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("user_id", .int, .references(User.schema, .id))
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .int)
            .field("unit_id", .int, .references(OrgUnit.schema, .id))
            .field("summary", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
        try await database.createIndex("audit_entries_unit_at", on: AuditEntry.schema, "unit_id", "at")
        try await database.createIndex("audit_entries_entity", on: AuditEntry.schema, "entity_type", "entity_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
