import Domain
import SQLKit

/// III.5: the distribution over the four grading levels (formula: `IndicatorCatalog`).
extension Indicators {
    /// Members: grades on submitted members' sheets of units in the column's subtree. Organisations:
    /// grades on submitted organisations' sheets of units graded below the column's root, in its
    /// subtree. Two statements grouped by column, one by the grade's `unit_id`, one by `subject_unit_id`,
    /// each counting per (unit, year, level) of the units under a column's root first and adding
    /// those counts to the columns above.
    static func gradings(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let levels = GradingLevel.allCases
        func counts(_ subject: GradingSubject, _ unit: SQLQueryString, _ condition: SQLQueryString = "") async throws -> [Row] {
            let byLevel = levels.enumerated().map { i, level -> SQLQueryString in
                "CAST(COALESCE(SUM(CASE WHEN g.level = \(bind: level.rawValue) THEN g.n ELSE 0 END), 0) AS BIGINT) AS \(ident: "c\(i)")"
            }
            return try await Self.rows("""
                SELECT c.col AS col, CAST(COALESCE(SUM(g.n), 0) AS BIGINT) AS n, \(byLevel.joined(separator: ", ")) FROM (\
                SELECT \(unit) AS unit_id, e.year AS year, e.level AS level, COUNT(*) AS n FROM evaluations e \
                JOIN grading_sheets s ON s.id = e.sheet_id WHERE s.status = \(bind: GradingSheetStatus.submitted.rawValue) \
                AND e.subject = \(bind: subject.rawValue) AND e.year BETWEEN \(literal: r.years.lowerBound) AND \(literal: r.years.upperBound) \
                AND \(r.underAnyRoot(unit)) GROUP BY \(unit), e.year, e.level) g \(r.join("g.unit_id")) AND g.year BETWEEN c.y1 AND c.y2 \(condition) GROUP BY c.col
                """, r, on: sql)
        }
        let members = try await counts(.member, "e.unit_id")
        let units = try await counts(.organisation, "e.subject_unit_id", "AND g.unit_id <> c.anc")
        let definition = IndicatorCode.gradings.definition
        return try zip(members, units).map { m, o in
            let memberParts = try levels.enumerated().map { i, level in
                IndicatorFigure.count(try m.int("c\(i)"), "đảng viên", label: "Đảng viên \(level.abbreviation)")
            }
            let unitParts = try levels.enumerated().map { i, level in
                IndicatorFigure.count(try o.int("c\(i)"), "tổ chức", label: "Tổ chức đảng \(level.abbreviation)")
            }
            return IndicatorResult(definition, definition.figure(try m.int("n")),
                                   parts: memberParts + [.count(try o.int("n"), "tổ chức", label: "Tổ chức đảng được xếp loại")] + unitParts)
        }
    }
}
