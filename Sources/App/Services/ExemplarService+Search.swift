import Domain
import Fluent
import SQLKit
import Vapor

struct ExemplarFilter: Sendable {
    var unitCode = ""
    var year: Int?
    var subject: ExemplarSubject?
}

struct ExemplarSearchResult {
    let exemplars: [Exemplar]
    let total: Int
    let unitsByID: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension ExemplarService {
    /// The exemplars recorded in the account's subtree, filtered, newest first.
    static func search(_ filter: ExemplarFilter, offset: Int, limit: Int, access: Access) async throws -> ExemplarSearchResult {
        try YearRecordFields.requireLister(access)
        let db = access.db
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return ExemplarSearchResult(exemplars: [], total: 0, unitsByID: [:], unknownUnit: true) }
        let scope = access.subtreeFilter("unit_id")

        func query() -> QueryBuilder<Exemplar> {
            let query = Exemplar.query(on: db).scoped(scope)
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root))) }
            if let year = filter.year { query.filter(\.$year == year) }
            if let subject = filter.subject { query.filter(\.$subject == subject) }
            return query
        }

        let total = try await query().count()
        let exemplars = try await query()
            .sort(\.$year, .descending).sort(\.$recognisedOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
        return ExemplarSearchResult(
            exemplars: exemplars, total: total,
            unitsByID: try await YearRecordFields.units(exemplars.map(\.unitID), on: db), unknownUnit: false)
    }
}
