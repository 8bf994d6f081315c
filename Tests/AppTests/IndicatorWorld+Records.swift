@testable import App
import Domain

/// The study, meeting, personal-plan and outreach records of `IndicatorWorld`.
extension IndicatorWorld {
    struct Session {
        let unit: String
        let held: String
        let format: StudyFormat
        let mode: StudyMode
        var withTopic = true
        var nonMembers = 0
        var attendance: [(String, AttendanceStatus)] = []
    }

    static let sessions: [Session] = [
        .init(unit: "TU", held: "2024-04-10", format: .inPerson, mode: .plenary, nonMembers: 50,
              attendance: [("a1.một", .present), ("a1.hai", .excused), ("b1.một", .present), ("quần chúng", .present), ("b2.một", .present)]),
        .init(unit: "A41", held: "2024-09-05", format: .online, mode: .inCellMeeting, nonMembers: 5, attendance: [("a41.một", .present)]),
        .init(unit: "B1", held: "2025-01-01", format: .hybrid, mode: .materialsSent, attendance: [("b1.hai", .present), ("chuyển", .present)]),
        .init(unit: "B2", held: "2025-03-20", format: .inPerson, mode: .plenary, nonMembers: 12, attendance: [("b2.một", .present)]),
        .init(unit: "A1", held: "2024-12-31", format: .inPerson, mode: .plenary, withTopic: false, nonMembers: 7,
              attendance: [("a1.hai", .present)]),
        .init(unit: "A1", held: "2025-06-01", format: .inPerson, mode: .inCellMeeting, attendance: [("chuyển", .present), ("a1.hai", .unexcused)]),
        .init(unit: "A", held: "2023-12-31", format: .inPerson, mode: .plenary, nonMembers: 99, attendance: [("a1.hai", .present)]),
    ]

    /// Regular meetings: (cell, year, months held, months among them without the programme's content).
    static let regularMeetings: [(unit: String, year: Int, months: ClosedRange<Int>, skipped: Set<Int>, withoutContent: Set<Int>)] = [
        ("A1", 2024, 1...12, [], [11, 12]),
        ("B1", 2024, 1...6, [], []),
        ("B2", 2024, 1...12, [3], [7]),
        ("A41", 2024, 3...12, [], []),
        ("A1", 2025, 1...11, [], [2]),
        ("B1", 2025, 1...12, [5], []),
        ("B2", 2025, 1...6, [], []),
    ]

    /// Thematic meetings: (cell, held, opinions raised).
    static let thematicMeetings: [(unit: String, held: String, opinions: Int)] = [
        ("A1", "2024-02-15", 5), ("A1", "2024-05-15", 3), ("A1", "2024-08-15", 0), ("A1", "2024-12-31", 8),
        ("B1", "2024-03-01", 2),
        ("B2", "2024-01-10", 1), ("B2", "2024-04-10", 1), ("B2", "2024-07-10", 1), ("B2", "2024-10-10", 1),
        ("A41", "2024-05-20", 4), ("A41", "2024-08-20", 6), ("A41", "2024-11-20", 2),
        ("A1", "2025-01-01", 9), ("A1", "2025-09-09", 1),
        ("B1", "2025-02-02", 3), ("B1", "2025-05-05", 3), ("B1", "2025-08-08", 3), ("B1", "2025-11-11", 3),
        ("B2", "2025-03-03", 4), ("B2", "2025-06-30", 6),
    ]

    struct PersonalPlanSpec {
        let person: String
        let unit: String
        let year: Int
        let status: PersonalPlanStatus
        var submitted: String?
        var assessment: PlanAssessment?
    }

    static let personalPlans: [PersonalPlanSpec] = [
        .init(person: "a1.một", unit: "A1", year: 2024, status: .submitted, submitted: "2024-03-01", assessment: .fulfilled),
        .init(person: "a1.hai", unit: "A1", year: 2024, status: .submitted, submitted: "2024-04-15", assessment: .notFulfilled),
        .init(person: "b1.một", unit: "B1", year: 2024, status: .draft),
        .init(person: "b2.một", unit: "B2", year: 2024, status: .submitted, submitted: "2024-03-31", assessment: .fulfilled),
        .init(person: "chuyển", unit: "B1", year: 2024, status: .submitted, submitted: "2024-02-01", assessment: .fulfilled),
        .init(person: "a1.một", unit: "A1", year: 2025, status: .submitted, submitted: "2025-02-20", assessment: .fulfilled),
        .init(person: "chuyển", unit: "B1", year: 2025, status: .submitted, submitted: "2025-01-20"),
        .init(person: "b2.một", unit: "B2", year: 2025, status: .submitted, submitted: "2025-01-05", assessment: .notFulfilled),
        .init(person: "a41.một", unit: "A41", year: 2025, status: .submitted, submitted: "2025-03-01"),
        .init(person: "đã đi", unit: "A1", year: 2023, status: .submitted, submitted: "2023-03-01", assessment: .fulfilled),
    ]

    static let practiceModels: [(unit: String, year: Int, kind: PracticeModelKind)] = [
        ("A1", 2024, .skilledOutreach), ("A1", 2024, .goodModel), ("B", 2024, .goodModel),
        ("B2", 2025, .effectivePractice), ("TU", 2023, .goodModel),
    ]

    static let exemplars: [(unit: String, recognised: String, subject: ExemplarSubject)] = [
        ("A", "2024-05-19", .collective), ("B2", "2025-05-01", .individual), ("A1", "2025-12-31", .individual),
        ("B1", "2023-12-30", .individual),
    ]

    static let outreach: [(unit: String, held: String, form: OutreachForm, participants: Int)] = [
        ("A1", "2024-03-01", .conference, 120), ("B", "2024-07-01", .press, 5_000),
        ("B2", "2025-02-02", .socialMedia, 300), ("TU", "2025-10-10", .cultureAndSports, 160_000),
        ("A41", "2024-12-31", .broadcast, 45),
    ]

    /// (key, organiser, year) and entries (contest key, sending unit, selected for the level above).
    static let contests: [(key: String, unit: String, year: Int)] = [("tu", "TU", 2024), ("a", "A", 2025), ("cũ", "TU", 2023)]
    static let entries: [(contest: String, unit: String, selected: Bool)] = [
        ("tu", "A1", true), ("tu", "B1", false), ("tu", "B2", true),
        ("a", "A41", true), ("a", "B2", false), ("cũ", "A1", true),
    ]
}
