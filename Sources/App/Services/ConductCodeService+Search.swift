import Domain
import Fluent
import SQLKit
import Vapor

/// The conduct-code register's filters, as the list page and GET /conduct-codes take them.
struct ConductCodeFilter: Sendable {
    /// A unit code: codes of that unit and of the units below it.
    var unitCode = ""
    /// true: in force only; false: replaced only; nil: both.
    var inForce: Bool?
    /// Year of issue.
    var year: Int?
}

/// One page of the register, with the units its rows name and which rows were replaced.
struct ConductCodeSearchResult {
    let codes: [ConductCode]
    let total: Int
    let units: [Int: OrgUnit]
    /// Code id → the code that replaces it.
    let replacedBy: [Int: ConductCode]
    let unknownUnit: Bool
}

/// A code with the codes before and after it in its chain of revisions, oldest first.
struct ConductCodeChain {
    let code: ConductCode
    let chain: [ConductCode]
    var replaces: ConductCode? { code.replacesID.flatMap { id in chain.first { $0.id == id } } }
    var replacedBy: ConductCode? { chain.first { $0.replacesID == code.id } }
}

extension ConductCodeService {
    /// SQL true for a code that no code replaces.
    static let inForceSQL: SQLQueryString =
        "\(ident: "id") NOT IN (SELECT \(ident: "replaces_id") FROM \(ident: ConductCode.schema) WHERE \(ident: "replaces_id") IS NOT NULL)"

    /// The codes of the account's subtree, filtered, newest issue date first.
    static func search(_ filter: ConductCodeFilter, offset: Int, limit: Int, access: Access) async throws -> ConductCodeSearchResult {
        try requireReader(access)
        let db = access.db
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return ConductCodeSearchResult(codes: [], total: 0, units: [:], replacedBy: [:], unknownUnit: true) }
        let scope = access.subtreeFilter("unit_id")

        func query() -> QueryBuilder<ConductCode> {
            let query = ConductCode.query(on: db).scoped(scope)
            if let root {
                query.filter(.sql(embed: Access.inSubtree(of: root, column: "unit_id")))
            }
            switch filter.inForce {
            case true?: query.filter(.sql(embed: inForceSQL))
            case false?: query.filter(.sql(embed: "NOT (\(inForceSQL))"))
            case nil: break
            }
            if let year = filter.year, let first = LocalDate(year: year, month: 1, day: 1) {
                query.filter(\.$issuedOn >= first).filter(\.$issuedOn <= LocalDate.lastOf(year: year))
            }
            return query
        }

        let total = try await query().count()
        let codes = try await query()
            .sort(\.$issuedOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit))
            .all()
        let ids = codes.compactMap(\.id)
        let replacing = ids.isEmpty ? [] : try await ConductCode.query(on: db).filter(\.$replacesID ~~ ids).all()
        var replacedBy: [Int: ConductCode] = [:]
        for later in replacing { if let id = later.replacesID { replacedBy[id] = later } }
        return ConductCodeSearchResult(
            codes: codes, total: total, units: try await units(Set(codes.map(\.unitID)), on: db),
            replacedBy: replacedBy, unknownUnit: false)
    }

    /// The chain of revisions through `code`: back through what it replaces, forward through what
    /// replaces it. All of one unit, so in the same scope as `code`.
    static func chain(of code: ConductCode, on db: any Database) async throws -> ConductCodeChain {
        var earlier: [ConductCode] = []
        var next = code.replacesID
        // A chain is acyclic (each revision is issued strictly later); the bound guards bad data.
        while let id = next, earlier.count < 100, let found = try await ConductCode.find(id, on: db) {
            earlier.insert(found, at: 0)
            next = found.replacesID
        }
        var later: [ConductCode] = []
        var current = code.id
        while let id = current, later.count < 100,
              let found = try await ConductCode.query(on: db).filter(\.$replacesID == id).first() {
            later.append(found)
            current = found.id
        }
        return ConductCodeChain(code: code, chain: earlier + [code] + later)
    }

    /// Whether no code replaces `code`.
    static func isInForce(_ code: ConductCode, on db: any Database) async throws -> Bool {
        try await ConductCode.query(on: db).filter(\.$replacesID == code.id).first() == nil
    }

    /// Codes in force in the account's subtree that a revision may replace, for the form's choice.
    static func replaceable(access: Access, including id: Int?) async throws -> [(code: ConductCode, unit: OrgUnit?)] {
        let db = access.db
        var query = ConductCode.query(on: db).scoped(access.subtreeFilter("unit_id"))
        if let id {
            query = query.group(.or) { $0.filter(.sql(embed: inForceSQL)).filter(\.$id == id) }
        } else {
            query = query.filter(.sql(embed: inForceSQL))
        }
        let codes = try await query.sort(\.$unitID).sort(\.$issuedOn, .descending).limit(500).all()
        let units = try await units(Set(codes.map(\.unitID)), on: db)
        return codes.map { ($0, units[$0.unitID]) }
    }

    static func units(_ ids: Set<Int>, on db: any Database) async throws -> [Int: OrgUnit] {
        guard !ids.isEmpty else { return [:] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
    }
}
