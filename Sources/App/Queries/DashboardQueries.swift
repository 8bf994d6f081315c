import Domain
import Fluent
import SQLKit

/// The dashboard's own statement: the unit × month grid of II.4. The indicators themselves come
/// from `Indicators.columns`.
enum DashboardQueries {
    /// One (row unit, month) group of the grid: cell-months expected and those whose regular
    /// meeting carried the programme's content.
    struct GridCount: Decodable, Sendable {
        let row_id: Int
        let month: String
        let expected: Int
        let content: Int
    }

    /// II.4's counts for every row unit and month of `period`, in one grouped statement, over the
    /// tree of the period's last day. A row per unit directly below `root`, counting the
    /// cell-months of its whole subtree as II.4 (`Indicators.monthlyContent`) counts them for a root;
    /// and a row for `root` itself counting only its own (a cell's, when cells merged into it hang
    /// below it), so the rows add up to the root's II.4. Groups without an expected cell-month are absent.
    static func complianceGrid(root: Int, period: IndicatorPeriod, on db: any Database) async throws -> [GridCount] {
        let day = period.to
        let alive: (String) -> SQLQueryString = { alias in
            "\(ident: alias).valid_from <= \(bind: day.iso) AND (\(ident: alias).valid_to IS NULL OR \(ident: alias).valid_to > \(bind: day.iso))"
        }
        return try await (db as! any SQLDatabase).raw("""
            SELECT r.descendant_id AS row_id, mo.month AS month, COUNT(*) AS expected, \
            COALESCE(SUM(\(Indicators.flag(Indicators.monthWithContent))), 0) AS content \
            FROM unit_closure_history r \
            JOIN unit_closure_history h ON h.ancestor_id = r.descendant_id AND (r.depth = 1 OR h.depth = 0) AND \(alive("h")) \
            JOIN (\(Expected.cellMonthsSQL(period.from...period.to))) mo ON mo.unit_id = h.descendant_id \
            WHERE r.ancestor_id = \(bind: root) AND r.depth <= 1 AND \(alive("r")) \
            GROUP BY r.descendant_id, mo.month
            """).all(decoding: GridCount.self)
    }
}
