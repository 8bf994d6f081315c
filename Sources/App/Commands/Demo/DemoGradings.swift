import Domain
import Fluent
import SQLKit

/// Yearly gradings of the demo province, 2021–2025, every sheet submitted under its year's regime
/// (four levels until 2024, scores in 2025) and within the cap: each unit's members' sheet grades
/// everyone `Expected` lists there; each committee grades the units directly below it. The first
/// member of each of the first `starCells` cells is HTXSNV every year (so "five years running" finds
/// people), and so is the first unit, never dissolved, of the first committee with six units below. X-DL-01's 2025
/// members' sheet is not opened: the browser test grades it from scratch.
enum DemoGradings {
    static let years = 2021...2025
    static let starCells = 8
    /// Committees have at most six units below, where the 20% cap allows one HTXSNV: one cell can
    /// hold the grade five years running.
    static let starUnits = 1
    static let leftOpen = "X-DL-01"
    static let leftOpenYear = 2025

    private struct Grade {
        let subjectID: Int
        let level: GradingLevel
        let score: Double?
        let done: Bool?
    }

    static func build(_ tx: any Database) async throws {
        var rng = DemoRandom(seed: 0x4752_4144_494E_4753)
        let sql = tx as! any SQLDatabase
        let units = try await OrgUnit.query(on: tx).sort(\.$code).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        var memberStars: Set<Int> = []
        var unitStars: Set<Int> = []
        struct Row: Decodable { let person_id: Int; let unit_id: Int }
        let everyYear = try await sql.raw("""
            SELECT m.person_id AS person_id, m.unit_id AS unit_id FROM memberships m JOIN people p ON p.id = m.person_id \
            WHERE p.category = \(bind: PersonCategory.partyMember.rawValue) AND m.valid_from <= \(bind: LocalDate.firstOf(year: years.lowerBound).iso) \
            AND m.valid_to IS NULL ORDER BY m.unit_id, m.person_id
            """).all(decoding: Row.self)
        for (unit, rows) in Dictionary(grouping: everyYear, by: \.unit_id).sorted(by: { $0.key < $1.key }) where byID[unit]?.code != leftOpen {
            if memberStars.count < starCells, let first = rows.first { memberStars.insert(first.person_id) }
        }

        for year in years {
            guard let regime = try await GradingService.regime(forYear: year, on: tx) else { continue }
            let rules = regime.rules
            let submittedOn = LocalDate(year: year + 1, month: 1, day: 15)!
            for unit in units {
                let alive = unit.foundedOn <= LocalDate.lastOf(year: year) && (unit.dissolvedOn.map { $0 > LocalDate.firstOf(year: year) } ?? true)
                guard alive else { continue }
                let members = try await GradingService.memberIDs(unit: unit.id!, year: year, on: tx).sorted()
                if !members.isEmpty && !(unit.code == leftOpen && year == leftOpenYear) {
                    let grades = grade(members, stars: memberStars, rules: rules, rng: &rng)
                    try await write(sql, tx, unit: unit, year: year, subject: .member, regime: regime, grades: grades, on: submittedOn)
                }
                let children = try await GradingService.childIDs(unit: unit.id!, year: year, on: tx).sorted()
                if !children.isEmpty {
                    if year == years.lowerBound && children.count >= 6 && unitStars.count < starUnits {
                        unitStars.formUnion(children.filter { byID[$0]?.dissolvedOn == nil }.prefix(starUnits - unitStars.count))
                    }
                    let grades = grade(children, stars: unitStars, rules: rules, rng: &rng)
                    try await write(sql, tx, unit: unit, year: year, subject: .organisation, regime: regime, grades: grades, on: submittedOn)
                }
            }
        }
    }

    /// Levels for one sheet: a few HTNV and KHTNV, stars HTXSNV first, some others HTXSNV while
    /// the cap allows, the rest HTTNV; scores within each level's band under a scored regime.
    private static func grade(_ ids: [Int], stars: Set<Int>, rules: GradingRules, rng: inout DemoRandom) -> [Grade] {
        var levels: [Int: GradingLevel] = [:]
        // Small sheets (a committee's few units) stay at HTTNV or above, so the cap keeps its one slot.
        for id in ids where !stars.contains(id) && ids.count > 6 {
            if rng.chance(0.01) { levels[id] = .unfulfilled } else if rng.chance(0.06) { levels[id] = .fulfilled }
        }
        let rest = ids.filter { levels[$0] == nil }
        var allowed = 0
        while allowed < rest.count, rules.cap(excellent: allowed + 1, good: rest.count - allowed - 1, outstanding: false)?.isBroken == false {
            allowed += 1
        }
        var excellent = 0
        for id in rest.filter({ stars.contains($0) }) + rest.filter({ !stars.contains($0) }) {
            if excellent < allowed && (stars.contains(id) || rng.chance(0.1)) {
                levels[id] = .excellent
                excellent += 1
            } else {
                levels[id] = .good
            }
        }
        return ids.map { id in
            let level = levels[id]!
            guard let bands = rules.bands else { return Grade(subjectID: id, level: level, score: nil, done: nil) }
            let (low, high): (Double, Double) = switch level {
            case .excellent: (bands.excellentFrom, 99)
            case .good: (bands.goodFrom, bands.excellentFrom - 0.5)
            case .fulfilled: (bands.fulfilledFrom, bands.goodFrom - 0.5)
            case .unfulfilled: (max(0, bands.fulfilledFrom - 15), bands.fulfilledFrom - 0.5)
            }
            let score = low + Double(rng.int(0...Int((high - low) * 2))) / 2
            let done = level == .excellent || (level == .good && score < bands.excellentFrom) ? true : rng.chance(0.7)
            return Grade(subjectID: id, level: bands.level(score: score, allTasksDone: done), score: score, done: done)
        }
    }

    private static func write(
        _ sql: any SQLDatabase, _ tx: any Database, unit: OrgUnit, year: Int, subject: GradingSubject, regime: GradingRegime,
        grades: [Grade], on day: LocalDate
    ) async throws {
        let sheet = GradingSheet()
        sheet.unitID = unit.id!
        sheet.regimeID = regime.id!
        sheet.year = year
        sheet.subject = subject
        sheet.status = .submitted
        sheet.outstanding = false
        sheet.submittedOn = day
        try await sheet.create(on: tx)
        for chunk in grades.chunked(into: 200) {
            var insert = sql.insert(into: Evaluation.schema).columns(
                "sheet_id", "unit_id", "person_id", "subject_unit_id", "year", "subject", "level", "score", "all_tasks_done", "note")
            for g in chunk {
                insert = insert.values(
                    SQLBind(sheet.id!), SQLBind(unit.id!), SQLBind(subject == .member ? g.subjectID : nil as Int?),
                    SQLBind(subject == .member ? nil as Int? : g.subjectID), SQLBind(year), SQLBind(subject.rawValue),
                    SQLBind(g.level.rawValue), SQLBind(g.score), SQLBind(g.done), SQLBind(""))
            }
            try await insert.run()
        }
    }
}
