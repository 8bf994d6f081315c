import Fluent

/// (ancestor, descendant, depth) pairs of the tree as it stood on each day, as intervals
/// [valid_from, valid_to) (valid_to NULL = still holds). Rollups read "the units under R on day b"
/// from it; `unit_closure` stays today's tree for scope. Rebuilt by `TreeIndex` with it.
struct CreateUnitClosureHistory: AsyncMigration {
    var name: String { "CreateUnitClosureHistory" }

    func prepare(on database: any Database) async throws {
        try await database.schema("unit_closure_history")
            .field("ancestor_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("descendant_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("depth", .int, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .create()
        try await database.createIndex("unit_closure_history_ancestor", on: "unit_closure_history", "ancestor_id", "valid_from")
        try await database.createIndex("unit_closure_history_descendant", on: "unit_closure_history", "descendant_id", "valid_from")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_closure_history").delete()
    }
}
