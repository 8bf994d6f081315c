import Domain
import Fluent
import SQLKit

/// Chi bộ meetings for the demo province, 2021-01 to 2025-10: a regular meeting in each month a
/// cell existed on the 1st, about 88% of members present and the programme's content in about
/// 80% of them; ten cell-months left without a record, so the grid has gaps to show; a thematic
/// meeting on the year's annual topic of the Tỉnh ủy in most quarters.
enum DemoCellMeetings {
    static let firstMonth = LocalDate(year: 2021, month: 1, day: 1)!
    static let lastMonth = LocalDate(year: 2025, month: 10, day: 1)!
    static let missingCellMonths = 10

    static func build(_ tx: any Database) async throws {
        var rng = DemoRandom(seed: 0x5348_4348_4942_4f21)
        let cellKinds = try await UnitKind.query(on: tx).filter(\.$isCell == true).all().map(\.code)
        let cells = try await OrgUnit.query(on: tx).filter(\.$kindCode ~~ cellKinds).sort(\.$code).all()
        guard !cells.isEmpty else { return }
        let topics = try await annualTopics(tx)
        let memberships = try await Membership.query(on: tx).filter(\.$unitID ~~ cells.compactMap(\.id)).all()
        let byCell = Dictionary(grouping: memberships, by: \.unitID)

        func exists(_ cell: OrgUnit, _ day: LocalDate) -> Bool {
            day >= cell.foundedOn && (cell.dissolvedOn.map { day < $0 } ?? true)
        }
        func members(_ cell: OrgUnit, _ day: LocalDate) -> Int {
            let n = (byCell[cell.id!] ?? []).filter { $0.validFrom <= day && ($0.validTo.map { day < $0 } ?? true) }.count
            return n > 0 ? n : 8
        }
        /// A day of the month on which the cell exists (days 1–28; before the dissolution).
        func meetingDay(_ cell: OrgUnit, _ first: LocalDate, in range: ClosedRange<Int>) -> LocalDate? {
            let candidates = range.map { first.adding(days: $0 - 1) }.filter { exists(cell, $0) }
            return candidates.isEmpty ? nil : rng.pick(candidates)
        }
        func meeting(_ cell: OrgUnit, _ kind: CellMeetingKind, _ day: LocalDate) -> CellMeeting {
            let m = CellMeeting()
            let total = members(cell, day)
            m.unitID = cell.id!
            m.kind = kind
            m.heldOn = day
            m.regularMonth = kind == .regular ? CellMeeting.monthKey(day) : nil
            m.present = min(total, Int((Double(total) * (0.80 + Double(rng.int(0...16)) / 100)).rounded()))
            let absent = total - m.present
            m.absentUnexcused = absent > 1 && rng.chance(0.2) ? 1 : 0
            m.absentExcused = absent - m.absentUnexcused
            m.topicID = nil
            m.opinionsRaised = 0
            return m
        }

        // Every (cell, month) the rules expect, then ten of them left empty.
        var cellMonths: [(OrgUnit, LocalDate)] = []
        for cell in cells {
            var month = firstMonth
            while month <= lastMonth {
                if exists(cell, month) { cellMonths.append((cell, month)) }
                month = month.adding(months: 1)
            }
        }
        var skipped = Set<Int>()
        while skipped.count < min(missingCellMonths, cellMonths.count) { skipped.insert(rng.int(0...(cellMonths.count - 1))) }

        var rows: [CellMeeting] = []
        for (index, (cell, month)) in cellMonths.enumerated() where !skipped.contains(index) {
            guard let day = meetingDay(cell, month, in: 3...12) ?? meetingDay(cell, month, in: 1...28) else { continue }
            let m = meeting(cell, .regular, day)
            m.durationMinutes = rng.pick([60, 75, 90, 90, 120])
            m.includedProgrammeContent = rng.chance(0.8)
            m.contentNote = m.includedProgrammeContent ? rng.pick(contentNotes) : ""
            m.summary = "Sinh hoạt chi bộ thường kỳ tháng \(month.month)/\(month.year): đánh giá việc thực hiện nhiệm vụ tháng, "
                + "triển khai nhiệm vụ tháng tới."
            rows.append(m)
        }

        // Thematic meetings: quarters lived through entirely and ended by the last month; a few skipped.
        for cell in cells {
            var quarter = firstMonth
            while quarter.adding(months: 3) <= lastMonth {
                let last = quarter.adding(months: 3).adding(days: -1)
                defer { quarter = quarter.adding(months: 3) }
                guard exists(cell, quarter), exists(cell, last), !rng.chance(0.07) else { continue }
                let month = quarter.adding(months: rng.int(0...2))
                guard let day = meetingDay(cell, month, in: 14...27) else { continue }
                let m = meeting(cell, .thematic, day)
                m.durationMinutes = rng.pick([90, 120, 150])
                m.includedProgrammeContent = true
                m.topicID = topics[day.year]?.id
                let title = topics[day.year]?.title ?? "chuyên đề năm \(day.year)"
                m.contentNote = "Học tập chuyên đề: \(title)"
                m.opinionsRaised = rng.int(2...12)
                m.summary = "Sinh hoạt chuyên đề quý \(day.quarter)/\(day.year); đảng viên liên hệ bản thân và đăng ký việc làm theo Bác."
                rows.append(m)
            }
        }

        for chunk in stride(from: 0, to: rows.count, by: 50) {
            try await Array(rows[chunk..<min(rows.count, chunk + 50)]).create(on: tx)
        }
    }

    /// The Tỉnh ủy's annual topic of each year.
    private static func annualTopics(_ tx: any Database) async throws -> [Int: Topic] {
        guard let tu = try await OrgUnit.query(on: tx).filter(\.$code == DemoDocuments.topicsUnit).first() else { return [:] }
        let topics = try await Topic.query(on: tx).filter(\.$unitID == tu.id!).filter(\.$kind == .annual).all()
        return Dictionary(topics.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static let contentNotes = [
        "Kể chuyện về Bác: tấm gương cần, kiệm, liêm, chính, chí công vô tư; liên hệ việc làm của chi bộ trong tháng.",
        "Kiểm điểm việc thực hiện kế hoạch làm theo Bác của đảng viên; biểu dương đảng viên tiêu biểu.",
        "Trao đổi về phong cách quần chúng, gần dân, trọng dân theo tư tưởng Hồ Chí Minh.",
        "Rà soát việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu; nhắc nhở trách nhiệm nêu gương.",
        "Thảo luận việc làm cụ thể thực hiện chuyên đề năm tại cơ quan, địa phương.",
    ]
}
