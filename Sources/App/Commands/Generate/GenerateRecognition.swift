import Domain
import Fluent
import SQLKit

/// Commendations and praise (biểu dương) decided by the Tỉnh ủy, the branches and the TCCS, and
/// the cells' outreach sessions.
enum GenerateRecognition {
    static let commendations = ScaleTable("commendations", "unit_id", "form_id", "issuer_id", "recipient_unit_id", "person_id",
                                          "recipient_kind", "recipient_name", "from_year", "to_year", "event", "event_folded", "reason",
                                          "decision_number", "decided_on")
    static let outreach = ScaleTable("outreach_activities", "unit_id", "held_on", "form", "title", "participants", "note")

    @Sendable static func write(_ w: ScaleWriter) async throws {
        struct Named: Decodable { let id: Int; let name: String }
        let forms = Dictionary(uniqueKeysWithValues: try await w.sql.raw("SELECT id, name FROM commendation_forms")
            .all(decoding: Named.self).map { ($0.name, $0.id) })
        let issuers = Dictionary(uniqueKeysWithValues: try await w.sql.raw("SELECT id, name FROM commendation_issuers")
            .all(decoding: Named.self).map { ($0.name, $0.id) })
        let perYear = Double(w.profile.commendationsPerYear)
        let perCell = Double(w.profile.outreachPerYear) / Double(w.profile.cells)
        try await w.write([commendations, outreach]) { unit, batches in
            var random = w.random(.commendations, unit.id)
            let (mean, form, issuer): (Double, String, String) = switch unit.level {
            case .root: (0.1 * perYear, "Bằng khen", "Ban Thường vụ Tỉnh ủy")
            case .branch: (0.2 * perYear / Double(w.profile.branches), "Giấy khen", "Ban Thường vụ Đảng ủy cấp trên cơ sở")
            case .grassroots: (0.7 * perYear / Double(w.profile.grassroots), "Giấy khen", "Đảng ủy cơ sở")
            case .cell: (0, "", "")
            }
            let people = w.tree.personRange(under: unit), cells = w.tree.originalCells(under: unit)
            var number = 0
            for year in w.profile.years where mean > 0 && unit.exists(in: year) && !people.isEmpty {
                for _ in 0..<random.count(mean: mean) {
                    number += 1
                    let praise = random.chance(0.3)
                    let yearEnd = random.chance(0.7)
                    let event = yearEnd ? "Tổng kết năm \(year)" : "Sơ kết 6 tháng đầu năm \(year)"
                    let decided = yearEnd ? random.day(LocalDate(year: year, month: 12, day: 10)!, LocalDate(year: year, month: 12, day: 30)!)
                        : random.day(LocalDate(year: year, month: 6, day: 10)!, LocalDate(year: year, month: 7, day: 15)!)
                    let person = random.chance(0.75) ? random.int(people.lowerBound...(people.upperBound - 1)) : nil
                    let cell = person == nil ? random.pick(cells) : nil
                    let name = person.map { GeneratePeople.name(w, $0) } ?? cell!.name
                    try await batches.add(commendations, [
                        unit.id, forms[praise ? "Biểu dương" : form]!, issuers[issuer]!, cell?.id, person,
                        (person == nil ? CommendationRecipient.unit : .person).rawValue, name, year, year, event, VietnameseText.fold(event),
                        "Có thành tích tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm \(year).",
                        "\(number)-QĐ/\(unit.code)", decided.iso,
                    ])
                }
            }
            guard unit.isCell else { return }
            for year in w.profile.years where unit.exists(in: year) {
                for _ in 0..<random.count(mean: perCell) {
                    let form = random.weighted([(OutreachForm.conference, 4), (.socialMedia, 3), (.cultureAndSports, 2), (.press, 1), (.broadcast, 1)])
                    var day = random.day(LocalDate.firstOf(year: year), LocalDate(year: year, month: 12, day: 20)!)
                    if let end = unit.dissolved, day >= end { day = end.adding(days: -random.int(1...60)) }
                    try await batches.add(outreach, [unit.id, day.iso, form.rawValue, "Tuyên truyền gương người tốt, việc tốt năm \(year)",
                                                     random.int(20...300), ""])
                }
            }
        }
    }
}
