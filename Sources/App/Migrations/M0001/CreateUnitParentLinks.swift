import Fluent

struct CreateUnitParentLinks: AsyncMigration {
    var name: String { "CreateUnitParentLinks" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UnitParentLink.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("parent_id", .int, .references(OrgUnit.schema, .id))
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .unique(on: "unit_id", "valid_from")
            .create()
        try await database.createIndex("unit_parent_links_parent", on: UnitParentLink.schema, "parent_id", "valid_from")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitParentLink.schema).delete()
    }
}
