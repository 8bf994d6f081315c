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
    /// Who was present in which period is read once per period (`periodsSQL`), not per column,
    /// and only for people with a membership under a column's root (a TCCS reads its own
    /// members' attendance, not the province's).
    static func studyParticipation(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let present: SQLQueryString = """
            SELECT DISTINCT att.person_id AS person_id, pe.d1 AS d1, pe.d2 AS d2 FROM study_sessions s \
            JOIN attendances att ON att.session_id = s.id JOIN (\(r.periodsSQL)) pe ON s.held_on BETWEEN pe.d1 AND pe.d2 \
            WHERE s.topic_id IS NOT NULL AND s.held_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) \
            AND att.status = \(bind: AttendanceStatus.present.rawValue) \
            AND att.person_id IN (SELECT am.person_id FROM memberships am WHERE \(r.underAnyRoot("am.unit_id")))
            """
        let members = try await Self.rows("""
            SELECT g.col AS col, COUNT(*) AS expected, COALESCE(SUM(g.present), 0) AS present FROM (\
            SELECT x.col AS col, MAX(\(flag("pr.person_id IS NOT NULL"))) AS present FROM (\(r.memberColumns())) x \
            LEFT JOIN (\(present)) pr ON pr.person_id = x.person_id AND pr.d1 = x.d1 AND pr.d2 = x.d2 \
            GROUP BY x.col, x.person_id) g GROUP BY g.col
            """, r, on: sql)
        let nonMembers = try await Self.rows("""
            SELECT c.col AS col, CAST(COALESCE(SUM(s.non_member_count), 0) AS BIGINT) AS non_members \
            FROM study_sessions s \(r.join("s.unit_id")) WHERE s.topic_id IS NOT NULL \
            AND s.held_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) AND s.held_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.studyParticipation.definition
        return try zip(members, nonMembers).map { row, guests in
            IndicatorResult(definition, definition.figure(try row.int("present"), of: try row.int("expected")), parts: [
                .count(try guests.int("non_members"), "lượt", label: "Lượt quần chúng tham gia"),
            ])
        }
    }

    /// A session counts for a TCCS when the TCCS or a unit under it (on the tree day) held it in
    /// the column's period; the TCCS are those of the column's subtree alive in its period
    /// (`Expected.aliveSQL` over the column's days, after `grassrootsUnitsSQL` over all of them).
    static func grassrootsStudy(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let rows = try await Self.rows("""
            SELECT c.col AS col, COUNT(*) AS expected, COALESCE(SUM(\(flag("""
                EXISTS (SELECT 1 FROM study_sessions s WHERE s.topic_id IS NOT NULL AND s.held_on BETWEEN c.d1 AND c.d2 \
                AND \(r.under("s.unit_id", ancestor: "t.unit_id")))
                """))), 0) AS studied \
            FROM (\(Expected.grassrootsUnitsSQL(r.firstDay...r.lastDay))) t JOIN org_units u ON u.id = t.unit_id \
            \(r.join("t.unit_id")) WHERE \(Expected.aliveSQL("u", first: "c.d1", last: "c.d2")) GROUP BY c.col
            """, r, on: sql)
        let definition = IndicatorCode.grassrootsStudy.definition
        return try rows.map { IndicatorResult(definition, definition.figure(try $0.int("studied"), of: try $0.int("expected"))) }
    }
}
