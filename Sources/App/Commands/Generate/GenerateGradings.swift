import Domain
import Fluent
import SQLKit

/// The year-end gradings: every cell's sheet of its members, and every committee's sheet of the
/// units directly below it (the Tỉnh ủy grades the branches, a branch its TCCS, a đảng ủy cơ sở
/// its cells). About one in seven excellent (under the 20 % cap); 2025 is scored (Quy định 366).
enum GenerateGradings {
    static let sheets = ScaleTable("grading_sheets", "id", "unit_id", "regime_id", "year", "subject", "status", "outstanding", "submitted_on")
    static let evaluations = ScaleTable("evaluations", "sheet_id", "unit_id", "person_id", "subject_unit_id", "year", "subject", "level",
                                        "score", "all_tasks_done", "note")

    @Sendable static func write(_ w: ScaleWriter) async throws {
        struct Regime: Decodable { let year: Int; let regime_id: Int; let is_scored: Bool }
        let regimes = try await w.sql.raw("""
            SELECT y.year, y.regime_id, r.is_scored FROM grading_years y JOIN grading_regimes r ON r.id = y.regime_id
            """).all(decoding: Regime.self)
        let regime = Dictionary(uniqueKeysWithValues: regimes.map { ($0.year, ($0.regime_id, $0.is_scored)) })
        let years = w.profile.years
        // Who stands directly below whom at each year's end.
        var below: [Int: [Int: [Int]]] = [:]
        for year in years {
            let day = LocalDate.lastOf(year: year)
            for unit in w.tree.units where gradedAlive(unit, year) {
                guard let parent = unit.links.last(where: { $0.from <= day })?.parentID else { continue }
                below[year, default: [:]][parent, default: []].append(unit.id)
            }
        }
        let children = below
        try await w.write([sheets, evaluations]) { unit, batches in
            var random = w.random(.gradings, unit.id)
            let roster = unit.isCell ? ScaleRoster(w.tree, unit, seed: w.seed) : nil
            for (y, year) in years.enumerated() where gradedAlive(unit, year) {
                guard let (regimeID, scored) = regime[year] else { continue }
                let end = LocalDate.lastOf(year: year)
                let submitted = year < 2025 || random.chance(0.97)
                let status = (submitted ? GradingSheetStatus.submitted : .draft).rawValue
                let submittedOn = submitted ? random.day(LocalDate(year: year, month: 12, day: 5)!, LocalDate(year: year, month: 12, day: 30)!).iso : nil
                let base = ((unit.id - 1) * years.count + y) * 2 + 1
                if let roster {
                    try await batches.add(sheets, [base, unit.id, regimeID, year, GradingSubject.member.rawValue, status, false, submittedOn])
                    for member in roster.members(on: end) {
                        let (level, score) = grade(&random, scored: scored)
                        try await batches.add(evaluations, [base, unit.id, member.id, nil as Int?, year, GradingSubject.member.rawValue,
                                                            level.rawValue, score, nil as Bool?, ""])
                    }
                }
                guard let graded = children[year]?[unit.id], !graded.isEmpty else { continue }
                try await batches.add(sheets, [base + 1, unit.id, regimeID, year, GradingSubject.organisation.rawValue, status, false, submittedOn])
                for child in graded {
                    let (level, score) = grade(&random, scored: scored)
                    try await batches.add(evaluations, [base + 1, unit.id, nil as Int?, child, year, GradingSubject.organisation.rawValue,
                                                        level.rawValue, score, nil as Bool?, ""])
                }
            }
        }
    }

    /// Graded for a year: in existence on its last day.
    private static func gradedAlive(_ unit: ScaleUnit, _ year: Int) -> Bool {
        let day = LocalDate.lastOf(year: year)
        return unit.founded <= day && (unit.dissolved.map { day < $0 } ?? true)
    }

    private static func grade(_ random: inout ScaleRandom, scored: Bool) -> (GradingLevel, Double?) {
        let level = random.weighted([(GradingLevel.excellent, 15), (.good, 70), (.fulfilled, 13), (.unfulfilled, 2)])
        guard scored else { return (level, nil) }
        let band: (Double, Double) = switch level {
        case .excellent: (90, 98)
        case .good: (70, 89.5)
        case .fulfilled: (50, 69.5)
        case .unfulfilled: (30, 49.5)
        }
        return (level, (random.double(band.0, band.1) * 2).rounded() / 2)
    }
}
