import Domain
import Fluent
import SQLKit

/// The rollup table of DESIGN.md §3 for one unit and one period (`RollupTable`): a column per
/// calendar year and the total, and the total of each unit directly below — all over the tree as
/// it stood on the period's last day, so the columns and the branches add up to the total where
/// an indicator adds up at all. They are the columns of one rollup: one statement per indicator
/// (`Indicators.columns`).
enum IndicatorTables {
    static func rollup(_ unit: UnitRef, _ period: IndicatorPeriod, on db: any Database) async throws -> RollupTable {
        let treeDay = period.to
        let slices = RollupTable.yearSlices(of: period)
        let below = try await children(of: unit.id, on: treeDay, db: db)
        let columns = slices.map { IndicatorRollup.Column(root: unit.id, period: $0.period) }
            + [IndicatorRollup.Column(root: unit.id, period: period)]
            + below.map { IndicatorRollup.Column(root: $0.id, period: period) }
        let results = try await Indicators.columns(IndicatorRollup(columns: columns, treeDay: treeDay), on: db)
        return RollupTable(
            unitCode: unit.code, unitName: unit.name, period: period,
            years: zip(slices, results).map { .init(title: $0.title, period: $0.period, results: $1) },
            total: results[slices.count],
            branches: zip(below, results.dropFirst(slices.count + 1)).map { .init(code: $0.code, name: $0.name, results: $1) })
    }

    /// The units directly below `root` in the tree of `day` (a unit dissolved earlier hangs under
    /// its successor there), by code.
    static func children(of root: Int, on day: LocalDate, db: any Database) async throws -> [UnitRef] {
        struct Row: Decodable { let id: Int; let code: String; let name: String }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT u.id, u.code, u.name FROM unit_closure_history h JOIN org_units u ON u.id = h.descendant_id \
            WHERE h.ancestor_id = \(bind: root) AND h.depth = 1 \
            AND h.valid_from <= \(bind: day.iso) AND (h.valid_to IS NULL OR h.valid_to > \(bind: day.iso)) ORDER BY u.code
            """).all(decoding: Row.self)
        return rows.map { UnitRef(id: $0.id, code: $0.code, name: $0.name) }
    }
}
