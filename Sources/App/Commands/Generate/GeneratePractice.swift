import Domain
import Fluent
import SQLKit

/// What the TCCS make of the programme: practice models, exemplars they recognise, and the
/// writing contests of the Tỉnh ủy (every year) and of the branches (every other year) with the
/// TCCS's entries and their authors.
enum GeneratePractice {
    static let models = ScaleTable("practice_models", "unit_id", "year", "kind", "title", "title_folded", "description", "results")
    static let exemplars = ScaleTable("exemplars", "unit_id", "year", "subject", "subject_unit_id", "person_id", "name", "story",
                                      "recognised_on", "recognised_by")
    static let contests = ScaleTable("contests", "id", "unit_id", "year", "title", "title_folded", "rounds", "note")
    static let entries = ScaleTable("contest_entries", "id", "contest_id", "unit_id", "title", "result", "prize", "selected_for_higher_level")
    static let authors = ScaleTable("contest_entry_authors", "entry_id", "person_id")

    static let modelTitles = [
        "Dân vận khéo trong vận động hiến đất làm đường", "Tổ tự quản an ninh trật tự", "Một cửa liên thông hiện đại",
        "Mỗi đảng viên một việc làm theo Bác", "Chi bộ số", "Vườn mẫu nông thôn mới", "Bữa cơm nghĩa tình",
    ]

    @Sendable static func write(_ w: ScaleWriter) async throws {
        let years = w.profile.years
        let branchOrdinal = Dictionary(uniqueKeysWithValues: w.tree.units.filter { $0.level == .branch }.enumerated().map { ($1.id, $0) })
        let grassrootsOrdinal = Dictionary(uniqueKeysWithValues: w.tree.grassroots.enumerated().map { ($1.id, $0) })
        /// The contest a branch holds in a year (every other year), or the Tỉnh ủy's (every year).
        @Sendable func contest(_ unit: ScaleUnit, _ y: Int) -> Int? {
            if unit.level == .root { return y + 1 }
            guard let b = branchOrdinal[unit.id], (b + y) % 2 == 0 else { return nil }
            return years.count + 1 + b * years.count + y
        }
        try await w.write([models, exemplars, contests, entries, authors]) { unit, batches in
            var random = w.random(.practice, unit.id)
            for (y, year) in years.enumerated() where unit.exists(in: year) {
                if let id = contest(unit, y) {
                    let title = "Cuộc thi viết “Những tấm gương bình dị mà cao quý” năm \(year) – \(unit.name)"
                    try await batches.add(contests, [id, unit.id, year, title, VietnameseText.fold(title), "Sơ khảo, chung khảo", ""])
                }
                guard unit.level == .grassroots, let g = grassrootsOrdinal[unit.id] else { continue }
                let people = w.tree.personRange(under: unit), cells = w.tree.cells(of: unit)
                for _ in 0..<random.count(mean: 0.5) {
                    let kind = random.weighted([(PracticeModelKind.skilledOutreach, 3), (.goodModel, 4), (.effectivePractice, 3)])
                    let title = random.pick(modelTitles)
                    try await batches.add(models, [unit.id, year, kind.rawValue, title, VietnameseText.fold(title),
                                                   "Mô hình của \(unit.name) năm \(year).", "Được nhân dân đồng tình, nhân rộng."])
                }
                for _ in 0..<random.count(mean: 1.2) {
                    let person = random.chance(0.8) ? random.int(people.lowerBound...(people.upperBound - 1)) : nil
                    let cell = person == nil ? random.pick(cells) : nil
                    try await batches.add(exemplars, [
                        unit.id, year, (person == nil ? ExemplarSubject.collective : .individual).rawValue, cell?.id, person,
                        person.map { GeneratePeople.name(w, $0) } ?? cell!.name, "Tiêu biểu trong học tập và làm theo Bác năm \(year).",
                        random.day(LocalDate(year: year, month: 11, day: 15)!, LocalDate(year: year, month: 12, day: 30)!).iso, unit.name,
                    ])
                }
                // Entries: to the Tỉnh ủy's contest, and to the branch the TCCS stood under on 1 January.
                let january = LocalDate.firstOf(year: year)
                let branch = unit.links.first { $0.covers(january) }?.parentID.map(w.tree.unit)
                for (k, target) in [contest(w.tree.unit(1), y), branch.flatMap { contest($0, y) }].enumerated() {
                    guard let target, random.chance(k == 0 ? 0.4 : 0.6) else { continue }
                    let id = (g * years.count + y) * 2 + k + 1
                    let prize = random.weighted([("", 6), ("Giải Khuyến khích", 2), ("Giải Ba", 1), ("Giải Nhì", 1)])
                    try await batches.add(entries, [id, target, unit.id, "Bài viết về gương người tốt việc tốt năm \(year)",
                                                    (prize.isEmpty ? ContestEntryResult.notAwarded : .awarded).rawValue, prize, !prize.isEmpty && random.chance(0.5)])
                    var chosen = Set<Int>()
                    for _ in 0..<random.int(1...3) { chosen.insert(random.int(people.lowerBound...(people.upperBound - 1))) }
                    for person in chosen.sorted() { try await batches.add(authors, [id, person]) }
                }
            }
        }
    }
}
