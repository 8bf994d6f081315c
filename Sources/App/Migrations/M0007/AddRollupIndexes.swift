import Fluent
import SQLKit

/// Indexes the rollup's statements need at province scale (DESIGN.md §7). A unit's year plans
/// were found through `unit_plans_year` (every plan of the year, for each unit expected); this one
/// finds them by unit.
struct AddRollupIndexes: AsyncMigration {
    var name: String { "AddRollupIndexes" }

    func prepare(on database: any Database) async throws {
        try await database.createIndex("unit_plans_unit_scope_year", on: UnitPlan.schema, "unit_id", "scope", "year")
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "unit_plans_unit_scope_year").run()
    }
}
