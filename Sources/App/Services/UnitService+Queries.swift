import Domain
import Fluent
import SQLKit
import Vapor

/// A unit named in a list or a link.
struct UnitRef: Sendable, Equatable {
    let id: Int
    let code: String
    let name: String

    init(id: Int, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }

    init(_ unit: OrgUnit) {
        self.init(id: unit.id!, code: unit.code, name: unit.name)
    }
}

/// The tree as it stood on one day, restricted to the account's scope as of that day.
struct ScopedTree: Sendable {
    struct Node: Sendable {
        let id: Int
        let code: String
        let name: String
        let kindCode: String
        let kindName: String
        /// The nearest unit above it that existed that day and is in the scope; nil for the top.
        let parentID: Int?
        /// Whether the account may open the unit's page today (a unit may since have left the scope).
        let linkable: Bool
    }

    let day: LocalDate
    /// Parents before children, siblings in display order.
    let nodes: [Node]
    /// The account's scope unit when it did not exist that day (the tree is then empty).
    let missingScope: UnitRef?
}

extension UnitService {
    /// The units existing on `day`, each under its parent of that day: all of them for an
    /// administrator, the scope unit's subtree of that day for everyone else.
    func tree(on day: LocalDate) async throws -> ScopedTree {
        guard user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let state = try await TreeState.load(on: db)
        let tree = state.tree(on: day)
        var inScope = Set(tree.unitIDs.filter { state.units[$0]?.exists(on: day) ?? false })
        if let root = access.scopeRoot {
            guard let lifespan = state.units[root], lifespan.exists(on: day) else {
                let unit = try await OrgUnit.find(root, on: db)
                return ScopedTree(day: day, nodes: [], missingScope: unit.map(UnitRef.init))
            }
            inScope = inScope.filter { tree.isInSubtree($0, of: root) }
        }
        // A unit under one that did not exist that day hangs under the nearest one that did.
        var parent: [Int: Int] = [:]
        for id in inScope {
            if let up = tree.ancestors(of: id).first(where: inScope.contains) { parent[id] = up }
        }
        let rows = try await unitRows()
        let kinds = try await kindsByCode()
        let today = try await visibleToday()
        var children: [Int?: [Int]] = [:]
        for id in inScope { children[parent[id], default: []].append(id) }
        func order(_ ids: [Int]) -> [Int] {
            ids.sorted { a, b in
                let ka = (kinds[rows[a]?.kind_code ?? ""]?.rank ?? 99, rows[a]?.name_folded ?? "", rows[a]?.code ?? "")
                let kb = (kinds[rows[b]?.kind_code ?? ""]?.rank ?? 99, rows[b]?.name_folded ?? "", rows[b]?.code ?? "")
                return ka < kb
            }
        }
        var nodes: [ScopedTree.Node] = []
        nodes.reserveCapacity(inScope.count)
        var queue = order(children[nil] ?? [])
        var index = 0
        while index < queue.count {
            let id = queue[index]
            index += 1
            guard let row = rows[id] else { continue }
            nodes.append(.init(id: id, code: row.code, name: row.name, kindCode: row.kind_code,
                               kindName: kinds[row.kind_code]?.name ?? row.kind_code, parentID: parent[id],
                               linkable: today?.contains(id) ?? true))
            queue += order(children[id] ?? [])
        }
        return ScopedTree(day: day, nodes: nodes, missingScope: nil)
    }

    /// Units in scope whose folded name or code contains the query, one page of them.
    func search(_ query: String, existingOn day: LocalDate? = nil, page: Int, perPage: Int) async throws -> (units: [OrgUnit], total: Int) {
        guard user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        var builder = OrgUnit.query(on: db).scoped(access.subtreeFilter("id"))
        let q = VietnameseText.normalize(query)
        if !q.isEmpty {
            let folded = VietnameseText.likePattern(forQuery: q)
            let code = Self.likePattern(upper: q.uppercased())
            builder = builder.filter(.sql(embed: "(\(ident: "name_folded") LIKE \(bind: folded) ESCAPE '\\' OR \(ident: "code") LIKE \(bind: code) ESCAPE '\\')"))
        }
        if let day {
            builder = builder.filter(\.$foundedOn <= day).group(.or) { $0.filter(\.$dissolvedOn == nil).filter(\.$dissolvedOn > day) }
        }
        let total = try await builder.count()
        let units = try await builder.sort(\.$nameFolded).sort(\.$code).range((page - 1) * perPage ..< page * perPage).all()
        return (units, total)
    }

    /// A LIKE pattern for the code column, which holds upper case with Đ: matched as typed, upper-cased.
    static func likePattern(upper q: String) -> String {
        var out = "%"
        for ch in q {
            if ch == "\\" || ch == "%" || ch == "_" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
    }

    /// The ids among `ids` the account may open; nil when it may open every unit.
    func visible(_ ids: [Int]) async throws -> Set<Int> {
        guard !access.isAdmin else { return Set(ids) }
        guard user.role.seesUnits, let root = access.scopeRoot, !ids.isEmpty else { return [] }
        struct Row: Decodable { let descendant_id: Int }
        var result: Set<Int> = []
        for chunk in Array(Set(ids)).chunked(into: Self.idChunk) {
            let rows = try await (db as! any SQLDatabase).select().column("descendant_id").from("unit_closure")
                .where("ancestor_id", .equal, root).where("descendant_id", .in, Array(chunk)).all(decoding: Row.self)
            result.formUnion(rows.map(\.descendant_id))
        }
        return result
    }

    /// Every unit the account may open today; nil for an administrator (all of them).
    func visibleToday() async throws -> Set<Int>? {
        guard !access.isAdmin else { return nil }
        guard let root = access.scopeRoot else { return [] }
        struct Row: Decodable { let descendant_id: Int }
        let rows = try await (db as! any SQLDatabase).select().column("descendant_id").from("unit_closure")
            .where("ancestor_id", .equal, root).all(decoding: Row.self)
        return Set(rows.map(\.descendant_id))
    }

    func kinds() async throws -> [UnitKind] {
        try await UnitKind.query(on: db).sort(\.$rank).sort(\.$name).all()
    }

    func kindsByCode() async throws -> [String: UnitKind] {
        Dictionary(try await kinds().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Units a change of `unitID` may point at: in scope, not dissolved, not the unit or below it
    /// today. Nil when there are more than `limit` (the form then asks for a code).
    func targetChoices(excludingSubtreeOf unitID: Int, limit: Int = 400) async throws -> [UnitRef]? {
        let below: SQLQueryString = "\(ident: "id") NOT IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: unitID))"
        let units = try await OrgUnit.query(on: db).scoped(access.subtreeFilter("id")).filter(.sql(embed: below))
            .filter(\.$id != unitID).filter(\.$dissolvedOn == nil).sort(\.$nameFolded).limit(limit + 1).all()
        return units.count > limit ? nil : units.map(UnitRef.init)
    }

    private struct Row: Decodable {
        let id: Int
        let code: String
        let name: String
        let name_folded: String
        let kind_code: String
    }

    private func unitRows() async throws -> [Int: Row] {
        let rows = try await (db as! any SQLDatabase).raw("SELECT id, code, name, name_folded, kind_code FROM org_units")
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
