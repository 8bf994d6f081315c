import Domain
import Fluent
import SQLKit
import Vapor

/// The list's filters, as the page and GET /practice-models take them.
struct PracticeModelFilter: Sendable {
    var q = ""
    /// A unit code: models of that unit and the units below it.
    var unitCode = ""
    var year: Int?
    var kind: PracticeModelKind?
}

struct PracticeModelSearchResult {
    let models: [PracticeModel]
    /// Models in the filtered set (indicator III.3, "models registered").
    let total: Int
    /// Distinct units registering in the filtered set (III.3, "units registering").
    let units: Int
    let unitsByID: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension PracticeModelService {
    /// The models of the account's subtree, filtered, newest year first.
    static func search(_ filter: PracticeModelFilter, offset: Int, limit: Int, access: Access) async throws -> PracticeModelSearchResult {
        try YearRecordFields.requireLister(access)
        let db = access.db
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return PracticeModelSearchResult(models: [], total: 0, units: 0, unitsByID: [:], unknownUnit: true) }
        let scope = access.subtreeFilter("unit_id")

        func query() -> QueryBuilder<PracticeModel> {
            let query = PracticeModel.query(on: db).scoped(scope)
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root))) }
            let q = VietnameseText.normalize(filter.q)
            if !q.isEmpty {
                query.filter(.sql(embed: "\(ident: "title_folded") LIKE \(bind: VietnameseText.likePattern(forQuery: q)) ESCAPE '\\'"))
            }
            if let year = filter.year { query.filter(\.$year == year) }
            if let kind = filter.kind { query.filter(\.$kind == kind) }
            return query
        }

        let total = try await query().count()
        // SELECT DISTINCT unit_id: at most one row per unit, so counting the rows stays small.
        let units = try await query().unique().field(\.$unitID).all().count
        let models = try await query()
            .sort(\.$year, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
        return PracticeModelSearchResult(
            models: models, total: total, units: units,
            unitsByID: try await YearRecordFields.units(models.map(\.unitID), on: db), unknownUnit: false)
    }
}
