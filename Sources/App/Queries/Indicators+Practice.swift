import Domain
import SQLKit

/// III.1–III.4: personal plans, their assessment, practice models, exemplars (formulas: `IndicatorCatalog`).
extension Indicators {
    /// A member expected in a year counts once for it, however many cells of the subtree they
    /// belonged to; the plan binds to the due date of the plan's own cell.
    static func personalPlans(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let rows = try await Self.rows(personalPlansSQL(r), r, on: sql)
        let definition = IndicatorCode.personalPlans.definition
        return try rows.map { row in
            let submitted = try row.int("submitted")
            return IndicatorResult(definition, definition.figure(submitted, of: try row.int("expected")), parts: [
                .share(try row.int("on_time"), of: submitted, "kế hoạch", label: "Nộp đúng hạn"),
            ])
        }
    }

    /// One row per column: `expected`, `submitted`, `on_time` personal plans of the members. Whether
    /// a member's plan of a year is in and on time is read once per (member, year) — the binding
    /// due date once per (cell, year) of the plans, materialised so it is not looked up again per
    /// plan — and joined before the members are grouped per column, member and year. Only the plans
    /// of people with a membership under a column's root are read (a plan may sit in a cell
    /// outside the subtree, for a member who moved). The plans with their flags are materialised
    /// too (`f`): PostgreSQL underestimates a small subtree's member-years (a handful for
    /// thousands) and would otherwise read the plans and scan the due dates once per member-year
    /// (a TCCS: 459 ms → 45 ms); SQLite materialises it either way and looks it up through an
    /// automatic index.
    static func personalPlansSQL(_ r: IndicatorRollup) -> SQLQueryString {
        let submitted: SQLQueryString = """
            pp.status = \(bind: PersonalPlanStatus.submitted.rawValue) \
            AND pp.year BETWEEN \(literal: r.years.lowerBound) AND \(literal: r.years.upperBound) \
            AND pp.person_id IN (SELECT am.person_id FROM memberships am WHERE \(r.underAnyRoot("am.unit_id")))
            """
        let due = DueDates.byUnitYearSQL(.personalPlan, pairs: """
            SELECT DISTINCT pp.unit_id AS unit_id, pp.year AS year FROM personal_plans pp WHERE \(submitted)
            """)
        return """
            WITH due AS MATERIALIZED (\(due)), \
            f AS MATERIALIZED (SELECT pp.person_id AS person_id, pp.year AS year, \
            \(flag("d.due_on IS NULL OR pp.submitted_on <= d.due_on")) AS on_time FROM personal_plans pp \
            JOIN due d ON d.unit_id = pp.unit_id AND d.year = pp.year WHERE \(submitted)) \
            SELECT g.col AS col, COUNT(*) AS expected, COALESCE(SUM(g.has_plan), 0) AS submitted, \
            COALESCE(SUM(g.on_time), 0) AS on_time FROM (\
            SELECT x.col AS col, MAX(\(flag("f.person_id IS NOT NULL"))) AS has_plan, MAX(COALESCE(f.on_time, 0)) AS on_time \
            FROM (\(r.memberYears())) x LEFT JOIN f ON f.person_id = x.person_id AND f.year = x.year \
            GROUP BY x.col, x.person_id, x.year) g GROUP BY g.col
            """
    }

    /// Counted per (cell, year) first, then each cell's counts added to the columns above it.
    static func personalPlansFulfilled(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let rows = try await Self.rows("""
            SELECT c.col AS col, CAST(COALESCE(SUM(g.assessed), 0) AS BIGINT) AS assessed, \
            CAST(COALESCE(SUM(g.fulfilled), 0) AS BIGINT) AS fulfilled FROM (\
            SELECT pp.unit_id AS unit_id, pp.year AS year, COUNT(*) AS assessed, \
            SUM(\(flag("pp.assessment = \(bind: PlanAssessment.fulfilled.rawValue)"))) AS fulfilled FROM personal_plans pp \
            WHERE pp.assessment IS NOT NULL AND pp.year BETWEEN \(literal: r.years.lowerBound) AND \(literal: r.years.upperBound) \
            AND \(r.underAnyRoot("pp.unit_id")) GROUP BY pp.unit_id, pp.year) g \(r.join("g.unit_id")) AND g.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.personalPlansFulfilled.definition
        return try rows.map { IndicatorResult(definition, definition.figure(try $0.int("fulfilled"), of: try $0.int("assessed"))) }
    }

    static func practiceModels(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let kinds = PracticeModelKind.allCases
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS n, COUNT(DISTINCT pm.unit_id) AS units, \(countsBy("pm.kind", kinds.map(\.rawValue))) \
            FROM practice_models pm \(r.join("pm.unit_id")) \
            WHERE pm.year BETWEEN \(literal: r.years.lowerBound) AND \(literal: r.years.upperBound) \
            AND pm.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.practiceModels.definition
        return try rows.map { row in
            let parts = [IndicatorFigure.count(try row.int("units"), "tổ chức", label: "Tổ chức đảng đăng ký")]
                + (try Self.parts(row, kinds.map(\.label), noun: definition.noun))
            return IndicatorResult(definition, definition.figure(try row.int("n")), parts: parts)
        }
    }

    static func exemplars(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let subjects = ExemplarSubject.allCases
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS n, \(countsBy("x.subject", subjects.map(\.rawValue))) FROM exemplars x \
            \(r.join("x.unit_id")) WHERE x.recognised_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) \
            AND x.recognised_on BETWEEN c.d1 AND c.d2 GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.exemplars.definition
        return try rows.map { row in
            IndicatorResult(definition, definition.figure(try row.int("n")),
                            parts: try Self.parts(row, subjects.map(\.label), noun: definition.noun))
        }
    }
}
