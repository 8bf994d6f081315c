import Domain
import Fluent
import SQLKit

extension PersonService {
    /// What checking many people at once (a file of a province's members) asks the database,
    /// asked once: the units in scope by code, the people holding the file's identity numbers
    /// (anywhere, for the uniqueness rule), and the people of the file's units by folded name.
    /// Each row is then checked and matched without a query, by the same rules as one form.
    struct Known: Sendable {
        private let everything: Bool
        private var units: [String: OrgUnit] = [:]
        private var inScope: Set<Int> = []
        /// Each person once; the indexes below point into it.
        private var people: [PersonSnapshot] = []
        private var byID: [Int: Int] = [:]
        private var byIdentity: [String: Int] = [:]
        private var byName: [NameKey: [Int]] = [:]

        private struct NameKey: Hashable {
            let folded: String
            let unitID: Int
        }

        fileprivate init(everything: Bool) {
            self.everything = everything
        }

        /// The unit with exactly this code, if the account may read it.
        func visibleUnit(code: String) -> OrgUnit? { units[code] }

        func canSee(unit unitID: Int) -> Bool { everything || inScope.contains(unitID) }

        /// The person holding `identity`, in scope or not.
        func holder(of identity: String) -> PersonSnapshot? { byIdentity[identity].map { people[$0] } }

        /// Whether someone other than `personID` holds `identity`.
        func isTaken(_ identity: String, excluding personID: Int?) -> Bool {
            guard let holder = byIdentity[identity] else { return false }
            return people[holder].id != personID
        }

        /// The people of `unitID` whose folded name is `folded`.
        func people(named folded: String, in unitID: Int) -> [PersonSnapshot] {
            (byName[NameKey(folded: folded, unitID: unitID)] ?? []).map { people[$0] }
        }

        fileprivate func holds(identity: String) -> Bool { byIdentity[identity] != nil }

        fileprivate mutating func add(_ unit: OrgUnit) {
            units[unit.code] = unit
            inScope.insert(unit.id!)
        }

        /// A person loaded by unit is found by name there; anyone loaded is found by identity number.
        fileprivate mutating func add(_ person: PersonSnapshot, byName: Bool) {
            guard let id = person.id, byID[id] == nil else { return }
            let index = people.count
            people.append(person)
            byID[id] = index
            if let number = person.identityNumber { byIdentity[number] = index }
            if byName, let unitID = person.currentUnitID {
                self.byName[NameKey(folded: VietnameseText.fold(person.fullName), unitID: unitID), default: []].append(index)
            }
        }
    }

    /// Loads what `Known` answers for a file naming `unitCodes` and `identities`: the people of
    /// those units, then the holders of the identity numbers not found among them.
    func known(unitCodes: Set<String>, identities: Set<String>) async throws -> Known {
        var known = Known(everything: access.isAdmin)
        let units = try await OrgUnit.query(on: db).scoped(access.subtreeFilter("id")).all()
        var fileUnits: [Int] = []
        for unit in units {
            known.add(unit)
            if unitCodes.contains(unit.code) { fileUnits.append(unit.id!) }
        }
        try await snapshots(where: "current_unit_id", in: fileUnits) { known.add($0, byName: true) }
        let missing = Array(identities.filter { !known.holds(identity: $0) })
        try await snapshots(where: "identity_number", in: missing) { known.add($0, byName: false) }
        return known
    }

    /// The people whose `column` holds one of `values`, read as snapshots (no models: a file
    /// may name a province's members), a bounded number of values a query.
    private func snapshots<Value: Encodable & Sendable>(where column: String, in values: [Value], _ each: (PersonSnapshot) -> Void) async throws {
        let sql = db as! any SQLDatabase
        for chunk in values.chunked(into: 1_000) {
            var select = sql.select().from(Person.schema)
            for (column, key) in Self.snapshotColumns {
                select = select.column(SQLAlias(SQLColumn(column), as: SQLIdentifier(key)))
            }
            for person in try await select.where(SQLColumn(column), .in, SQLBind.group(Array(chunk))).all(decoding: PersonSnapshot.self) {
                each(person)
            }
        }
    }

    /// Column → `PersonSnapshot` key.
    private static let snapshotColumns = [
        ("id", "id"), ("full_name", "fullName"), ("category", "category"), ("gender", "gender"),
        ("birth_date", "birthDate"), ("identity_number", "identityNumber"), ("phone", "phone"),
        ("email", "email"), ("party_joined_on", "partyJoinedOn"), ("party_official_on", "partyOfficialOn"),
        ("note", "note"), ("current_unit_id", "currentUnitID"),
    ]
}

extension PersonSnapshot {
    /// The person as `fields` describe them: what `PersonFields.apply` then a snapshot give.
    init(_ fields: PersonService.PersonFields, id: Int?, currentUnitID: Int?) {
        self.id = id
        fullName = fields.fullName
        category = fields.category
        gender = fields.gender
        birthDate = fields.birthDate
        identityNumber = fields.identityNumber
        phone = fields.phone
        email = fields.email
        partyJoinedOn = fields.partyJoinedOn
        partyOfficialOn = fields.partyOfficialOn
        note = fields.note
        self.currentUnitID = currentUnitID
    }
}
