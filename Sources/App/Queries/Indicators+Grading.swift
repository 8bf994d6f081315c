import Domain
import SQLKit

/// III.5: the distribution over the four grading levels (formula: `IndicatorCatalog`).
extension Indicators {
    /// Members: grades on submitted members' sheets of units in the subtree. Organisations: grades
    /// on submitted organisations' sheets of units graded below the root, in the subtree. Two
    /// one-row counts, each reading only the subtree's evaluations (by `unit_id`, by `subject_unit_id`).
    static func gradings(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await gradings(column: $0, sql) }
    }

    private static func gradings(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let levels = GradingLevel.allCases
        func counts(_ prefix: String, _ condition: SQLQueryString) -> SQLQueryString {
            let columns = (["COUNT(*) AS \(ident: prefix + "n")"] + levels.enumerated().map { i, level -> SQLQueryString in
                "COALESCE(SUM(\(flag("e.level = \(bind: level.rawValue)"))), 0) AS \(ident: "\(prefix)\(i)")"
            }).joined(separator: ", ")
            return """
                SELECT \(columns) FROM evaluations e JOIN grading_sheets s ON s.id = e.sheet_id \
                WHERE s.status = \(bind: GradingSheetStatus.submitted.rawValue) AND \(r.inYears("e.year")) AND \(condition)
                """
        }
        let row = try await Row.of("""
            SELECT * FROM (\(counts("m", "e.subject = \(bind: GradingSubject.member.rawValue) AND \(r.under("e.unit_id"))"))) m \
            CROSS JOIN (\(counts("o", """
                e.subject = \(bind: GradingSubject.organisation.rawValue) AND e.subject_unit_id <> \(literal: r.root) \
                AND \(r.under("e.subject_unit_id"))
                """))) o
            """, on: sql)
        let definition = IndicatorCode.gradings.definition
        let memberParts = try levels.enumerated().map { i, level in
            IndicatorFigure.count(try row.int("m\(i)"), "đảng viên", label: "Đảng viên \(level.abbreviation)")
        }
        let unitParts = try levels.enumerated().map { i, level in
            IndicatorFigure.count(try row.int("o\(i)"), "tổ chức", label: "Tổ chức đảng \(level.abbreviation)")
        }
        return IndicatorResult(definition, definition.figure(try row.int("mn")),
                               parts: memberParts + [.count(try row.int("on"), "tổ chức", label: "Tổ chức đảng được xếp loại")] + unitParts)
    }
}
