import Domain
import Fluent
import SQLKit
import Vapor

/// What the signed-in account may read and write. Every handler goes through it: a unit outside
/// the account's subtree answers 404 (its existence does not leak); a unit it may read but not
/// change answers 403.
struct Access: Sendable {
    let user: CurrentUser
    let db: any Database

    var isAdmin: Bool { user.role == .admin }

    /// The unit whose subtree the account works in; nil for administrators (everything) and members.
    var scopeRoot: Int? { user.role.needsScopeUnit ? user.scopeUnitID : nil }

    /// Whether `unitID` lies in the account's subtree as the tree stands today.
    func canSee(unit unitID: Int) async throws -> Bool {
        if isAdmin { return true }
        guard user.role.seesUnits, let root = scopeRoot else { return false }
        return try await Self.isDescendant(unitID, of: root, on: db)
    }

    func requireRead(unit unitID: Int) async throws {
        guard try await canSee(unit: unitID) else { throw Abort(.notFound) }
    }

    /// Records of the unit (people, documents, topics) may be changed.
    func requireWrite(unit unitID: Int) async throws {
        try await requireRead(unit: unitID)
        guard user.role.writesUnitRecords else { throw Abort(.forbidden, reason: Self.readOnlyMessage) }
    }

    /// The unit's place in the tree may be changed (create below, move, merge, dissolve).
    func requireRestructure(unit unitID: Int) async throws {
        try await requireRead(unit: unitID)
        guard user.role.restructures else { throw Abort(.forbidden, reason: Self.readOnlyMessage) }
    }

    func requireRole(_ allowed: Role...) throws {
        guard allowed.contains(user.role) else { throw Abort(.forbidden, reason: Self.readOnlyMessage) }
    }

    /// The unit a member account belongs to, for what members read from above (topics, documents).
    func anchorUnit() async throws -> Int? {
        if let root = scopeRoot { return root }
        guard user.role == .member, let personID = user.personID else { return nil }
        return try await Person.find(personID, on: db)?.currentUnitID
    }

    /// Whether `unitID` is in the subtree or above it: guidance and topics come from above.
    func canSeeFromAbove(unit unitID: Int) async throws -> Bool {
        if isAdmin { return true }
        guard let anchor = try await anchorUnit() else { return false }
        if user.role.seesUnits, try await Self.isDescendant(unitID, of: anchor, on: db) { return true }
        return try await Self.isDescendant(anchor, of: unitID, on: db)
    }

    /// SQL restricting `column` (a unit id) to the subtree; nil when nothing is restricted.
    func subtreeFilter(_ column: String) -> SQLQueryString? {
        if isAdmin { return nil }
        guard user.role.seesUnits, let root = scopeRoot else { return "1 = 0" }
        return Self.inSubtree(of: root, column: column)
    }

    /// SQL: `column` (a unit id) is `root` or lies beneath it in today's tree. The one spelling
    /// of "in the subtree" for every query, through the closure table's index.
    static func inSubtree(of root: Int, column: String = "unit_id") -> SQLQueryString {
        "\(ident: column) IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root))"
    }

    /// SQL restricting `column` to the subtree and the units above it.
    func subtreeOrAboveFilter(_ column: String) async throws -> SQLQueryString? {
        if isAdmin { return nil }
        guard let anchor = try await anchorUnit() else { return "1 = 0" }
        let above: SQLQueryString = "\(ident: column) IN (SELECT ancestor_id FROM unit_closure WHERE descendant_id = \(bind: anchor))"
        guard user.role.seesUnits else { return above }
        return "(\(above) OR \(ident: column) IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: anchor)))"
    }

    static func isDescendant(_ unitID: Int, of ancestor: Int, on db: any Database) async throws -> Bool {
        struct Row: Decodable { let depth: Int }
        return try await (db as! any SQLDatabase).select().column("depth").from("unit_closure")
            .where("ancestor_id", .equal, ancestor).where("descendant_id", .equal, unitID)
            .first(decoding: Row.self) != nil
    }

    static let readOnlyMessage = "Tài khoản của bạn không có quyền thực hiện thao tác này."
}

extension QueryBuilder {
    /// Applies an optional scope filter to a Fluent query.
    func scoped(_ filter: SQLQueryString?) -> Self {
        guard let filter else { return self }
        return self.filter(.sql(embed: filter))
    }
}
