import Domain
import Fluent
import SQLKit
import Vapor

/// The plan list's filters, as the pages and GET /unit-plans take them.
struct UnitPlanFilter: Sendable {
    /// A unit code: plans of that unit and of the units below it.
    var unitCode = ""
    var year: Int?
    var scope: PlanScope?
    var status: PlanStatus?
}

/// A plan with what lists show beside it: its unit, programme and binding due date.
struct UnitPlanLine: Sendable {
    let plan: UnitPlan
    let unit: OrgUnit?
    let programme: Programme?
    let due: LocalDate?
    let timeliness: PlanRules.Timeliness
}

struct UnitPlanSearchResult: Sendable {
    let lines: [UnitPlanLine]
    let total: Int
    let unknownUnit: Bool
}

extension UnitPlanService {
    /// Plans of the account's subtree, filtered, latest year first.
    static func search(_ filter: UnitPlanFilter, offset: Int, limit: Int, access: Access) async throws -> UnitPlanSearchResult {
        try requireLister(access)
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return UnitPlanSearchResult(lines: [], total: 0, unknownUnit: true) }
        let scope = access.subtreeFilter("unit_id")

        func query() -> QueryBuilder<UnitPlan> {
            let query = UnitPlan.query(on: access.db).scoped(scope)
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root, column: "unit_id"))) }
            if let year = filter.year { query.filter(\.$year == year) }
            if let kind = filter.scope { query.filter(\.$scope == kind) }
            if let status = filter.status { query.filter(\.$status == status) }
            return query
        }

        let total = try await query().count()
        let plans = try await query().sort(\.$year, .descending).sort(\.$scope).sort(\.$unitID).sort(\.$id)
            .range(offset..<(offset + limit)).all()
        return UnitPlanSearchResult(lines: try await lines(plans, on: access.db), total: total, unknownUnit: false)
    }

    /// Plans submitted by units below the account's scope, waiting for the account's review
    /// ("Chờ bạn duyệt"), oldest submission first. Empty for accounts that review nothing.
    static func awaitingReview(access: Access, limit: Int) async throws -> (lines: [UnitPlanLine], total: Int) {
        guard access.user.role.writesUnitRecords else { return ([], 0) }
        let below: SQLQueryString?
        if access.isAdmin {
            below = nil
        } else if let root = access.scopeRoot {
            below = "unit_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root) AND depth >= 1)"
        } else {
            return ([], 0)
        }
        func query() -> QueryBuilder<UnitPlan> {
            UnitPlan.query(on: access.db).filter(\.$status == .submitted).scoped(below)
        }
        let total = try await query().count()
        let plans = try await query().sort(\.$submittedOn).sort(\.$id).limit(limit).all()
        return (try await lines(plans, on: access.db), total)
    }

    /// The plans with their units, programmes and binding due dates, in three queries.
    static func lines(_ plans: [UnitPlan], on db: any Database, today: LocalDate = .today()) async throws -> [UnitPlanLine] {
        guard !plans.isEmpty else { return [] }
        let units = try await ConductCodeService.units(Set(plans.map(\.unitID)), on: db)
        let programmeIDs = Array(Set(plans.map(\.programmeID)))
        let programmes = try await Programme.query(on: db).filter(\.$id ~~ programmeIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: programmes.map { ($0.id!, $0) })
        let dues = try await dueDates(plans.compactMap(\.id), on: db)
        return plans.map { plan in
            let due = dues[plan.id!]
            return UnitPlanLine(
                plan: plan, unit: units[plan.unitID], programme: byID[plan.programmeID], due: due,
                timeliness: PlanRules.timeliness(due: due, firstSubmitted: plan.firstSubmittedOn, today: today))
        }
    }

    /// The due date binding each plan (DueDates: set by the nearest unit above), by plan id.
    static func dueDates(_ planIDs: [Int], on db: any Database) async throws -> [Int: LocalDate] {
        guard !planIDs.isEmpty else { return [:] }
        struct Row: Decodable { let id: Int; let due: String? }
        let yearDue = DueDates.dueSQL(.unitPlanYear, unitSQL: "p.unit_id", yearSQL: "p.year")
        let termDue = DueDates.dueSQL(.unitPlanTerm, unitSQL: "p.unit_id", yearSQL: "p.year")
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT p.id AS id, CASE WHEN p.scope = \(bind: PlanScope.year.rawValue) THEN \(yearDue) ELSE \(termDue) END AS due \
            FROM unit_plans p WHERE p.id IN (\(binds: planIDs))
            """).all(decoding: Row.self)
        var result: [Int: LocalDate] = [:]
        for row in rows { result[row.id] = row.due.flatMap(LocalDate.init) }
        return result
    }

    static func dueKind(_ scope: PlanScope) -> DueKind { scope == .year ? .unitPlanYear : .unitPlanTerm }
}
