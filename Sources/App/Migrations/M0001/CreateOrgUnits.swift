import Fluent

struct CreateOrgUnits: AsyncMigration {
    var name: String { "CreateOrgUnits" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("kind_code", .string, .required, .references(UnitKind.schema, "code"))
            .field("successor_id", .int, .references(OrgUnit.schema, .id))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("attachment", .string, .required)
            .field("founded_on", .string, .required)
            .field("dissolved_on", .string)
            .field("note", .string, .required)
            .unique(on: "code")
            .create()
        try await database.createIndex("org_units_name_folded", on: OrgUnit.schema, "name_folded")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema).delete()
    }
}
