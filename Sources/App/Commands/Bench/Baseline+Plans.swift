import Domain
import SQLKit

/// The baseline's plan indicators: I.2–I.4, III.1, III.2, and C.1 from their numbers.
extension BaselineRollup {
    func plans() async throws -> [IndicatorCode: [[Int]]] {
        var out: [IndicatorCode: [[Int]]] = [:]
        out[.unitPlans] = try await unitPlans()
        out[.breakthroughGoals] = try await breakthroughGoals()
        out[.conductCodes] = try await conductCodes()
        out[.personalPlans] = try await personalPlans()
        out[.personalPlansFulfilled] = try await grouped("""
            SELECT c.col, COUNT(*) AS assessed, \(count("pp.assessment = \(bind: PlanAssessment.fulfilled.rawValue)", as: "fulfilled")) \
            FROM personal_plans pp \(under("pp.unit_id")) AND pp.year BETWEEN c.y1 AND c.y2 \
            WHERE pp.assessment IS NOT NULL AND pp.year BETWEEN \(literal: firstYear) AND \(literal: lastYear) GROUP BY c.col
            """) { [try $0("fulfilled"), try $0("assessed")] }
        return out
    }

    /// `col, unit_id, year, yf, yl`: the plan-making units of each column's subtree alive in each
    /// of its years.
    private var unitYears: SQLQueryString {
        """
        SELECT c.col AS col, u.id AS unit_id, y.y AS year, y.yf AS yf, y.yl AS yl FROM org_units u \
        JOIN unit_kinds k ON k.code = u.kind_code \(under("u.id")) \
        JOIN bench_years y ON y.y BETWEEN c.y1 AND c.y2 AND u.founded_on <= y.yl AND (u.dissolved_on IS NULL OR u.dissolved_on > y.yf) \
        WHERE NOT (k.is_cell AND NOT k.is_grassroots)
        """
    }

    /// Fills `bench_due (unit_id, year, due_on)`: the due date binding each unit's record of
    /// `kind` — the nearest setter's (depth ≥ 1, or ≥ 0 when the setter's own records are bound)
    /// that the unit lived to see — for the units `units` (a subquery of unit ids) only.
    private func fillDue(_ kind: DueKind, for units: SQLQueryString) async throws {
        try await materialise("bench_due", key: ["unit_id", "year"], """
            SELECT r.unit_id AS unit_id, r.year AS year, r.due_on AS due_on FROM (\
            SELECT dc.descendant_id AS unit_id, dd.year AS year, dd.due_on AS due_on, \
            ROW_NUMBER() OVER (PARTITION BY dc.descendant_id, dd.year ORDER BY dc.depth) AS rn \
            FROM due_dates dd JOIN unit_closure dc ON dc.ancestor_id = dd.unit_id JOIN org_units fu ON fu.id = dc.descendant_id \
            WHERE dd.kind = \(literal: kind.rawValue) AND dc.depth >= \(literal: kind.includesSetter ? 0 : 1) \
            AND dd.due_on >= fu.founded_on AND dd.year BETWEEN \(literal: firstYear) AND \(literal: lastYear) \
            AND dc.descendant_id IN (\(units))) r WHERE r.rn = 1
            """)
    }

    private func unitPlans() async throws -> [[Int]] {
        let submitted = PlanStatus.allCases.filter(\.isSubmitted).map(\.rawValue)
        try await fillDue(.unitPlanYear, for: "SELECT unit_id FROM bench_tree")
        return try await grouped("""
            WITH uy AS (\(unitYears)), \
            pl AS (SELECT p.unit_id, p.year, MIN(p.first_submitted_on) AS first_on FROM unit_plans p \
            WHERE p.scope = \(bind: PlanScope.year.rawValue) AND p.status IN (\(binds: submitted)) \
            AND p.year BETWEEN \(literal: firstYear) AND \(literal: lastYear) GROUP BY p.unit_id, p.year) \
            SELECT uy.col, COUNT(*) AS expected, \(count("pl.unit_id IS NOT NULL", as: "submitted")), \
            \(count("pl.unit_id IS NOT NULL AND (d.due_on IS NULL OR pl.first_on <= d.due_on)", as: "on_time")) \
            FROM uy LEFT JOIN pl ON pl.unit_id = uy.unit_id AND pl.year = uy.year \
            LEFT JOIN bench_due d ON d.unit_id = uy.unit_id AND d.year = uy.year GROUP BY uy.col
            """) { [try $0("submitted"), try $0("expected"), try $0("on_time"), try $0("submitted")] }
    }

    private func breakthroughGoals() async throws -> [[Int]] {
        let year = PlanScope.year.rawValue, term = PlanScope.term.rawValue
        let units = try await grouped("""
            WITH uy AS (\(unitYears)), \
            gp AS (SELECT p.unit_id, p.scope, p.year, pr.starts_on, pr.ends_on FROM breakthrough_goals g \
            JOIN unit_plans p ON p.id = g.plan_id JOIN programmes pr ON pr.id = p.programme_id) \
            SELECT uy.col, COUNT(*) AS expected, \(count("""
                EXISTS (SELECT 1 FROM gp WHERE gp.unit_id = uy.unit_id AND ((gp.scope = \(bind: year) AND gp.year = uy.year) \
                OR (gp.scope = \(bind: term) AND gp.starts_on <= uy.yl AND (gp.ends_on IS NULL OR gp.ends_on >= uy.yf))))
                """, as: "with_goals")) FROM uy GROUP BY uy.col
            """) { [try $0("with_goals"), try $0("expected")] }
        let goals = try await grouped("""
            SELECT c.col, COUNT(*) AS goals, \
            \(count("g.status = \(bind: GoalStatus.completed.rawValue) AND g.finished_on BETWEEN c.d1 AND c.d2", as: "completed")) \
            FROM breakthrough_goals g JOIN unit_plans p ON p.id = g.plan_id JOIN programmes pr ON pr.id = p.programme_id \
            \(under("g.unit_id")) WHERE (p.scope = \(bind: year) AND p.year BETWEEN c.y1 AND c.y2) \
            OR (p.scope = \(bind: term) AND pr.starts_on <= c.yd2 AND (pr.ends_on IS NULL OR pr.ends_on >= c.yd1)) GROUP BY c.col
            """) { [try $0("completed"), try $0("goals")] }
        return zip(units, goals).map { $0 + $1 }
    }

    private func conductCodes() async throws -> [[Int]] {
        try await grouped("""
            SELECT c.col, COUNT(*) AS expected, \(count("""
                EXISTS (SELECT 1 FROM conduct_codes cc WHERE cc.unit_id = u.id AND cc.issued_on <= c.d2 \
                AND NOT EXISTS (SELECT 1 FROM conduct_codes n WHERE n.replaces_id = cc.id AND n.issued_on <= c.d2))
                """, as: "in_force")) \
            FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \(under("u.id")) \
            AND u.founded_on <= c.d2 AND (u.dissolved_on IS NULL OR u.dissolved_on > c.d2) \
            WHERE NOT (k.is_cell AND NOT k.is_grassroots) GROUP BY c.col
            """) { [try $0("in_force"), try $0("expected")] }
    }

    /// Each member counts once a year however many cells of the subtree they belonged to.
    private func personalPlans() async throws -> [[Int]] {
        try await fillDue(.personalPlan, for: """
            SELECT pu.unit_id FROM personal_plans pu WHERE pu.year BETWEEN \(literal: firstYear) AND \(literal: lastYear) \
            AND pu.person_id IN (SELECT tm.person_id FROM memberships tm JOIN bench_tree tt ON tt.unit_id = tm.unit_id)
            """)
        return try await grouped("""
            WITH x AS (SELECT DISTINCT c.col AS col, m.person_id AS person_id, y.y AS year FROM memberships m \
            JOIN people p ON p.id = m.person_id \(under("m.unit_id")) \
            JOIN bench_years y ON y.y BETWEEN c.y1 AND c.y2 AND m.valid_from <= y.yl AND (m.valid_to IS NULL OR m.valid_to > y.yf) \
            WHERE p.category = \(bind: PersonCategory.partyMember.rawValue)) \
            SELECT x.col, COUNT(*) AS expected, \(count("pp.id IS NOT NULL", as: "submitted")), \
            \(count("pp.id IS NOT NULL AND (d.due_on IS NULL OR pp.submitted_on <= d.due_on)", as: "on_time")) \
            FROM x LEFT JOIN personal_plans pp ON pp.person_id = x.person_id AND pp.year = x.year \
            AND pp.status = \(bind: PersonalPlanStatus.submitted.rawValue) \
            LEFT JOIN bench_due d ON d.unit_id = pp.unit_id AND d.year = x.year GROUP BY x.col
            """) { [try $0("submitted"), try $0("expected"), try $0("on_time"), try $0("submitted")] }
    }

    /// C.1 from the numbers of I.2, III.1 and II.4 already computed.
    func reporting(_ figures: [IndicatorCode: [[Int]]]) -> [[Int]] {
        (0..<columnCount).map { col in
            let u = figures[.unitPlans]![col], p = figures[.personalPlans]![col], m = figures[.monthlyContent]![col]
            return [u[0] + p[0] + m[2], u[1] + p[1] + m[1],
                    u[0], u[1], u[2], u[0], p[0], p[1], p[2], p[0], m[2], m[1]]
        }
    }
}
