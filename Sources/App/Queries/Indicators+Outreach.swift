import Domain
import SQLKit

/// IV.1–IV.2: outreach and writing contests (formulas: `IndicatorCatalog`).
extension Indicators {
    static func outreach(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await outreach(column: $0, sql) }
    }

    private static func outreach(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let forms = OutreachForm.allCases
        let row = try await Row.of("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(o.participants), 0) AS BIGINT) AS participants, \
            \(countsBy("o.form", forms.map(\.rawValue))) FROM outreach_activities o \
            WHERE \(r.dated("o.held_on")) AND \(r.under("o.unit_id"))
            """, on: sql)
        let definition = IndicatorCode.outreach.definition
        let parts = [IndicatorFigure.count(try row.int("participants"), "lượt người", label: "Lượt người tham gia")]
            + (try Self.parts(row, forms.map(\.label), noun: definition.noun))
        return IndicatorResult(definition, definition.figure(try row.int("n")), parts: parts)
    }

    /// Contests the subtree organised, and the entries it sent to any contest of those years.
    static func contests(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await contests(column: $0, sql) }
    }

    private static func contests(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let entries: SQLQueryString = """
            FROM contest_entries e JOIN contests c ON c.id = e.contest_id WHERE \(r.inYears("c.year")) AND \(r.under("e.unit_id"))
            """
        let row = try await Row.of("""
            SELECT (SELECT COUNT(*) FROM contests c WHERE \(r.inYears("c.year")) AND \(r.under("c.unit_id"))) AS contests, \
            (SELECT COUNT(*) \(entries)) AS entries, (SELECT COUNT(*) \(entries) AND e.selected_for_higher_level) AS selected
            """, on: sql)
        let definition = IndicatorCode.contests.definition
        let sent = try row.int("entries")
        return IndicatorResult(definition, definition.figure(try row.int("contests")), parts: [
            .count(sent, "bài", label: "Bài dự thi"),
            .share(try row.int("selected"), of: sent, "bài", label: "Bài được chọn dự thi cấp trên"),
        ])
    }
}
