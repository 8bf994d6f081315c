import Domain
import SQLKit

/// The baseline's record counts: I.1, II.1–II.3, III.3, III.4, IV.1, IV.2, V.1, V.2.
extension BaselineRollup {
    func records() async throws -> [IndicatorCode: [[Int]]] {
        var out: [IndicatorCode: [[Int]]] = [:]
        out[.guidanceDocuments] = try await grouped("""
            SELECT c.col, COUNT(*) AS n FROM guidance_documents d \(under("d.unit_id")) AND d.issued_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col
            """) { [try $0("n"), 0] }
        let formats = StudyFormat.allCases.map(\.rawValue), modes = StudyMode.allCases.map(\.rawValue)
        let sessions = try await grouped("""
            SELECT c.col, COUNT(*) AS n, \(counts("s.format", formats, "f")), \(counts("s.mode", modes, "m")), \
            CAST(SUM(CASE WHEN s.topic_id IS NOT NULL THEN s.non_member_count ELSE 0 END) AS BIGINT) AS non_members \
            FROM study_sessions s \(under("s.unit_id")) AND s.held_on BETWEEN c.d1 AND c.d2 \
            WHERE s.held_on BETWEEN \(bind: from) AND \(bind: to) GROUP BY c.col
            """) { get in
            [try get("n"), 0] + (try countFigures(get, formats.count, "f")) + (try countFigures(get, modes.count, "m"))
                + [try get("non_members")]
        }
        out[.studySessions] = sessions.map { Array($0.dropLast()) }
        out[.studyParticipation] = zip(try await participation(), sessions).map { $0 + [$1.last!, 0] }
        out[.grassrootsStudy] = try await grassrootsStudy()
        let kinds = PracticeModelKind.allCases.map(\.rawValue)
        out[.practiceModels] = try await grouped("""
            SELECT c.col, COUNT(*) AS n, COUNT(DISTINCT pm.unit_id) AS units, \(counts("pm.kind", kinds, "k")) \
            FROM practice_models pm \(under("pm.unit_id")) AND pm.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
            """) { [try $0("n"), 0, try $0("units"), 0] + (try countFigures($0, kinds.count, "k")) }
        let subjects = ExemplarSubject.allCases.map(\.rawValue)
        out[.exemplars] = try await grouped("""
            SELECT c.col, COUNT(*) AS n, \(counts("x.subject", subjects, "s")) FROM exemplars x \(under("x.unit_id")) \
            AND x.recognised_on BETWEEN c.d1 AND c.d2 GROUP BY c.col
            """) { [try $0("n"), 0] + (try countFigures($0, subjects.count, "s")) }
        let forms = OutreachForm.allCases.map(\.rawValue)
        out[.outreach] = try await grouped("""
            SELECT c.col, COUNT(*) AS n, CAST(SUM(o.participants) AS BIGINT) AS participants, \(counts("o.form", forms, "f")) \
            FROM outreach_activities o \(under("o.unit_id")) AND o.held_on BETWEEN c.d1 AND c.d2 \
            WHERE o.held_on BETWEEN \(bind: from) AND \(bind: to) GROUP BY c.col
            """) { [try $0("n"), 0, try $0("participants"), 0] + (try countFigures($0, forms.count, "f")) }
        out[.contests] = try await contests()
        let register = try await commendations()
        out[.commendations] = register.commendations
        out[.praise] = register.praise
        return out
    }

    /// Distinct members of each subtree in the column's days, and those present at a session with
    /// a topic held in the column's years (within the period), whoever organised it. Attendance is
    /// read only for people with a membership in the subtrees, as a grassroots unit's query would.
    private func participation() async throws -> [[Int]] {
        try await materialise("bench_pres", key: ["person_id", "y"], """
            SELECT DISTINCT att.person_id AS person_id, CAST(SUBSTR(s.held_on, 1, 4) AS INTEGER) AS y \
            FROM attendances att JOIN study_sessions s ON s.id = att.session_id \
            WHERE att.status = \(literal: AttendanceStatus.present.rawValue) AND s.topic_id IS NOT NULL \
            AND s.held_on BETWEEN \(literal: from) AND \(literal: to) AND att.person_id IN (SELECT tm.person_id FROM memberships tm \
            WHERE tm.unit_id IN (SELECT unit_id FROM bench_tree))
            """)
        return try await grouped("""
            SELECT x.col, COUNT(*) AS expected, SUM(x.hit) AS present FROM (\
            SELECT c.col AS col, m.person_id, MAX(CASE WHEN pr.person_id IS NULL THEN 0 ELSE 1 END) AS hit FROM memberships m \
            JOIN people p ON p.id = m.person_id \(under("m.unit_id")) AND m.valid_from <= c.d2 \
            AND (m.valid_to IS NULL OR m.valid_to > c.d1) \
            LEFT JOIN bench_pres pr ON pr.person_id = m.person_id AND pr.y BETWEEN c.y1 AND c.y2 \
            WHERE p.category = \(bind: PersonCategory.partyMember.rawValue) GROUP BY c.col, m.person_id) x GROUP BY x.col
            """) { [try $0("present"), try $0("expected")] }
    }

    /// TCCS alive in the column's days, and those whose subtree (on the tree day) held a session
    /// with a topic in the column's years.
    private func grassrootsStudy() async throws -> [[Int]] {
        try await materialise("bench_sy", key: ["tccs", "y"], """
            SELECT DISTINCT h.ancestor_id AS tccs, CAST(SUBSTR(s.held_on, 1, 4) AS INTEGER) AS y \
            FROM study_sessions s JOIN unit_closure_history h ON h.descendant_id = s.unit_id \
            AND h.valid_from <= \(literal: treeDay) AND (h.valid_to IS NULL OR h.valid_to > \(literal: treeDay)) \
            WHERE s.topic_id IS NOT NULL AND s.held_on BETWEEN \(literal: from) AND \(literal: to) \
            AND s.unit_id IN (SELECT unit_id FROM bench_tree) AND h.ancestor_id IN (SELECT unit_id FROM bench_tree)
            """)
        return try await grouped("""
            SELECT g.col, COUNT(*) AS expected, SUM(g.hit) AS studied FROM (\
            SELECT c.col AS col, u.id, MAX(CASE WHEN sy.tccs IS NULL THEN 0 ELSE 1 END) AS hit FROM org_units u \
            JOIN unit_kinds k ON k.code = u.kind_code \(under("u.id")) \
            AND u.founded_on <= c.d2 AND (u.dissolved_on IS NULL OR u.dissolved_on > c.d1) \
            LEFT JOIN bench_sy sy ON sy.tccs = u.id AND sy.y BETWEEN c.y1 AND c.y2 WHERE k.is_grassroots GROUP BY c.col, u.id) g GROUP BY g.col
            """) { [try $0("studied"), try $0("expected")] }
    }

    private func contests() async throws -> [[Int]] {
        let held = try await grouped("""
            SELECT c.col, COUNT(*) AS n FROM contests ct \(under("ct.unit_id")) AND ct.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
            """) { [try $0("n"), 0] }
        let entries = try await grouped("""
            SELECT c.col, COUNT(*) AS n, \(count("e.selected_for_higher_level", as: "selected")) FROM contest_entries e \
            JOIN contests ct ON ct.id = e.contest_id \(under("e.unit_id")) AND ct.year BETWEEN c.y1 AND c.y2 GROUP BY c.col
            """) { [try $0("n"), 0, try $0("selected"), try $0("n")] }
        return zip(held, entries).map { $0 + $1 }
    }
}
