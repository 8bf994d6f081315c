import Fluent

/// (ancestor, descendant) pairs of the tree as it stands today, with dissolved units under their
/// successors. Every scope check and subtree list is one indexed lookup in it. Rebuilt by
/// `TreeIndex` after each change of the tree and on the first request of a new day.
struct CreateUnitClosure: AsyncMigration {
    var name: String { "CreateUnitClosure" }

    func prepare(on database: any Database) async throws {
        try await database.schema("unit_closure")
            .field("ancestor_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("descendant_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("depth", .int, .required)
            .unique(on: "ancestor_id", "descendant_id")
            .create()
        try await database.createIndex("unit_closure_descendant", on: "unit_closure", "descendant_id", "depth")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_closure").delete()
    }
}
