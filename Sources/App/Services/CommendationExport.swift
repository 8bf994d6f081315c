import Domain
import Fluent
import Vapor

/// The commendation register as filtered, every page of it, in the import's columns: the form
/// and the issuer by name, a person by identity number (when recorded) and the unit they belong
/// to, so the file imports back unchanged.
enum CommendationExport {
    static func rows(_ filter: CommendationFilter, access: Access) async throws -> [[String]] {
        let result = try await CommendationService.search(filter, offset: 0, limit: 10_000_000, access: access)
        let vocabulary = try await CommendationService.vocabulary(on: access.db)
        var people: [Int: Person] = [:]
        for chunk in Array(Set(result.commendations.compactMap(\.personID))).chunked(into: 500) {
            for person in try await Person.query(on: access.db).filter(\.$id ~~ Array(chunk)).all() { people[person.id!] = person }
        }
        // A person who has since moved out of the account's scope keeps their number and unit private.
        let visible = try await UnitService(access: access).visible(people.values.compactMap(\.currentUnitID))
        people = people.filter { $0.value.currentUnitID.map(visible.contains) ?? false }
        let homes = try await YearRecordFields.units(people.values.compactMap(\.currentUnitID), on: access.db)
        return result.commendations.map { c in
            let person = c.personID.flatMap { people[$0] }
            let recipientUnit = c.recipientUnitID.flatMap { result.units[$0] } ?? person?.currentUnitID.flatMap { homes[$0] }
            return [
                vocabulary.forms[c.formID]?.name ?? "",
                vocabulary.issuers[c.issuerID]?.name ?? "",
                c.decisionNumber,
                SheetExport.date(c.decidedOn),
                c.recipientKind.label,
                person?.fullName ?? c.recipientName,
                recipientUnit?.code ?? "",
                person?.identityNumber ?? "",
                result.units[c.unitID]?.code ?? "",
                String(c.fromYear),
                String(c.toYear),
                c.event,
                c.reason,
            ]
        }
    }
}
