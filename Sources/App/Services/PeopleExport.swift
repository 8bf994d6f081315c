import Domain
import Fluent
import Foundation
import Vapor

/// The people list as a file the people import reads back: its columns and header titles
/// (`PeopleRows.columns`), dates as d/m/yyyy, categories and genders by their labels, units by
/// code. Importing the file again changes nothing.
enum PeopleExport {
    /// Whether the account's files carry identity numbers. They are private, so they go only
    /// where the person page shows them: that page shows them to every account that reads the
    /// person, which is every role that has a people list. Without them the import still finds
    /// each person, by name, birth date and unit.
    static func includesIdentityNumbers(_ role: Role) -> Bool { role.seesUnits }

    /// The person's values by the import's column keys.
    static func values(_ p: Person, unitCode: String, identityNumbers: Bool) -> [String: String] {
        let date = SheetExport.date
        return [
            "fullName": p.fullName, "birthDate": date(p.birthDate), "gender": p.gender?.label ?? "",
            "unit": unitCode, "category": p.category.label,
            "partyJoinedOn": date(p.partyJoinedOn), "partyOfficialOn": date(p.partyOfficialOn),
            "identityNumber": identityNumbers ? p.identityNumber ?? "" : "",
            "phone": p.phone, "email": p.email, "note": p.note,
        ]
    }

    /// One row a person, in the import's column order.
    static func rows(_ people: [Person], unitCodes: [Int: String], identityNumbers: Bool) -> [[String]] {
        people.map { p in
            let values = values(p, unitCode: p.currentUnitID.flatMap { unitCodes[$0] } ?? "", identityNumbers: identityNumbers)
            return PeopleRows.columns.map { values[$0.key] ?? "" }
        }
    }
}

extension PersonService {
    /// Every person of the list that `filter` gives the account (all its pages), in list order,
    /// as rows of the people import's columns.
    func export(_ filter: Filter) async throws -> [[String]] {
        guard user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        if let unitID = filter.unitID { try await access.requireRead(unit: unitID) }
        let people = try await matching(filter).sort(\.$sortKey).sort(\.$id).all()
        let units = try await unitsByID(Set(people.compactMap(\.currentUnitID)))
        return PeopleExport.rows(people, unitCodes: units.mapValues(\.code),
                                  identityNumbers: PeopleExport.includesIdentityNumbers(user.role))
    }
}
