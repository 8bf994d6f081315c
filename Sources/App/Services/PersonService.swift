import Domain
import Fluent
import SQLKit
import Vapor

/// People (cán bộ, đảng viên and the other categories), their membership history and positions.
/// The pages and the API both go through it, so scope and validation are decided in one place.
struct PersonService: Sendable {
    let db: any Database
    let access: Access

    init(db: any Database, access: Access) {
        self.db = db
        self.access = access
    }

    init(_ req: Request) throws {
        self.init(db: req.db, access: try req.access)
    }

    var user: CurrentUser { access.user }

    /// Whether the account changes people's records at all (the pages hide the links otherwise).
    var writes: Bool { user.role.writesUnitRecords }

    // MARK: - Reading one person

    /// The person, if the account may read it. A member reads only their own record; everyone
    /// else reads the people of their subtree. Anything else answers 404, so ids do not leak.
    func readable(_ id: Int) async throws -> Person {
        guard let person = try await Person.find(id, on: db) else { throw Abort(.notFound) }
        if user.role == .member {
            guard user.personID == id else { throw Abort(.notFound) }
            return person
        }
        if let unitID = person.currentUnitID {
            try await access.requireRead(unit: unitID)
        } else if !access.isAdmin {
            throw Abort(.notFound)
        }
        return person
    }

    /// The person, if the account may change it: 404 outside the scope, 403 for read-only roles
    /// (a member on their own record included).
    func writable(_ id: Int) async throws -> Person {
        let person = try await readable(id)
        guard writes else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        if let unitID = person.currentUnitID { try await access.requireWrite(unit: unitID) }
        return person
    }

    /// The person with their membership history and positions, oldest first.
    func detail(_ id: Int) async throws -> Detail {
        let person = try await readable(id)
        let memberships = try await Membership.query(on: db).filter(\.$personID == id)
            .sort(\.$validFrom).sort(\.$id).all()
        let positions = try await Position.query(on: db).filter(\.$personID == id)
            .sort(\.$validFrom).sort(\.$id).all()
        var unitIDs = Set(memberships.map(\.unitID)).union(positions.map(\.unitID))
        if let current = person.currentUnitID { unitIDs.insert(current) }
        let units = try await unitsByID(unitIDs)
        return Detail(
            person: PersonSnapshot(person),
            currentUnit: person.currentUnitID.flatMap { units[$0] }.map(UnitChoice.init),
            memberships: memberships.map { MembershipRow($0, unit: units[$0.unitID]) },
            positions: positions.map { PositionRow($0, unit: units[$0.unitID]) })
    }

    // MARK: - Units

    /// The unit with `code` if the account may read it. Unknown and out-of-scope codes answer
    /// alike (nil), so a form does not reveal which units exist elsewhere.
    func visibleUnit(code: String) async throws -> OrgUnit? {
        let code = VietnameseText.normalize(code)
        guard !code.isEmpty, let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else { return nil }
        return unit
    }

    func visibleUnit(id: Int) async throws -> OrgUnit? {
        guard let unit = try await OrgUnit.find(id, on: db), try await access.canSee(unit: id) else { return nil }
        return unit
    }

    /// Units in scope that still exist, for the unit-code fields' suggestion list. Capped because
    /// a province holds thousands of units and the list is only a typing aid; codes outside it
    /// are still accepted.
    func unitChoices(limit: Int = 300) async throws -> [UnitChoice] {
        guard user.role.seesUnits else { return [] }
        return try await OrgUnit.query(on: db).scoped(access.subtreeFilter("id"))
            .filter(\.$dissolvedOn == nil).sort(\.$nameFolded).sort(\.$id).limit(limit).all()
            .map(UnitChoice.init)
    }

    func unitsByID(_ ids: Set<Int>) async throws -> [Int: OrgUnit] {
        guard !ids.isEmpty else { return [:] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
    }
}

// MARK: - Plain values for views and DTOs

extension PersonService {
    struct UnitChoice: Sendable, Equatable {
        let id: Int
        let code: String
        let name: String

        init(_ unit: OrgUnit) {
            id = unit.id!
            code = unit.code
            name = unit.name
        }
    }

    struct MembershipRow: Sendable {
        let id: Int
        let unitID: Int
        let unitName: String
        let from: LocalDate
        let to: LocalDate?
        let note: String

        init(_ m: Membership, unit: OrgUnit?) {
            id = m.id!
            unitID = m.unitID
            unitName = unit?.name ?? ""
            from = m.validFrom
            to = m.validTo
            note = m.note
        }
    }

    struct PositionRow: Sendable {
        let id: Int
        let personID: Int
        let title: PositionTitle
        let unitID: Int
        let unitName: String
        let from: LocalDate
        let to: LocalDate?

        init(_ p: Position, unit: OrgUnit?) {
            id = p.id!
            personID = p.personID
            title = p.title
            unitID = p.unitID
            unitName = unit?.name ?? ""
            from = p.validFrom
            to = p.validTo
        }

        /// Not ended yet: only these can be ended.
        var isOpen: Bool { to == nil }
    }

    struct Detail: Sendable {
        let person: PersonSnapshot
        let currentUnit: UnitChoice?
        let memberships: [MembershipRow]
        let positions: [PositionRow]
    }
}

/// A person as plain values: what views show and what the audit log keeps before and after a change.
struct PersonSnapshot: Codable, Sendable, Equatable {
    let id: Int?
    let fullName: String
    let category: PersonCategory
    let gender: Gender?
    let birthDate: LocalDate?
    let identityNumber: String?
    let phone: String
    let email: String
    let partyJoinedOn: LocalDate?
    let partyOfficialOn: LocalDate?
    let note: String
    let currentUnitID: Int?

    init(_ p: Person) {
        id = p.id
        fullName = p.fullName
        category = p.category
        gender = p.gender
        birthDate = p.birthDate
        identityNumber = p.identityNumber
        phone = p.phone
        email = p.email
        partyJoinedOn = p.partyJoinedOn
        partyOfficialOn = p.partyOfficialOn
        note = p.note
        currentUnitID = p.currentUnitID
    }
}

/// What the audit log keeps of a position.
struct PositionSnapshot: Codable, Sendable {
    let id: Int?
    let personID: Int
    let unitID: Int
    let title: PositionTitle
    let validFrom: LocalDate
    let validTo: LocalDate?

    init(_ p: Position) {
        id = p.id
        personID = p.personID
        unitID = p.unitID
        title = p.title
        validFrom = p.validFrom
        validTo = p.validTo
    }
}
