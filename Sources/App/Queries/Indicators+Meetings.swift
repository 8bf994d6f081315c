import Domain
import SQLKit

/// II.4–II.6: the cells' monthly and thematic meetings (formulas: `IndicatorCatalog`).
extension Indicators {
    /// A cell-month is matched by the meeting's month, so the month a period starts or ends in
    /// counts its meeting whatever its day. The meetings are read once per cell-month (`mm`), then
    /// each column's cell-months (`IndicatorRollup.cellMonthsOfColumns`) look theirs up.
    static func monthlyContent(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let first = String(r.firstDay.iso.prefix(7)), last = String(r.lastDay.iso.prefix(7))
        let rows = try await Self.rows("""
            WITH mm AS MATERIALIZED (SELECT cm.unit_id AS unit_id, cm.regular_month AS month, \
            MAX(\(flag("cm.included_programme_content"))) AS content FROM cell_meetings cm \
            WHERE cm.kind = \(bind: CellMeetingKind.regular.rawValue) AND cm.regular_month BETWEEN \(bind: first) AND \(bind: last) \
            AND \(r.underAnyRoot("cm.unit_id")) GROUP BY cm.unit_id, cm.regular_month) \
            SELECT x.col AS col, COUNT(*) AS expected, COALESCE(SUM(\(flag("mm.unit_id IS NOT NULL"))), 0) AS held, \
            COALESCE(SUM(mm.content), 0) AS content FROM (\(r.cellMonthsOfColumns())) x \
            LEFT JOIN mm ON mm.unit_id = x.unit_id AND mm.month = x.month GROUP BY x.col
            """, r, on: sql)
        let definition = IndicatorCode.monthlyContent.definition
        return try rows.map { row in
            let expected = try row.int("expected")
            return IndicatorResult(definition, definition.figure(try row.int("content"), of: expected), parts: [
                .share(try row.int("held"), of: expected, definition.noun, label: "Có ghi sinh hoạt thường kỳ"),
            ])
        }
    }

    /// Condition on a cell-month `mo` (unit_id, month): its regular meeting carried the programme's
    /// content — the dashboard's grid; II.4 counts the same with one lookup per cell-month.
    static let monthWithContent: SQLQueryString = """
        EXISTS (SELECT 1 FROM cell_meetings cm WHERE cm.unit_id = mo.unit_id AND cm.kind = \(bind: CellMeetingKind.regular.rawValue) \
        AND cm.regular_month = mo.month AND cm.included_programme_content)
        """

    /// A cell meets the rule when every quarter it existed in (within the column) has a thematic
    /// meeting anywhere in that calendar quarter: each column's cell-quarter looks its meeting up
    /// through the index on (unit, day) — a set of the cells' quarters joined instead was read
    /// whole for every cell-quarter of the root's columns (SQLite chose no index for it).
    static func thematicMeetings(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let thematic = CellMeetingKind.thematic.rawValue
        let rows = try await Self.rows("""
            \(merged([
                """
                SELECT c.col AS col, COUNT(*) AS meetings, 0 AS cells, 0 AS compliant FROM cell_meetings cm \(r.join("cm.unit_id")) \
                WHERE cm.kind = \(bind: thematic) AND cm.held_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) \
                AND cm.held_on BETWEEN c.d1 AND c.d2 GROUP BY c.col
                """,
                """
                SELECT q.col AS col, 0 AS meetings, COUNT(*) AS cells, SUM(\(flag("q.missed = 0"))) AS compliant FROM (\
                SELECT x.col AS col, x.unit_id AS unit_id, SUM(\(flag("""
                    NOT EXISTS (SELECT 1 FROM cell_meetings tm WHERE tm.unit_id = x.unit_id AND tm.kind = \(bind: thematic) \
                    AND tm.held_on BETWEEN x.first_day AND x.last_day)
                    """))) AS missed \
                FROM (\(r.cellQuartersOfColumns())) x GROUP BY x.col, x.unit_id) q GROUP BY q.col
                """,
            ], ["meetings", "cells", "compliant"]))
            """, r, on: sql)
        let definition = IndicatorCode.thematicMeetings.definition
        return try rows.map { row in
            IndicatorResult(definition, definition.figure(try row.int("meetings")), parts: [
                .share(try row.int("compliant"), of: try row.int("cells"), "chi bộ", label: "Chi bộ sinh hoạt chuyên đề đủ các quý"),
            ])
        }
    }

    static func thematicDiscussion(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS meetings, CAST(COALESCE(SUM(cm.opinions_raised), 0) AS BIGINT) AS opinions \
            FROM cell_meetings cm \(r.join("cm.unit_id")) WHERE cm.kind = \(bind: CellMeetingKind.thematic.rawValue) \
            AND cm.held_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) AND cm.held_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.thematicDiscussion.definition
        return try rows.map { row in
            let meetings = try row.int("meetings"), opinions = try row.int("opinions")
            return IndicatorResult(definition, definition.figure(opinions, of: meetings), parts: [
                .count(opinions, "ý kiến", label: "Ý kiến phát biểu"),
                .count(meetings, "cuộc", label: "Cuộc sinh hoạt chuyên đề"),
            ])
        }
    }
}
