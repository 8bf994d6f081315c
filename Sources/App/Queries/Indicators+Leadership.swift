import Domain
import SQLKit

/// I.1–I.4: guidance, plans, breakthrough goals, codes of conduct (formulas: `IndicatorCatalog`).
extension Indicators {
    static func guidanceDocuments(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS n FROM guidance_documents d \(r.join("d.unit_id")) \
            WHERE d.issued_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) AND d.issued_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.guidanceDocuments.definition
        return try rows.map { IndicatorResult(definition, definition.figure(try $0.int("n"))) }
    }

    /// A plan counts when it stands submitted or approved; "on time" reads its first submission.
    /// Each unit-year is looked up once (`f`), then counted in every column of its year.
    static func unitPlans(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let submitted = PlanStatus.allCases.filter(\.isSubmitted).map(\.rawValue)
        let plans: SQLQueryString = """
            FROM unit_plans p WHERE p.unit_id = x.unit_id AND p.scope = \(bind: PlanScope.year.rawValue) \
            AND p.year = x.year AND p.status IN (\(binds: submitted))
            """
        let rows = try await Self.rows("""
            WITH f AS MATERIALIZED (SELECT x.unit_id AS unit_id, x.year AS year, \(flag("EXISTS (SELECT 1 \(plans))")) AS has_plan, \
            (SELECT MIN(p.first_submitted_on) \(plans)) AS first_on, \
            \(DueDates.dueSQL(.unitPlanYear, unitSQL: "x.unit_id", yearSQL: "x.year")) AS due \
            FROM (\(r.planUnitYearsOfColumns())) x) \
            SELECT c.col AS col, COUNT(*) AS expected, COALESCE(SUM(f.has_plan), 0) AS submitted, \
            COALESCE(SUM(\(flag("f.has_plan = 1 AND (f.due IS NULL OR f.first_on <= f.due)"))), 0) AS on_time \
            FROM f \(r.join("f.unit_id")) WHERE f.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.unitPlans.definition
        return try rows.map { row in
            let done = try row.int("submitted")
            return IndicatorResult(definition, definition.figure(done, of: try row.int("expected")), parts: [
                .share(try row.int("on_time"), of: done, "kế hoạch", label: "Nộp đúng hạn"),
            ])
        }
    }

    /// Goals of a year plan of a year the column touches, or of a whole-term plan whose programme
    /// runs in one of those years. Whether a unit-year has goals is looked up once (`f`).
    static func breakthroughGoals(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let term: SQLQueryString = "p.scope = \(bind: PlanScope.term.rawValue)"
        let year: SQLQueryString = "p.scope = \(bind: PlanScope.year.rawValue)"
        let goals: SQLQueryString = """
            FROM breakthrough_goals g JOIN unit_plans p ON p.id = g.plan_id JOIN programmes pr ON pr.id = p.programme_id
            """
        let rows = try await Self.rows("""
            WITH f AS MATERIALIZED (SELECT x.unit_id AS unit_id, x.year AS year, \(flag("""
                EXISTS (SELECT 1 \(goals) WHERE p.unit_id = x.unit_id AND ((\(year) AND p.year = x.year) \
                OR (\(term) AND pr.starts_on <= x.last_day AND (pr.ends_on IS NULL OR pr.ends_on >= x.first_day))))
                """)) AS has_goal FROM (\(r.planUnitYearsOfColumns())) x) \
            \(merged([
                """
                SELECT c.col AS col, COUNT(*) AS expected, SUM(f.has_goal) AS with_goals, 0 AS goals, 0 AS completed \
                FROM f \(r.join("f.unit_id")) WHERE f.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
                """,
                """
                SELECT c.col AS col, 0 AS expected, 0 AS with_goals, COUNT(*) AS goals, \
                SUM(\(flag("g.status = \(bind: GoalStatus.completed.rawValue) AND g.finished_on BETWEEN c.d1 AND c.d2"))) AS completed \
                \(goals) \(r.join("g.unit_id")) WHERE (\(year) AND p.year BETWEEN c.y1 AND c.y2) \
                OR (\(term) AND pr.starts_on <= c.yd2 AND (pr.ends_on IS NULL OR pr.ends_on >= c.yd1)) GROUP BY c.col
                """,
            ], ["expected", "with_goals", "goals", "completed"]))
            """, r, on: sql)
        let definition = IndicatorCode.breakthroughGoals.definition
        return try rows.map { row in
            IndicatorResult(definition, definition.figure(try row.int("with_goals"), of: try row.int("expected")), parts: [
                .share(try row.int("completed"), of: try row.int("goals"), "nội dung", label: "Nội dung đột phá hoàn thành"),
            ])
        }
    }

    /// "In force" on the column's last day: issued by then and not replaced by a revision issued
    /// by then. Each unit is looked up once per distinct last day (`f`).
    static func conductCodes(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let rows = try await Self.rows("""
            WITH f AS MATERIALIZED (SELECT e.unit_id AS unit_id, e.day AS day, \(flag("""
                EXISTS (SELECT 1 FROM conduct_codes cc WHERE cc.unit_id = e.unit_id AND cc.issued_on <= e.day \
                AND NOT EXISTS (SELECT 1 FROM conduct_codes n WHERE n.replaces_id = cc.id AND n.issued_on <= e.day))
                """)) AS in_force FROM (\(r.planUnitsOnLastDays())) e) \
            SELECT c.col AS col, COUNT(*) AS expected, COALESCE(SUM(f.in_force), 0) AS in_force \
            FROM f \(r.join("f.unit_id")) WHERE f.day = c.d2 GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.conductCodes.definition
        return try rows.map { IndicatorResult(definition, definition.figure(try $0.int("in_force"), of: try $0.int("expected"))) }
    }
}
