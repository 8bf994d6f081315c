import Domain
import Fluent
import SQLKit
import Vapor

/// A party member expected at a session, with their mark if any.
struct AttendanceLine: Sendable, Decodable {
    let personID: Int
    let fullName: String
    let sortKey: String
    let unitID: Int
    let status: AttendanceStatus?

    enum CodingKeys: String, CodingKey {
        case personID = "person_id", fullName = "full_name", sortKey = "sort_key", unitID = "unit_id", status
    }
}

/// The attendance figures of a session, over all its expected members.
struct AttendanceCounts: Sendable, Decodable, Equatable {
    let expected: Int
    let present: Int
    let excused: Int
    let unexcused: Int

    var notMarked: Int { expected - present - excused - unexcused }
}

/// One mark to save, as sent (the API names each by its index when it is refused).
struct AttendanceMark: Sendable {
    var personID: Int?
    var status: String?
}

/// What the audit log keeps of a change of marks.
struct AttendanceChange: Codable, Sendable {
    let personID: Int
    let status: String?
}

extension StudySessionService {
    /// session_id, person_id and unit_id of the expected members of the sessions `sessions`
    /// selects (a condition on `s`, the study_sessions row): party members whose membership is
    /// open on the day of the session in a unit of an expected unit's subtree. The one definition
    /// of "expected" (DESIGN.md §3 II.2), for one session or many.
    /// The subtree comes from `unit_closure`, which is today's tree: a cell moved since the session
    /// counts under its new parent. Sessions name the units expected, usually the organiser's own
    /// subtree, so this matters only for sessions older than a restructuring.
    static func expectedSQL(sessions: SQLQueryString) -> SQLQueryString {
        """
        SELECT DISTINCT su.session_id AS session_id, m.person_id AS person_id, m.unit_id AS unit_id \
        FROM study_session_units su JOIN study_sessions s ON s.id = su.session_id \
        JOIN unit_closure c ON c.ancestor_id = su.unit_id \
        JOIN memberships m ON m.unit_id = c.descendant_id \
        JOIN people p ON p.id = m.person_id \
        WHERE \(sessions) AND p.category = \(bind: PersonCategory.partyMember.rawValue) \
        AND m.valid_from <= s.held_on AND (m.valid_to IS NULL OR m.valid_to > s.held_on)
        """
    }

    static func expectedSQL(_ session: StudySession) -> SQLQueryString {
        expectedSQL(sessions: "s.id = \(bind: session.id!)")
    }

    /// The expected members within `root`'s subtree (nil: all), with their marks, by unit then
    /// by name (sort_key).
    static func lines(_ session: StudySession, within root: Int?, on db: any Database) async throws -> [AttendanceLine] {
        var sql: SQLQueryString = """
            SELECT p.id AS person_id, p.full_name AS full_name, p.sort_key AS sort_key, e.unit_id AS unit_id, a.status AS status \
            FROM (\(expectedSQL(session))) e JOIN people p ON p.id = e.person_id \
            LEFT JOIN attendances a ON a.session_id = \(bind: session.id!) AND a.person_id = e.person_id
            """
        if let root {
            sql = sql + " WHERE e.unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root))"
        }
        sql = sql + " ORDER BY p.sort_key, p.id"
        let rows = try await (db as! any SQLDatabase).raw(sql).all(decoding: AttendanceLine.self)
        var seen = Set<Int>()
        return rows.filter { seen.insert($0.personID).inserted }
    }

    /// The lines the account sees: all for an administrator, its subtree's members otherwise.
    static func visibleLines(_ session: StudySession, access: Access) async throws -> [AttendanceLine] {
        try requireReader(access)
        if access.isAdmin { return try await lines(session, within: nil, on: access.db) }
        guard let root = access.scopeRoot else { return [] }
        return try await lines(session, within: root, on: access.db)
    }

    /// Expected, present, excused and unexcused members of the whole session.
    static func counts(_ session: StudySession, on db: any Database) async throws -> AttendanceCounts {
        let sql: SQLQueryString = """
            SELECT COUNT(*) AS expected, \
            COALESCE(SUM(CASE WHEN a.status = \(bind: AttendanceStatus.present.rawValue) THEN 1 ELSE 0 END), 0) AS present, \
            COALESCE(SUM(CASE WHEN a.status = \(bind: AttendanceStatus.excused.rawValue) THEN 1 ELSE 0 END), 0) AS excused, \
            COALESCE(SUM(CASE WHEN a.status = \(bind: AttendanceStatus.unexcused.rawValue) THEN 1 ELSE 0 END), 0) AS unexcused \
            FROM (SELECT DISTINCT x.person_id FROM (\(expectedSQL(session))) x) e \
            LEFT JOIN attendances a ON a.session_id = \(bind: session.id!) AND a.person_id = e.person_id
            """
        return try await (db as! any SQLDatabase).raw(sql).first(decoding: AttendanceCounts.self)
            ?? AttendanceCounts(expected: 0, present: 0, excused: 0, unexcused: 0)
    }

    /// Saves marks all together (insert or update); each person must be expected and in the
    /// account's subtree. Nothing is written when one mark is refused. Returns how many changed.
    @discardableResult
    static func mark(_ session: StudySession, _ marks: [AttendanceMark], access: Access) async throws -> Int {
        do {
            return try await markOnce(session, marks, access: access)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two people saved the same sheet at once and both inserted a mark: the first one
            // won; this save now finds its rows and updates them.
            return try await markOnce(session, marks, access: access)
        }
    }

    private static func markOnce(_ session: StudySession, _ marks: [AttendanceMark], access: Access) async throws -> Int {
        try TopicService.requireWriter(access)
        let editable = try await visibleLines(session, access: access)
        let current = Dictionary(uniqueKeysWithValues: editable.map { ($0.personID, $0.status) })
        var problems = InvalidInput()
        var wanted: [(personID: Int, status: AttendanceStatus)] = []
        var seen = Set<Int>()
        for (index, mark) in marks.enumerated() {
            let line = "Người tham dự (dòng \(index + 1))"
            guard let personID = mark.personID, current.keys.contains(personID) else {
                problems.add("[\(index)].personId", "\(line): không có trong danh sách đảng viên dự kiến tham dự mà bạn được điểm danh.")
                continue
            }
            guard seen.insert(personID).inserted else {
                problems.add("[\(index)].personId", "\(line): đã có ở một dòng trước.")
                continue
            }
            guard let status = AttendanceStatus(rawValue: mark.status ?? "") else {
                problems.add("[\(index)].status", "\(line): tình trạng phải là có mặt, vắng có lý do hoặc vắng không lý do.")
                continue
            }
            wanted.append((personID, status))
        }
        try problems.check()

        let changes = wanted.filter { current[$0.personID] != .some($0.status) }
        guard !changes.isEmpty else { return 0 }
        // A cell secretary marking the province's conference sees the entry in their own log.
        let auditUnit = try await access.canSee(unit: session.unitID) ? session.unitID : (access.scopeRoot ?? session.unitID)
        try await access.db.transaction { tx in
            let existing = changes.filter { current[$0.personID] != .some(nil) }
            for status in AttendanceStatus.allCases {
                let ids = existing.filter { $0.status == status }.map(\.personID)
                for chunk in ids.chunked(into: 500) {
                    try await Attendance.query(on: tx).filter(\.$sessionID == session.id!).filter(\.$personID ~~ Array(chunk))
                        .set(\.$status, to: status).update()
                }
            }
            let fresh = changes.filter { current[$0.personID] == .some(nil) }
                .map { Attendance(sessionID: session.id!, personID: $0.personID, status: $0.status) }
            for chunk in fresh.chunked(into: 300) { try await Array(chunk).create(on: tx) }
            try await Audit.record(
                on: tx, by: access.user, .update, .studySession, id: session.id, unit: auditUnit,
                summary: "Điểm danh hội nghị “\(session.title)”: \(VietnameseFormat.number(changes.count)) người",
                before: changes.map { AttendanceChange(personID: $0.personID, status: current[$0.personID]??.rawValue) },
                after: changes.map { AttendanceChange(personID: $0.personID, status: $0.status.rawValue) })
        }
        return changes.count
    }
}
