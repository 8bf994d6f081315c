import Domain
import Fluent
import Vapor

/// The plan list's filters, as GET /personal-plans takes them.
struct PersonalPlanFilter: Sendable {
    /// A unit code: plans of the units at or below it.
    var unitCode = ""
    var year: Int?
    var status: PersonalPlanStatus?
}

extension PersonalPlanService {
    /// Plans the account reads, filtered, newest year first then by unit: a member's own plans
    /// only; the subtree's plans for everyone else. `unknown`: the unit code named nothing readable.
    static func search(_ filter: PersonalPlanFilter, offset: Int, limit: Int, access: Access) async throws
        -> (plans: [PersonalPlan], total: Int, unknown: Bool) {
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return ([], 0, true) }
        func query() -> QueryBuilder<PersonalPlan> {
            let query = PersonalPlan.query(on: access.db)
            if access.user.role.seesUnits {
                query.scoped(access.subtreeFilter("unit_id"))
            } else {
                query.filter(\.$personID == (access.user.personID ?? 0))
            }
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root, column: "unit_id"))) }
            if let year = filter.year { query.filter(\.$year == year) }
            if let status = filter.status { query.filter(\.$status == status) }
            return query
        }
        let total = try await query().count()
        let plans = try await query().sort(\.$year, .descending).sort(\.$unitID).sort(\.$id)
            .range(offset..<(offset + limit)).all()
        return (plans, total, false)
    }

    /// Templates of the subtree's cells, filtered, newest year first.
    static func searchTemplates(unitCode: String, year: Int?, offset: Int, limit: Int, access: Access) async throws
        -> (templates: [PersonalPlanTemplate], total: Int, unknown: Bool) {
        try requireLister(access)
        let (root, unknown) = try await UnitLookup.filterRoot(unitCode, access: access)
        if unknown { return ([], 0, true) }
        func query() -> QueryBuilder<PersonalPlanTemplate> {
            let query = PersonalPlanTemplate.query(on: access.db).scoped(access.subtreeFilter("unit_id"))
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root, column: "unit_id"))) }
            if let year { query.filter(\.$year == year) }
            return query
        }
        let total = try await query().count()
        let templates = try await query().sort(\.$year, .descending).sort(\.$unitID).range(offset..<(offset + limit)).all()
        return (templates, total, false)
    }
}
