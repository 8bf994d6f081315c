import Domain
import SQLKit

/// III.1–III.4: personal plans, their assessment, practice models, exemplars (formulas: `IndicatorCatalog`).
extension Indicators {
    /// A member expected in a year counts once for it, however many cells of the subtree they
    /// belonged to; the plan binds to the due date of the plan's own cell.
    static func personalPlans(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await personalPlans(column: $0, sql) }
    }

    private static func personalPlans(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of(personalPlansSQL(r), on: sql)
        let definition = IndicatorCode.personalPlans.definition
        let submitted = try row.int("submitted")
        return IndicatorResult(definition, definition.figure(submitted, of: try row.int("expected")), parts: [
            .share(try row.int("on_time"), of: submitted, "kế hoạch", label: "Nộp đúng hạn"),
        ])
    }

    /// One row: `expected`, `submitted`, `on_time` personal plans of the members.
    static func personalPlansSQL(_ r: IndicatorRollup) -> SQLQueryString {
        """
        SELECT COUNT(*) AS expected, COALESCE(SUM(f.has_plan), 0) AS submitted, \
        COALESCE(SUM(\(flag("f.has_plan = 1 AND (f.due IS NULL OR f.submitted_on <= f.due)"))), 0) AS on_time FROM (\
        SELECT \(flag("pp.id IS NOT NULL")) AS has_plan, pp.submitted_on AS submitted_on, \
        \(DueDates.dueSQL(.personalPlan, unitSQL: "pp.unit_id", yearSQL: "x.year")) AS due \
        FROM (\(r.planMemberYears())) x LEFT JOIN personal_plans pp ON pp.person_id = x.person_id \
        AND pp.year = x.year AND pp.status = \(bind: PersonalPlanStatus.submitted.rawValue)) f
        """
    }

    static func personalPlansFulfilled(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await personalPlansFulfilled(column: $0, sql) }
    }

    private static func personalPlansFulfilled(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of("""
            SELECT COUNT(*) AS assessed, \
            COALESCE(SUM(\(flag("pp.assessment = \(bind: PlanAssessment.fulfilled.rawValue)"))), 0) AS fulfilled \
            FROM personal_plans pp WHERE pp.assessment IS NOT NULL AND \(r.inYears("pp.year")) AND \(r.under("pp.unit_id"))
            """, on: sql)
        let definition = IndicatorCode.personalPlansFulfilled.definition
        return IndicatorResult(definition, definition.figure(try row.int("fulfilled"), of: try row.int("assessed")))
    }

    static func practiceModels(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await practiceModels(column: $0, sql) }
    }

    private static func practiceModels(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let kinds = PracticeModelKind.allCases
        let row = try await Row.of("""
            SELECT COUNT(*) AS n, COUNT(DISTINCT pm.unit_id) AS units, \(countsBy("pm.kind", kinds.map(\.rawValue))) \
            FROM practice_models pm WHERE \(r.inYears("pm.year")) AND \(r.under("pm.unit_id"))
            """, on: sql)
        let definition = IndicatorCode.practiceModels.definition
        let parts = [IndicatorFigure.count(try row.int("units"), "tổ chức", label: "Tổ chức đảng đăng ký")]
            + (try Self.parts(row, kinds.map(\.label), noun: definition.noun))
        return IndicatorResult(definition, definition.figure(try row.int("n")), parts: parts)
    }

    static func exemplars(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await exemplars(column: $0, sql) }
    }

    private static func exemplars(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let subjects = ExemplarSubject.allCases
        let row = try await Row.of("""
            SELECT COUNT(*) AS n, \(countsBy("x.subject", subjects.map(\.rawValue))) FROM exemplars x \
            WHERE \(r.dated("x.recognised_on")) AND \(r.under("x.unit_id"))
            """, on: sql)
        let definition = IndicatorCode.exemplars.definition
        return IndicatorResult(definition, definition.figure(try row.int("n")),
                               parts: try Self.parts(row, subjects.map(\.label), noun: definition.noun))
    }
}
