import Domain
import Fluent
import SQLKit

/// The findings that seed a review's part II (`ReviewFindings`), over the subtree of the tree as
/// it stood on the period's last day. Each is one grouped query built from the same pieces as the
/// indicators (`IndicatorRollup`, `Expected`, `DueDates`), so "expected", "late" and "missing"
/// mean here what they mean in I.2, II.4 and II.5.
enum ReviewFindingsQuery {
    static func load(root: Int, period: IndicatorPeriod, on db: any Database) async throws -> ReviewFindings {
        let sql = db as! any SQLDatabase
        let r = IndicatorRollup(root: root, period: period)
        let plans = try await plans(r, sql)
        return ReviewFindings(
            missingPlans: units(plans.filter { $0.missing > 0 }.sorted { $0.missing > $1.missing }, \.missing),
            latePlans: units(plans.filter { $0.late > 0 }.sorted { $0.late > $1.late }, \.late),
            lowContentCells: try await lowContent(r, sql),
            thematicGapCells: try await thematicGaps(r, sql))
    }

    struct PlanRow: Decodable {
        let code: String
        let name: String
        let missing: Int
        let late: Int
    }

    private static func units(_ rows: [PlanRow], _ count: KeyPath<PlanRow, Int>) -> ReviewFindings.Units {
        ReviewFindings.Units(count: rows.reduce(0) { $0 + $1[keyPath: count] }, units: rows.count, names: rows.map(\.name))
    }

    /// Per unit: the years of the period without a submitted year plan, and those whose plan was
    /// first submitted after the binding due date (I.2's rule).
    static func plans(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [PlanRow] {
        let submitted = PlanStatus.allCases.filter(\.isSubmitted).map(\.rawValue)
        let plans: SQLQueryString = """
            FROM unit_plans p WHERE p.unit_id = x.unit_id AND p.scope = \(bind: PlanScope.year.rawValue) \
            AND p.year = x.year AND p.status IN (\(binds: submitted))
            """
        return try await sql.raw("""
            SELECT u.code AS code, u.name AS name, COALESCE(SUM(1 - f.has_plan), 0) AS missing, \
            COALESCE(SUM(\(Indicators.flag("f.has_plan = 1 AND f.due IS NOT NULL AND f.first_on > f.due"))), 0) AS late FROM (\
            SELECT x.unit_id AS unit_id, \(Indicators.flag("EXISTS (SELECT 1 \(plans))")) AS has_plan, \
            (SELECT MIN(p.first_submitted_on) \(plans)) AS first_on, \
            \(DueDates.dueSQL(.unitPlanYear, unitSQL: "x.unit_id", yearSQL: "x.year")) AS due \
            FROM (\(r.planUnitYears())) x) f JOIN org_units u ON u.id = f.unit_id \
            GROUP BY u.id, u.code, u.name \
            HAVING SUM(1 - f.has_plan) > 0 OR SUM(\(Indicators.flag("f.has_plan = 1 AND f.due IS NOT NULL AND f.first_on > f.due"))) > 0 \
            ORDER BY u.code
            """).all(decoding: PlanRow.self)
    }

    struct CellRow: Decodable {
        let name: String
        let n: Int
    }

    /// Cells whose share of expected cell-months with the programme's content (II.4) is below the
    /// threshold, lowest share first.
    static func lowContent(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> ReviewFindings.Units {
        let content = Indicators.flag("""
            EXISTS (SELECT 1 FROM cell_meetings cm WHERE cm.unit_id = mo.unit_id AND cm.kind = \(bind: CellMeetingKind.regular.rawValue) \
            AND cm.regular_month = mo.month AND cm.included_programme_content)
            """)
        let rows = try await sql.raw("""
            SELECT u.name AS name, COUNT(*) AS n FROM (\(Expected.cellMonthsSQL(r.range))) mo \
            JOIN org_units u ON u.id = mo.unit_id WHERE \(r.under("mo.unit_id")) \
            GROUP BY u.id, u.code, u.name \
            HAVING SUM(\(content)) * 100 < \(literal: ReviewFindings.contentThreshold) * COUNT(*) \
            ORDER BY SUM(\(content)) * 1000 / COUNT(*), u.code
            """).all(decoding: CellRow.self)
        return ReviewFindings.Units(count: rows.count, names: rows.map(\.name))
    }

    /// Cells with a quarter of the period (that they existed in) without a thematic meeting (II.5),
    /// most quarters missed first.
    static func thematicGaps(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> ReviewFindings.Units {
        let miss = Indicators.flag("""
            NOT EXISTS (SELECT 1 FROM cell_meetings cm WHERE cm.unit_id = cq.unit_id AND cm.kind = \(bind: CellMeetingKind.thematic.rawValue) \
            AND cm.held_on BETWEEN cq.first_day AND cq.last_day)
            """)
        let rows = try await sql.raw("""
            SELECT u.name AS name, SUM(\(miss)) AS n FROM (\(Expected.cellQuartersSQL(r.range))) cq \
            JOIN org_units u ON u.id = cq.unit_id WHERE \(r.under("cq.unit_id")) \
            GROUP BY u.id, u.code, u.name HAVING SUM(\(miss)) > 0 ORDER BY SUM(\(miss)) DESC, u.code
            """).all(decoding: CellRow.self)
        return ReviewFindings.Units(count: rows.count, names: rows.map(\.name))
    }
}
