import Domain
import SQLKit

/// II.4–II.6: the cells' monthly and thematic meetings (formulas: `IndicatorCatalog`).
extension Indicators {
    /// A cell-month is matched by the meeting's month, so the month a period starts or ends in
    /// counts its meeting whatever its day.
    static func monthlyContent(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await monthlyContent(column: $0, sql) }
    }

    private static func monthlyContent(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of(monthlyContentSQL(r), on: sql)
        let definition = IndicatorCode.monthlyContent.definition
        let expected = try row.int("expected")
        return IndicatorResult(definition, definition.figure(try row.int("content"), of: expected), parts: [
            .share(try row.int("held"), of: expected, definition.noun, label: "Có ghi sinh hoạt thường kỳ"),
        ])
    }

    /// One row: `expected` cell-months, those `held` (a regular meeting recorded) and those with
    /// the programme's `content` (also read by C.1).
    static func monthlyContentSQL(_ r: IndicatorRollup) -> SQLQueryString {
        """
        SELECT COUNT(*) AS expected, COALESCE(SUM(f.held), 0) AS held, COALESCE(SUM(f.content), 0) AS content FROM (\
        SELECT \(flag(monthHeld)) AS held, \(flag(monthWithContent)) AS content \
        FROM (\(Expected.cellMonthsSQL(r.range))) mo WHERE \(r.under("mo.unit_id"))) f
        """
    }

    /// Condition on a cell-month `mo` (unit_id, month): a regular meeting is recorded for it.
    static let monthHeld: SQLQueryString = "EXISTS (SELECT 1 \(regularMeetingOfMonth))"

    /// Condition on a cell-month `mo`: its regular meeting carried the programme's content (II.4's
    /// numerator; the dashboard's grid counts the same).
    static let monthWithContent: SQLQueryString = "EXISTS (SELECT 1 \(regularMeetingOfMonth) AND cm.included_programme_content)"

    private static let regularMeetingOfMonth: SQLQueryString = """
        FROM cell_meetings cm WHERE cm.unit_id = mo.unit_id AND cm.kind = \(bind: CellMeetingKind.regular.rawValue) \
        AND cm.regular_month = mo.month
        """

    /// A cell meets the rule when every quarter it existed in (within the period) has a thematic
    /// meeting anywhere in that calendar quarter.
    static func thematicMeetings(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await thematicMeetings(column: $0, sql) }
    }

    private static func thematicMeetings(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let thematic = CellMeetingKind.thematic.rawValue
        let row = try await Row.of("""
            SELECT (SELECT COUNT(*) FROM cell_meetings cm WHERE cm.kind = \(bind: thematic) AND \(r.dated("cm.held_on")) \
            AND \(r.under("cm.unit_id"))) AS meetings, \
            COUNT(*) AS cells, COALESCE(SUM(\(flag("c.missed = 0"))), 0) AS compliant FROM (\
            SELECT q.unit_id, SUM(q.miss) AS missed FROM (\
            SELECT cq.unit_id, \(flag("""
                NOT EXISTS (SELECT 1 FROM cell_meetings cm WHERE cm.unit_id = cq.unit_id AND cm.kind = \(bind: thematic) \
                AND cm.held_on BETWEEN cq.first_day AND cq.last_day)
                """)) AS miss \
            FROM (\(Expected.cellQuartersSQL(r.range))) cq WHERE \(r.under("cq.unit_id"))) q GROUP BY q.unit_id) c
            """, on: sql)
        let definition = IndicatorCode.thematicMeetings.definition
        return IndicatorResult(definition, definition.figure(try row.int("meetings")), parts: [
            .share(try row.int("compliant"), of: try row.int("cells"), "chi bộ", label: "Chi bộ sinh hoạt chuyên đề đủ các quý"),
        ])
    }

    static func thematicDiscussion(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await thematicDiscussion(column: $0, sql) }
    }

    private static func thematicDiscussion(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of("""
            SELECT COUNT(*) AS meetings, CAST(COALESCE(SUM(cm.opinions_raised), 0) AS BIGINT) AS opinions \
            FROM cell_meetings cm WHERE cm.kind = \(bind: CellMeetingKind.thematic.rawValue) \
            AND \(r.dated("cm.held_on")) AND \(r.under("cm.unit_id"))
            """, on: sql)
        let definition = IndicatorCode.thematicDiscussion.definition
        let meetings = try row.int("meetings"), opinions = try row.int("opinions")
        return IndicatorResult(definition, definition.figure(opinions, of: meetings), parts: [
            .count(opinions, "ý kiến", label: "Ý kiến phát biểu"),
            .count(meetings, "cuộc", label: "Cuộc sinh hoạt chuyên đề"),
        ])
    }
}
