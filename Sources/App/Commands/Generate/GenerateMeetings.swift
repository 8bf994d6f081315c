import Domain
import Fluent
import SQLKit

/// The cells' monthly regular meetings and quarterly thematic ones. Each cell has its habits:
/// attendance between 85 and 98 %, about one month in twenty without the programme's content,
/// now and then a month with no meeting recorded, and a few cells that miss a quarter's thematic meeting.
enum GenerateMeetings {
    static let meetings = ScaleTable("cell_meetings", "unit_id", "topic_id", "kind", "held_on", "regular_month", "duration_minutes",
                                     "present", "absent_excused", "absent_unexcused", "included_programme_content",
                                     "content_note", "opinions_raised", "summary")

    /// How a cell keeps its records, drawn once per cell.
    struct Habits {
        let attendance: Double
        let content: Double
        let held: Double
        let thematic: Double

        init(_ w: ScaleWriter, _ cell: ScaleUnit) {
            var random = w.random(.meetings, cell.id)
            attendance = random.double(0.85, 0.98)
            content = random.double(0.90, 0.995)
            held = random.chance(0.8) ? 1 : random.double(0.93, 1)
            thematic = random.chance(0.7) ? 1 : random.double(0.75, 0.97)
        }
    }

    @Sendable static func write(_ w: ScaleWriter) async throws {
        try await w.write([meetings]) { cell, batches in
            guard cell.isCell else { return }
            let habits = Habits(w, cell)
            let roster = ScaleRoster(w.tree, cell, seed: w.seed)
            var random = w.random(.meetings, cell.id)
            _ = random.next()
            for year in w.profile.years {
                for month in 1...12 where cell.exists(year: year, month: month) && random.chance(habits.held) {
                    let first = LocalDate(year: year, month: month, day: 1)!
                    let day = random.day(first.adding(days: 2), first.adding(days: 24))
                    let content = random.chance(habits.content)
                    try await batches.add(meetings, row(roster, habits, day: day, kind: .regular, content: content,
                                                        opinions: random.int(1...10), &random))
                }
                for quarter in 1...4 {
                    let first = LocalDate(year: year, month: quarter * 3 - 2, day: 1)!
                    guard cell.exists(year: year, month: quarter * 3 - 2), random.chance(habits.thematic) else { continue }
                    var last = first.adding(months: 3).adding(days: -5)
                    if let end = cell.dissolved, end <= last { last = end.adding(days: -1) }
                    let day = random.day(first.adding(days: 10), last)
                    try await batches.add(meetings, row(roster, habits, day: day, kind: .thematic, content: true,
                                                        opinions: random.int(4...20), &random))
                }
            }
        }
    }

    private static func row(_ roster: ScaleRoster, _ habits: Habits, day: LocalDate, kind: CellMeetingKind, content: Bool,
                            opinions: Int, _ random: inout ScaleRandom) -> [any Encodable & Sendable] {
        let expected = roster.members(on: day).count
        let rate = min(1, max(0, habits.attendance + random.double(-0.04, 0.04)))
        let present = min(expected, Int((Double(expected) * rate).rounded()))
        let excused = Int((Double(expected - present) * 0.75).rounded())
        let regular = kind == .regular
        let month = "\(day.month)/\(day.year)"
        let topic = content ? GenerateUnits.topic(day.year) : nil
        return [
            roster.cell.id, topic, kind.rawValue, day.iso, regular ? String(day.iso.prefix(7)) : nil, regular ? 90 + 15 * random.int(0...4) : 150,
            present, excused, expected - present - excused, content,
            content ? (regular ? "Liên hệ việc học tập và làm theo Bác trong tháng \(month)." : "Sinh hoạt chuyên đề năm \(day.year).") : "",
            opinions,
            regular ? "Đánh giá kết quả tháng \(month), triển khai nhiệm vụ tháng tới." : "Thảo luận chuyên đề; đảng viên đăng ký việc làm cụ thể.",
        ]
    }
}
