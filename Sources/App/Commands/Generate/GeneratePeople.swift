import Domain
import Fluent
import SQLKit

/// The members of every cell, their memberships (a merged cell's members move to its successor
/// on the day of the merger: one row ends, the next starts) and each cell's secretary.
enum GeneratePeople {
    static let people = ScaleTable("people", "id", "current_unit_id", "full_name", "name_folded", "sort_key", "category", "gender",
                                   "party_joined_on", "party_official_on", "email", "birth_date", "identity_number", "phone", "note")
    static let memberships = ScaleTable("memberships", "person_id", "unit_id", "valid_from", "valid_to", "note")
    static let positions = ScaleTable("positions", "person_id", "unit_id", "title", "valid_from", "valid_to")

    @Sendable static func write(_ w: ScaleWriter) async throws {
        try await w.write([people, memberships, positions]) { unit, batches in
            guard unit.isCell else { return }
            let successor = unit.successorID
            for id in unit.personIDs {
                let member = w.member(id)
                var random = w.random(.people, id)
                let name = fullName(member.gender, &random)
                try await batches.add(people, [
                    id, successor ?? unit.id, name, VietnameseText.fold(name), VietnameseText.sortKey(fullName: name),
                    PersonCategory.partyMember.rawValue, member.gender.rawValue, member.joined.iso, member.joined.adding(days: 365).iso,
                    "", member.birth.iso, "0" + ScaleNames.pad(id, 11), "09" + ScaleNames.pad(random.int(0...99_999_999), 8), "",
                ])
                let since = member.since(unit.founded).iso
                if let successor, let day = unit.dissolved {
                    try await batches.add(memberships, [id, unit.id, since, day.iso, ""])
                    try await batches.add(memberships, [id, successor, day.iso, nil as String?, "Chuyển sinh hoạt khi sáp nhập chi bộ."])
                } else {
                    try await batches.add(memberships, [id, unit.id, since, nil as String?, ""])
                }
            }
            if let secretary = unit.personIDs.first {
                try await batches.add(positions, [secretary, unit.id, "Bí thư chi bộ", w.member(secretary).since(unit.founded).iso,
                                                  unit.dissolved?.iso])
            }
        }
    }

    /// The name the person was given (the first draws of their stream).
    static func name(_ w: ScaleWriter, _ id: Int) -> String {
        var random = w.random(.people, id)
        return fullName(w.member(id).gender, &random)
    }

    static func fullName(_ gender: Gender, _ random: inout ScaleRandom) -> String {
        let family = random.weighted(DemoNames.families)
        let middle = random.weighted(gender == .male ? DemoNames.maleMiddles : DemoNames.femaleMiddles)
        var given = random.pick(gender == .male ? DemoNames.maleGivens : DemoNames.femaleGivens)
        if given == middle { given = random.pick(gender == .male ? DemoNames.maleGivens : DemoNames.femaleGivens) }
        return "\(family) \(middle) \(given)"
    }
}
