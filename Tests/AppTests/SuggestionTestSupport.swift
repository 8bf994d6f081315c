@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// A seeded random grading history on the fixture tree (2019–2025), written straight to the
/// tables, and a plain computation of who qualifies from the same arrays.
struct SuggestionWorld {
    /// One grade as inserted: who (a person or a unit), the grading unit, the year, the level,
    /// and whether its sheet was submitted.
    struct Grade {
        let personID: Int?
        let subjectUnitID: Int?
        let gradingUnitID: Int
        let year: Int
        let level: GradingLevel
        let submitted: Bool
    }

    let tree: Fixtures.Tree
    /// Unit id → parent id (today's tree, which does not change in the test).
    let parents: [Int: Int]
    let codes: [String: Int]
    var grades: [Grade] = []
    var names: [Int: String] = [:]

    static let years = 2019...2025

    /// Deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
        mutating func level() -> GradingLevel {
            chance(0.8) ? .excellent : [.good, .fulfilled, .unfulfilled][Int(next() % 3)]
        }
    }

    /// The tree TU → A → (A1, A2), B → B1; people in A1, A2, B1 and A itself; one person moves
    /// from A1 to B1 in 2024. Sheets are submitted with probability 0.9; a person misses a year
    /// now and then.
    static func build(_ app: Application, seed: UInt64) async throws -> SuggestionWorld {
        let tree = try await Fixtures.tree(app)
        let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_CO_SO", parent: tree.a,
                                         founded: LocalDate(year: 2018, month: 1, day: 1)!)
        try await TreeIndex.rebuild(on: app.db)
        let units = [tree.root, tree.a, tree.a1, a2, tree.b, tree.b1]
        var world = SuggestionWorld(
            tree: tree,
            parents: [tree.a.id!: tree.root.id!, tree.a1.id!: tree.a.id!, a2.id!: tree.a.id!, tree.b.id!: tree.root.id!,
                      tree.b1.id!: tree.b.id!],
            codes: Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.id!) }))
        var random = Random(state: seed)
        let regime = try await GradingRegime.query(on: app.db).first()!.requireID()

        var members: [(Person, OrgUnit)] = []
        for (unit, count) in [(tree.a1, 7), (a2, 5), (tree.b1, 6), (tree.a, 2)] {
            for i in 1...count {
                let person = try await Fixtures.person(app, "Đảng viên \(unit.code) số \(i)", in: unit)
                world.names[person.id!] = person.fullName
                members.append((person, unit))
            }
        }
        let mover = members[0].0
        // (grading unit, graded units) for the organisations' sheets.
        let orgSheets: [(OrgUnit, [OrgUnit])] = [(tree.root, [tree.a, tree.b]), (tree.a, [tree.a1, a2]), (tree.b, [tree.b1])]

        for year in years {
            var sheets: [String: (GradingSheet, Bool)] = [:]
            func sheet(_ unit: OrgUnit, _ subject: GradingSubject) async throws -> (GradingSheet, Bool) {
                let key = "\(unit.code)-\(subject.rawValue)"
                if let s = sheets[key] { return s }
                let s = GradingSheet()
                s.unitID = unit.id!
                s.regimeID = regime
                s.year = year
                s.subject = subject
                let submitted = random.chance(0.9)
                s.status = submitted ? .submitted : .draft
                s.outstanding = false
                s.submittedOn = submitted ? LocalDate(year: year, month: 12, day: 20)! : nil
                try await s.create(on: app.db)
                sheets[key] = (s, submitted)
                return (s, submitted)
            }
            for (person, home) in members where random.chance(0.95) {
                let unit = person.id == mover.id && year >= 2024 ? tree.b1 : home
                let (s, submitted) = try await sheet(unit, .member)
                let level = random.level()
                try await insert(app, s, person: person.id, subjectUnit: nil, level: level)
                world.grades.append(Grade(personID: person.id, subjectUnitID: nil, gradingUnitID: unit.id!, year: year,
                                          level: level, submitted: submitted))
            }
            for (grader, graded) in orgSheets {
                let (s, submitted) = try await sheet(grader, .organisation)
                for unit in graded where random.chance(0.95) {
                    let level = random.level()
                    try await insert(app, s, person: nil, subjectUnit: unit.id, level: level)
                    world.grades.append(Grade(personID: nil, subjectUnitID: unit.id, gradingUnitID: grader.id!, year: year,
                                              level: level, submitted: submitted))
                }
            }
        }
        return world
    }

    private static func insert(_ app: Application, _ sheet: GradingSheet, person: Int?, subjectUnit: Int?, level: GradingLevel) async throws {
        let e = Evaluation()
        e.sheetID = sheet.id!
        e.unitID = sheet.unitID
        e.personID = person
        e.subjectUnitID = subjectUnit
        e.year = sheet.year
        e.subject = sheet.subject
        e.level = level
        e.note = ""
        try await e.create(on: app.db)
    }

    /// Whether `unit` is `root` or lies below it, from the test's own parent map.
    func isInSubtree(_ unit: Int, of root: Int) -> Bool {
        var current: Int? = unit
        while let u = current {
            if u == root { return true }
            current = parents[u]
        }
        return false
    }

    /// Who qualifies, computed here with plain loops over `grades`: members (person ids) placed
    /// by their ending-year grading unit in root's subtree; organisations (unit ids) strictly
    /// below root.
    func expected(subject: GradingSubject, level: GradingLevel, years: Int, root: Int, year: Int) -> Set<Int> {
        var result = Set<Int>()
        let counted = grades.filter { $0.submitted && $0.level == level && $0.year > year - years && $0.year <= year }
        if subject == .member {
            for personID in Set(counted.compactMap(\.personID)) {
                let mine = counted.filter { $0.personID == personID }
                var everyYear = true
                for y in (year - years + 1)...year where !mine.contains(where: { $0.year == y }) { everyYear = false }
                guard everyYear, let last = mine.filter({ $0.year == year }).map(\.gradingUnitID).min() else { continue }
                if isInSubtree(last, of: root) { result.insert(personID) }
            }
        } else {
            for unitID in Set(counted.compactMap(\.subjectUnitID)) where unitID != root && isInSubtree(unitID, of: root) {
                var everyYear = true
                for y in (year - years + 1)...year where !counted.contains(where: { $0.subjectUnitID == unitID && $0.year == y }) {
                    everyYear = false
                }
                if everyYear { result.insert(unitID) }
            }
        }
        return result
    }

    /// The candidates' ids of each rule in an API answer, by rule id.
    static func apiCandidates(_ body: String) throws -> [Int: Set<Int>] {
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        var result: [Int: Set<Int>] = [:]
        for rule in json["rules"] as? [[String: Any]] ?? [] {
            let subject = rule["subject"] as? String
            let ids = (rule["candidates"] as? [[String: Any]] ?? []).compactMap {
                (subject == GradingSubject.member.rawValue ? $0["personId"] : $0["unitId"]) as? Int
            }
            result[rule["ruleId"] as! Int] = Set(ids)
        }
        return result
    }

    /// The candidates' ids listed in a rule's section of the page (`data-id` of its rows).
    static func pageCandidates(_ html: String, ruleID: Int) -> Set<Int> {
        guard let start = html.range(of: "id=\"de-xuat-\(ruleID)\"") else { return [] }
        let rest = html[start.upperBound...]
        let section = rest.range(of: "</section>").map { rest[..<$0.lowerBound] } ?? rest
        var ids = Set<Int>()
        var cursor = section.startIndex
        while let hit = section.range(of: "data-id=\"", range: cursor..<section.endIndex) {
            let digits = section[hit.upperBound...].prefix { $0.isNumber }
            if let id = Int(digits) { ids.insert(id) }
            cursor = hit.upperBound
        }
        return ids
    }
}

extension SuggestionWorld {
    /// For `ScopeTests`: a seeded rule for the administrators' edit page (everyone else gets 403
    /// there). Rules are not scoped (every reader sees them), so they hold no secret.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let rule = try await SuggestionRule.query(on: app.db).sort(\.$id).first()!
        return (ids: ["quy-tac-de-xuat": rule.id!], secrets: [])
    }
}
