import Domain
import Fluent
import SQLKit
import Vapor

/// The due-date list's filters, as the page and GET /due-dates take them.
struct DueDateFilter: Sendable {
    var year: Int?
    var kind: DueKind?
}

/// A due date as lists show it; `fromAbove`: set above the account's scope, read-only to it.
struct DueDateLine: Sendable {
    let due: DueDate
    let unit: OrgUnit?
    let fromAbove: Bool
}

struct DueDateSearchResult: Sendable {
    let lines: [DueDateLine]
    let total: Int
}

extension DueDateService {
    /// The due dates set in the account's subtree, and those set above it that bind it (for each
    /// kind and year, the nearest unit above that set one), latest year first.
    static func search(_ filter: DueDateFilter, offset: Int, limit: Int, access: Access) async throws -> DueDateSearchResult {
        try UnitPlanService.requireLister(access)
        let above = try await bindingFromAbove(access)
        let scope = access.subtreeFilter("unit_id")

        func query() -> QueryBuilder<DueDate> {
            let query = DueDate.query(on: access.db)
            if let scope {
                if above.isEmpty {
                    query.filter(.sql(embed: scope))
                } else {
                    query.group(.or) { $0.filter(.sql(embed: scope)).filter(\.$id ~~ Array(above)) }
                }
            }
            if let year = filter.year { query.filter(\.$year == year) }
            if let kind = filter.kind { query.filter(\.$kind == kind) }
            return query
        }

        let total = try await query().count()
        let dues = try await query().sort(\.$year, .descending).sort(\.$kind).sort(\.$dueOn).sort(\.$id)
            .range(offset..<(offset + limit)).all()
        let units = try await ConductCodeService.units(Set(dues.map(\.unitID)), on: access.db)
        let lines = dues.map { DueDateLine(due: $0, unit: units[$0.unitID], fromAbove: above.contains($0.id!)) }
        return DueDateSearchResult(lines: lines, total: total)
    }

    /// Ids of the due dates set by units above the account's scope root that bind it: per kind
    /// and year, the nearest such unit's (as `DueDates` picks them).
    static func bindingFromAbove(_ access: Access) async throws -> Set<Int> {
        guard !access.isAdmin, access.user.role.seesUnits, let root = access.scopeRoot else { return [] }
        struct Row: Decodable { let id: Int; let kind: String; let year: Int; let depth: Int }
        let rows = try await (access.db as! any SQLDatabase).raw("""
            SELECT dd.id AS id, dd.kind AS kind, dd.year AS year, c.depth AS depth FROM due_dates dd \
            JOIN unit_closure c ON c.ancestor_id = dd.unit_id WHERE c.descendant_id = \(bind: root) AND c.depth >= 1
            """).all(decoding: Row.self)
        var nearest: [String: Row] = [:]
        for row in rows {
            let key = "\(row.kind) \(row.year)"
            if let current = nearest[key], current.depth <= row.depth { continue }
            nearest[key] = row
        }
        return Set(nearest.values.map(\.id))
    }
}
