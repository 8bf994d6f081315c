import Domain
import Fluent
import SQLKit

/// Study sessions of the demo province, 2021–2025: each year the Tỉnh ủy's conference on the
/// annual topic for the whole province, then one session in every TCCS (Đảng bộ cơ sở, Chi bộ cơ
/// sở) for its own members, with attendance. Expected members are computed by the same query the
/// pages use, so the demo's figures are the pages' figures.
enum DemoStudySessions {
    static let years = 2021...2025
    static let grassrootsKinds = ["DB_CO_SO", "CB_CO_SO"]

    private struct ExpectedRow: Decodable {
        let session_id: Int
        let person_id: Int
    }

    /// An attendance row to insert (plain values: building Fluent models for each is slow).
    struct Mark {
        let session: Int
        let person: Int
        let status: AttendanceStatus
    }

    static func build(on db: any Database) async throws {
        // Expected members are read through unit_closure, which DemoWriter builds before this runs.
        var rng = DemoRandom(seed: 0x5745_5353_494F_4E53)
        guard let province = try await OrgUnit.query(on: db).filter(\.$code == DemoDocuments.topicsUnit).first() else { return }
        let grassroots = try await OrgUnit.query(on: db).filter(\.$kindCode ~~ grassrootsKinds).sort(\.$code).all()
        let topics = try await Topic.query(on: db).filter(\.$unitID == province.id!).filter(\.$kind == .annual).all()
        let topicByYear = Dictionary(topics.map { ($0.year, $0.id!) }) { first, _ in first }
        // Each session with the unit expected and the share of members present.
        var planned: [(session: StudySession, expected: Int, present: Double)] = []

        for year in years {
            // The province's conference early in the year; 2021 was held online (pandemic rules).
            let conferenceDay = LocalDate(year: year, month: rng.int(2...3), day: rng.int(5...25))!
            let conference = session(
                unit: province, topic: topicByYear[year], day: conferenceDay,
                title: "Hội nghị học tập, quán triệt chuyên đề năm \(year) của Tỉnh ủy",
                format: year == 2021 ? .online : .hybrid, mode: .plenary, nonMembers: 0)
            try await conference.create(on: db)
            planned.append((conference, province.id!, 0.95))

            for unit in grassroots {
                guard let day = dayOfStudy(unit, year: year, after: conferenceDay, &rng) else { continue }
                let mode = rng.weighted([(StudyMode.inCellMeeting, 5), (.plenary, 4), (.materialsSent, 1)])
                let title = mode == .inCellMeeting
                    ? "Học tập chuyên đề năm \(year) lồng ghép sinh hoạt chi bộ"
                    : "Hội nghị quán triệt chuyên đề năm \(year)"
                let nonMembers = unit.attachment == .commune && rng.chance(0.6) ? rng.int(10...80) : 0
                let local = session(unit: unit, topic: topicByYear[year], day: day, title: title,
                                    format: mode == .materialsSent ? .online : .inPerson, mode: mode, nonMembers: nonMembers)
                try await local.create(on: db)
                planned.append((local, unit.id!, mode == .materialsSent ? 0.85 : 0.93))
            }
        }
        try await planned.map { StudySessionUnit(sessionID: $0.session.id!, unitID: $0.expected) }.create(on: db)

        // Every session's expected members in one query, by the pages' definition.
        guard let first = planned.first?.session.id else { return }
        let sql = db as! any SQLDatabase
        let expected = try await sql.raw("""
            SELECT e.session_id AS session_id, e.person_id AS person_id FROM (\(StudySessionService.expectedSQL(sessions: "s.id >= \(bind: first)"))) e \
            JOIN people p ON p.id = e.person_id ORDER BY e.session_id, p.sort_key, p.id
            """).all(decoding: ExpectedRow.self)
        let share = Dictionary(uniqueKeysWithValues: planned.map { ($0.session.id!, $0.present) })
        var attendance: [Mark] = []
        for row in expected {
            let status: AttendanceStatus = rng.chance(share[row.session_id] ?? 1) ? .present : (rng.chance(0.67) ? .excused : .unexcused)
            attendance.append(Mark(session: row.session_id, person: row.person_id, status: status))
        }
        // Through SQLKit rather than Fluent models: encoding thousands of models is most of the
        // time otherwise. 3 bound values a row: batches of 300 stay under SQLite's 999.
        for chunk in attendance.chunked(into: 300) {
            var insert = sql.insert(into: Attendance.schema).columns("session_id", "person_id", "status")
            for mark in chunk {
                insert = insert.values(SQLBind(mark.session), SQLBind(mark.person), SQLBind(mark.status.rawValue))
            }
            try await insert.run()
        }
    }

    /// A day the unit existed on, after the province's conference and within the year.
    private static func dayOfStudy(_ unit: OrgUnit, year: Int, after conference: LocalDate, _ rng: inout DemoRandom) -> LocalDate? {
        let first = max(conference.adding(days: 7), unit.foundedOn)
        var last = LocalDate(year: year, month: 11, day: 30)!
        if let end = unit.dissolvedOn { last = min(last, end.adding(days: -1)) }
        last = min(last, LocalDate.today())
        if first > last { return nil }
        // Units study within two months of the conference, as the provincial plans ask.
        return rng.day(first, min(last, first.adding(days: 60)))
    }

    private static func session(
        unit: OrgUnit, topic: Int?, day: LocalDate, title: String, format: StudyFormat, mode: StudyMode, nonMembers: Int
    ) -> StudySession {
        let s = StudySession()
        s.unitID = unit.id!
        s.topicID = topic
        s.title = title
        s.heldOn = day
        s.format = format
        s.mode = mode
        s.nonMemberCount = nonMembers
        s.note = ""
        return s
    }

}
