@testable import App
import Domain
import Fluent
import Vapor

/// Builds a small tree, people and accounts for a test, through the same models the app uses.
///
///     TU  Tỉnh ủy Thử Nghiệm (root)
///     ├── A   Đảng ủy Khối A           ── A1 Chi bộ A1 (cell)
///     └── B   Đảng bộ B                ── B1 Chi bộ B1 (cell)
enum Fixtures {
    static let password = "mat-khau-thu-nghiem"

    struct Tree {
        let root: OrgUnit
        let a: OrgUnit
        let a1: OrgUnit
        let b: OrgUnit
        let b1: OrgUnit
    }

    static func tree(_ app: Application) async throws -> Tree {
        let day = LocalDate(year: 2020, month: 1, day: 1)!
        let root = try await unit(app, "TU", "Tỉnh ủy Thử Nghiệm", kind: "TINH", parent: nil, founded: day)
        let a = try await unit(app, "A", "Đảng ủy Khối A", kind: "TRUC_THUOC", parent: root, founded: day)
        let a1 = try await unit(app, "A1", "Chi bộ A1", kind: "CB_CO_SO", parent: a, founded: day)
        let b = try await unit(app, "B", "Đảng bộ B", kind: "TRUC_THUOC", parent: root, founded: day)
        let b1 = try await unit(app, "B1", "Chi bộ B1", kind: "CB_CO_SO", parent: b, founded: day)
        try await TreeIndex.rebuild(on: app.db)
        return Tree(root: root, a: a, a1: a1, b: b, b1: b1)
    }

    @discardableResult
    static func unit(
        _ app: Application, _ code: String, _ name: String, kind: String, parent: OrgUnit?, founded: LocalDate
    ) async throws -> OrgUnit {
        let unit = OrgUnit()
        unit.code = code
        unit.name = name
        unit.nameFolded = VietnameseText.fold(name)
        unit.kindCode = kind
        unit.attachment = .agency
        unit.foundedOn = founded
        unit.note = ""
        try await unit.create(on: app.db)
        try await UnitParentLink(unitID: unit.id!, parentID: parent?.id, validFrom: founded).create(on: app.db)
        return unit
    }

    @discardableResult
    static func person(_ app: Application, _ name: String, in unit: OrgUnit, since: LocalDate = LocalDate(year: 2020, month: 1, day: 1)!) async throws -> Person {
        let person = Person()
        person.fullName = name
        person.nameFolded = VietnameseText.fold(name)
        person.sortKey = VietnameseText.sortKey(fullName: name)
        person.category = .partyMember
        person.email = ""
        person.phone = ""
        person.note = ""
        person.currentUnitID = unit.id
        try await person.create(on: app.db)
        try await Membership(personID: person.id!, unitID: unit.id!, validFrom: since).create(on: app.db)
        return person
    }

    /// An account; its scope is `unit` for the roles bound to a subtree.
    @discardableResult
    static func user(_ app: Application, _ username: String, _ role: Role, unit: OrgUnit? = nil, person: Person? = nil) async throws -> User {
        try await Accounts.create(AccountInput(
            username: username, displayName: username, role: role.rawValue, unitCode: unit?.code,
            personID: person?.id, password: password), by: nil, on: app.db)
    }

    /// An API token for an account.
    static func token(_ app: Application, for user: User) async throws -> APIClient {
        let raw = APITokens.generate()
        let token = APIToken()
        token.userID = user.id!
        token.name = "test"
        token.tokenHash = APITokens.hash(raw)
        try await token.create(on: app.db)
        return APIClient(app: app, token: raw)
    }
}
