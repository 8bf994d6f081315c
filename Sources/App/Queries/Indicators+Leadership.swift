import Domain
import SQLKit

/// I.1–I.4: guidance, plans, breakthrough goals, codes of conduct (formulas: `IndicatorCatalog`).
extension Indicators {
    static func guidanceDocuments(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await guidanceDocuments(column: $0, sql) }
    }

    private static func guidanceDocuments(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of("""
            SELECT COUNT(*) AS n FROM guidance_documents d WHERE \(r.dated("d.issued_on")) AND \(r.under("d.unit_id"))
            """, on: sql)
        let definition = IndicatorCode.guidanceDocuments.definition
        return IndicatorResult(definition, definition.figure(try row.int("n")))
    }

    /// A plan counts when it stands submitted or approved; "on time" reads its first submission.
    static func unitPlans(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await unitPlans(column: $0, sql) }
    }

    private static func unitPlans(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of(unitPlansSQL(r), on: sql)
        let definition = IndicatorCode.unitPlans.definition
        let done = try row.int("submitted")
        return IndicatorResult(definition, definition.figure(done, of: try row.int("expected")), parts: [
            .share(try row.int("on_time"), of: done, "kế hoạch", label: "Nộp đúng hạn"),
        ])
    }

    /// One row: `expected`, `submitted`, `on_time` year plans of the units (also read by C.1).
    static func unitPlansSQL(_ r: IndicatorRollup) -> SQLQueryString {
        let submitted = PlanStatus.allCases.filter(\.isSubmitted).map(\.rawValue)
        let plans: SQLQueryString = """
            FROM unit_plans p WHERE p.unit_id = x.unit_id AND p.scope = \(bind: PlanScope.year.rawValue) \
            AND p.year = x.year AND p.status IN (\(binds: submitted))
            """
        return """
            SELECT COUNT(*) AS expected, COALESCE(SUM(f.has_plan), 0) AS submitted, \
            COALESCE(SUM(\(flag("f.has_plan = 1 AND (f.due IS NULL OR f.first_on <= f.due)"))), 0) AS on_time FROM (\
            SELECT \(flag("EXISTS (SELECT 1 \(plans))")) AS has_plan, (SELECT MIN(p.first_submitted_on) \(plans)) AS first_on, \
            \(DueDates.dueSQL(.unitPlanYear, unitSQL: "x.unit_id", yearSQL: "x.year")) AS due \
            FROM (\(r.planUnitYears())) x) f
            """
    }

    /// Goals of a year plan of a year the period touches, or of a whole-term plan whose programme
    /// runs in one of those years.
    static func breakthroughGoals(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await breakthroughGoals(column: $0, sql) }
    }

    private static func breakthroughGoals(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let firstDay = LocalDate.firstOf(year: r.period.years.lowerBound), lastDay = LocalDate.lastOf(year: r.period.years.upperBound)
        let term: SQLQueryString = "p.scope = \(bind: PlanScope.term.rawValue)"
        let year: SQLQueryString = "p.scope = \(bind: PlanScope.year.rawValue)"
        let goals: SQLQueryString = """
            FROM breakthrough_goals g JOIN unit_plans p ON p.id = g.plan_id JOIN programmes pr ON pr.id = p.programme_id
            """
        let periodGoals: SQLQueryString = """
            \(goals) WHERE \(r.under("g.unit_id")) AND ((\(year) AND \(r.inYears("p.year"))) \
            OR (\(term) AND pr.starts_on <= \(bind: lastDay.iso) AND (pr.ends_on IS NULL OR pr.ends_on >= \(bind: firstDay.iso))))
            """
        let row = try await Row.of("""
            SELECT COUNT(*) AS expected, COALESCE(SUM(f.has_goal), 0) AS with_goals, \
            (SELECT COUNT(*) \(periodGoals)) AS goals, \
            (SELECT COUNT(*) \(periodGoals) AND g.status = \(bind: GoalStatus.completed.rawValue) AND \(r.dated("g.finished_on"))) AS completed \
            FROM (SELECT \(flag("""
                EXISTS (SELECT 1 \(goals) WHERE p.unit_id = x.unit_id AND ((\(year) AND p.year = x.year) \
                OR (\(term) AND pr.starts_on <= x.last_day AND (pr.ends_on IS NULL OR pr.ends_on >= x.first_day))))
                """)) AS has_goal FROM (\(r.planUnitYears())) x) f
            """, on: sql)
        let definition = IndicatorCode.breakthroughGoals.definition
        return IndicatorResult(definition, definition.figure(try row.int("with_goals"), of: try row.int("expected")), parts: [
            .share(try row.int("completed"), of: try row.int("goals"), "nội dung", label: "Nội dung đột phá hoàn thành"),
        ])
    }

    /// "In force" on the last day: issued by then and not replaced by a revision issued by then.
    static func conductCodes(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await conductCodes(column: $0, sql) }
    }

    private static func conductCodes(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let day = r.to.iso
        let row = try await Row.of("""
            SELECT COUNT(*) AS expected, COALESCE(SUM(f.in_force), 0) AS in_force FROM (\
            SELECT \(flag("""
                EXISTS (SELECT 1 FROM conduct_codes c WHERE c.unit_id = e.unit_id AND c.issued_on <= \(bind: day) \
                AND NOT EXISTS (SELECT 1 FROM conduct_codes n WHERE n.replaces_id = c.id AND n.issued_on <= \(bind: day)))
                """)) AS in_force \
            FROM (\(Expected.planUnitsSQL(alive: r.to...r.to))) e WHERE \(r.under("e.unit_id"))) f
            """, on: sql)
        let definition = IndicatorCode.conductCodes.definition
        return IndicatorResult(definition, definition.figure(try row.int("in_force"), of: try row.int("expected")))
    }
}
