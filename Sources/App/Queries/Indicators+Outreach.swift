import Domain
import SQLKit

/// IV.1–IV.2: outreach and writing contests (formulas: `IndicatorCatalog`).
extension Indicators {
    static func outreach(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let forms = OutreachForm.allCases
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS n, CAST(COALESCE(SUM(o.participants), 0) AS BIGINT) AS participants, \
            \(countsBy("o.form", forms.map(\.rawValue))) FROM outreach_activities o \(r.join("o.unit_id")) \
            WHERE o.held_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) AND o.held_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.outreach.definition
        return try rows.map { row in
            let parts = [IndicatorFigure.count(try row.int("participants"), "lượt người", label: "Lượt người tham gia")]
                + (try Self.parts(row, forms.map(\.label), noun: definition.noun))
            return IndicatorResult(definition, definition.figure(try row.int("n")), parts: parts)
        }
    }

    /// Contests the subtree organised, and the entries it sent to any contest of those years.
    static func contests(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let years: SQLQueryString = "ct.year BETWEEN \(literal: r.years.lowerBound) AND \(literal: r.years.upperBound) AND ct.year BETWEEN c.y1 AND c.y2"
        let rows = try await Self.rows(merged([
            """
            SELECT c.col AS col, COUNT(*) AS contests, 0 AS entries, 0 AS selected FROM contests ct \(r.join("ct.unit_id")) \
            WHERE \(years) GROUP BY c.col
            """,
            """
            SELECT c.col AS col, 0 AS contests, COUNT(*) AS entries, SUM(\(flag("e.selected_for_higher_level"))) AS selected \
            FROM contest_entries e JOIN contests ct ON ct.id = e.contest_id \(r.join("e.unit_id")) WHERE \(years) GROUP BY c.col
            """,
        ], ["contests", "entries", "selected"]), r, on: sql)
        let definition = IndicatorCode.contests.definition
        return try rows.map { row in
            let sent = try row.int("entries")
            return IndicatorResult(definition, definition.figure(try row.int("contests")), parts: [
                .count(sent, "bài", label: "Bài dự thi"),
                .share(try row.int("selected"), of: sent, "bài", label: "Bài được chọn dự thi cấp trên"),
            ])
        }
    }
}
