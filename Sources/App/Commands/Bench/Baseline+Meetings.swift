import Domain
import SQLKit

/// The baseline's cell meetings (II.4–II.6) and gradings (III.5).
extension BaselineRollup {
    func meetings() async throws -> [IndicatorCode: [[Int]]] {
        var out: [IndicatorCode: [[Int]]] = [:]
        out[.monthlyContent] = try await monthlyContent()
        let thematic = CellMeetingKind.thematic.rawValue
        let held = try await grouped("""
            SELECT c.col, COUNT(*) AS n, CAST(SUM(cm.opinions_raised) AS BIGINT) AS opinions FROM cell_meetings cm \
            \(under("cm.unit_id")) AND cm.held_on BETWEEN c.d1 AND c.d2 \
            WHERE cm.kind = \(bind: thematic) AND cm.held_on BETWEEN \(bind: from) AND \(bind: to) GROUP BY c.col
            """) { [try $0("n"), try $0("opinions")] }
        out[.thematicDiscussion] = held.map { [$0[1], $0[0], $0[1], 0, $0[0], 0] }
        out[.thematicMeetings] = zip(held, try await quarterlyCompliance()).map { [$0[0], 0] + $1 }
        out[.gradings] = zip(try await gradings(organisations: false), try await gradings(organisations: true)).map { $0 + $1 }
        return out
    }

    /// `CASE` picking the earlier (`<`) or later (`>`) of two ISO days, in both databases.
    private func pick(_ a: SQLQueryString, _ op: SQLQueryString, _ b: SQLQueryString) -> SQLQueryString {
        "(CASE WHEN \(a) \(op) \(b) THEN \(a) ELSE \(b) END)"
    }

    /// Cell-months (each month the cell lived in, clipped to the column's days), those with a
    /// regular meeting recorded for the month, those whose meeting carried the programme's content.
    private func monthlyContent() async throws -> [[Int]] {
        let first = String(period.from.iso.prefix(7)), last = String(period.to.iso.prefix(7))
        return try await grouped("""
            WITH mm AS (SELECT cm.unit_id AS unit_id, cm.regular_month AS month, \
            MAX(CASE WHEN cm.included_programme_content THEN 1 ELSE 0 END) AS content FROM cell_meetings cm \
            WHERE cm.kind = \(bind: CellMeetingKind.regular.rawValue) AND cm.regular_month BETWEEN \(bind: first) AND \(bind: last) \
            AND cm.unit_id IN (SELECT unit_id FROM bench_tree) GROUP BY cm.unit_id, cm.regular_month) \
            SELECT c.col, COUNT(*) AS expected, \(count("mm.unit_id IS NOT NULL", as: "held")), SUM(mm.content) AS content \
            FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \(under("u.id")) \
            JOIN bench_months mo ON mo.ml >= c.d1 AND mo.mf <= c.d2 AND u.founded_on <= \(pick("mo.ml", "<", "c.d2")) \
            AND (u.dissolved_on IS NULL OR u.dissolved_on > \(pick("mo.mf", ">", "c.d1"))) \
            LEFT JOIN mm ON mm.unit_id = u.id AND mm.month = mo.month WHERE k.is_cell GROUP BY c.col
            """) { [try $0("content"), try $0("expected"), try $0("held"), try $0("expected")] }
    }

    /// Cells with at least one quarter (clipped to the column's days), and those with a thematic
    /// meeting in every such calendar quarter (anywhere in the quarter).
    private func quarterlyCompliance() async throws -> [[Int]] {
        try await grouped("""
            WITH tq AS (SELECT DISTINCT cm.unit_id AS unit_id, q.qf AS qf FROM cell_meetings cm \
            JOIN bench_quarters q ON cm.held_on BETWEEN q.qf AND q.ql WHERE cm.kind = \(bind: CellMeetingKind.thematic.rawValue) \
            AND cm.unit_id IN (SELECT unit_id FROM bench_tree)) \
            SELECT x.col, COUNT(*) AS cells, \(count("x.missed = 0", as: "compliant")) FROM (\
            SELECT c.col AS col, u.id, SUM(CASE WHEN tq.unit_id IS NULL THEN 1 ELSE 0 END) AS missed FROM org_units u \
            JOIN unit_kinds k ON k.code = u.kind_code \(under("u.id")) \
            JOIN bench_quarters q ON q.ql >= c.d1 AND q.qf <= c.d2 AND u.founded_on <= \(pick("q.ql", "<", "c.d2")) \
            AND (u.dissolved_on IS NULL OR u.dissolved_on > \(pick("q.qf", ">", "c.d1"))) \
            LEFT JOIN tq ON tq.unit_id = u.id AND tq.qf = q.qf WHERE k.is_cell GROUP BY c.col, u.id) x GROUP BY x.col
            """) { [try $0("compliant"), try $0("cells")] }
    }

    /// Grades on submitted sheets in the column's years: members by the grade's unit, organisations
    /// by the graded unit (below the column's own unit).
    private func gradings(organisations: Bool) async throws -> [[Int]] {
        let levels = GradingLevel.allCases.map(\.rawValue)
        let subject = organisations ? GradingSubject.organisation : GradingSubject.member
        let unit: SQLQueryString = organisations ? "e.subject_unit_id" : "e.unit_id"
        let notSelf: SQLQueryString = organisations ? "AND e.subject_unit_id <> c.anc" : ""
        return try await grouped("""
            SELECT c.col, COUNT(*) AS n, \(counts("e.level", levels, "l")) FROM evaluations e \
            JOIN grading_sheets s ON s.id = e.sheet_id \(under(unit)) AND e.year BETWEEN c.y1 AND c.y2 \(notSelf) \
            WHERE s.status = \(bind: GradingSheetStatus.submitted.rawValue) AND e.subject = \(bind: subject.rawValue) \
            AND e.year BETWEEN \(literal: firstYear) AND \(literal: lastYear) GROUP BY c.col
            """) { [try $0("n"), 0] + (try countFigures($0, levels.count, "l")) }
    }
}
