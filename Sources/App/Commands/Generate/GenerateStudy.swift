import Domain
import Fluent
import SQLKit

/// Two study conferences a year per TCCS (the year's topic in spring, the whole term's in
/// autumn), the cells they were held for, and every member's attendance there.
enum GenerateStudy {
    static let sessions = ScaleTable("study_sessions", "id", "unit_id", "topic_id", "title", "held_on", "format", "mode",
                                     "non_member_count", "note")
    static let sessionUnits = ScaleTable("study_session_units", "session_id", "unit_id")
    static let attendances = ScaleTable("attendances", "session_id", "person_id", "status")

    @Sendable static func write(_ w: ScaleWriter) async throws {
        let ordinal = Dictionary(uniqueKeysWithValues: w.tree.grassroots.enumerated().map { ($1.id, $0) })
        let perYear = w.profile.studySessionsPerGrassrootsYear, years = w.profile.years
        try await w.write([sessions, sessionUnits, attendances]) { unit, batches in
            guard let index = ordinal[unit.id] else { return }
            var random = w.random(.study, unit.id)
            let cells = w.tree.cells(of: unit)
            let rosters = cells.map { (ScaleRoster(w.tree, $0, seed: w.seed), GenerateMeetings.Habits(w, $0).attendance) }
            for (y, year) in years.enumerated() {
                for k in 0..<perYear {
                    let id = index * years.count * perYear + y * perYear + k + 1
                    let spring = k % 2 == 0
                    let day = random.day(LocalDate(year: year, month: spring ? 3 : 9, day: 5)!,
                                         LocalDate(year: year, month: spring ? 5 : 11, day: 25)!)
                    let format = random.weighted([(StudyFormat.inPerson, 70), (.online, 10), (.hybrid, 20)])
                    let mode = random.weighted([(StudyMode.plenary, 75), (.inCellMeeting, 20), (.materialsSent, 5)])
                    let title = spring ? "Hội nghị học tập, quán triệt chuyên đề năm \(year)" : "Học tập chuyên đề toàn khóa (đợt \(year))"
                    try await batches.add(sessions, [id, unit.id, spring ? GenerateUnits.topic(year) : GenerateUnits.wholeTermTopic,
                                                     title, day.iso, format.rawValue, mode.rawValue, random.int(0...40), ""])
                    try await batches.add(sessionUnits, [id, unit.id])
                    for cell in cells where cell.id != unit.id && cell.founded <= day && (cell.dissolved.map { day < $0 } ?? true) {
                        try await batches.add(sessionUnits, [id, cell.id])
                    }
                    for (roster, rate) in rosters {
                        for member in roster.members(on: day) {
                            let status: AttendanceStatus = random.chance(rate) ? .present : (random.chance(0.7) ? .excused : .unexcused)
                            try await batches.add(attendances, [id, member.id, status.rawValue])
                        }
                    }
                }
            }
        }
    }
}
