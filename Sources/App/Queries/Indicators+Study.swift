import Domain
import SQLKit

/// II.1–II.3: study sessions, who took part, which TCCS held them (formulas: `IndicatorCatalog`).
extension Indicators {
    static func studySessions(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let formats = StudyFormat.allCases, modes = StudyMode.allCases
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS n, \(countsBy("s.format", formats.map(\.rawValue), prefix: "f")), \
            \(countsBy("s.mode", modes.map(\.rawValue), prefix: "m")) FROM study_sessions s \(r.join("s.unit_id")) \
            WHERE s.held_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) AND s.held_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.studySessions.definition
        return try rows.map { row in
            let parts = try Self.parts(row, formats.map(\.label), noun: definition.noun, prefix: "f")
                + Self.parts(row, modes.map(\.label), noun: definition.noun, prefix: "m")
            return IndicatorResult(definition, definition.figure(try row.int("n")), parts: parts)
        }
    }

    /// Members of the subtree at any time of the period, present at a session with a topic held
    /// in the period, whoever organised it (a province's conference counts for a cell's members).
    static func studyParticipation(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await studyParticipation(column: $0, sql) }
    }

    private static func studyParticipation(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let members: SQLQueryString = "FROM (\(r.members())) em"
        let row = try await Row.of("""
            SELECT (SELECT COUNT(DISTINCT em.person_id) \(members)) AS expected, \
            (SELECT COUNT(DISTINCT em.person_id) \(members) WHERE EXISTS (SELECT 1 FROM attendances att \
            JOIN study_sessions s ON s.id = att.session_id WHERE att.person_id = em.person_id \
            AND att.status = \(bind: AttendanceStatus.present.rawValue) AND s.topic_id IS NOT NULL \
            AND \(r.dated("s.held_on")))) AS present, \
            (SELECT CAST(COALESCE(SUM(s.non_member_count), 0) AS BIGINT) FROM study_sessions s WHERE s.topic_id IS NOT NULL \
            AND \(r.dated("s.held_on")) AND \(r.under("s.unit_id"))) AS non_members
            """, on: sql)
        let definition = IndicatorCode.studyParticipation.definition
        return IndicatorResult(definition, definition.figure(try row.int("present"), of: try row.int("expected")), parts: [
            .count(try row.int("non_members"), "lượt", label: "Lượt quần chúng tham gia"),
        ])
    }

    /// A session counts for a TCCS when the TCCS or a unit under it (on the period's last day) held it.
    static func grassrootsStudy(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await r.eachColumn { try await grassrootsStudy(column: $0, sql) }
    }

    private static func grassrootsStudy(column r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of("""
            SELECT COUNT(*) AS expected, COALESCE(SUM(f.studied), 0) AS studied FROM (\
            SELECT \(flag("""
                EXISTS (SELECT 1 FROM study_sessions s WHERE s.topic_id IS NOT NULL AND \(r.dated("s.held_on")) \
                AND \(r.under("s.unit_id", ancestor: "t.unit_id")))
                """)) AS studied \
            FROM (\(Expected.grassrootsUnitsSQL(r.range))) t WHERE \(r.under("t.unit_id"))) f
            """, on: sql)
        let definition = IndicatorCode.grassrootsStudy.definition
        return IndicatorResult(definition, definition.figure(try row.int("studied"), of: try row.int("expected")))
    }
}
