import Domain
import Fluent
import SQLKit
import Vapor

/// The outreach list's filters, as the list page, GET /outreach and GET /outreach/totals take them.
struct OutreachFilter: Sendable {
    /// A unit code: activities of that unit and of the units below it.
    var unitCode = ""
    var year: Int?
    var form: OutreachForm?
}

/// The number of activities and the people they reached (lượt người), over a filtered set.
struct OutreachTotals: Sendable, Equatable, Decodable {
    let activities: Int
    let participants: Int
}

struct OutreachSearchResult {
    let activities: [OutreachActivity]
    let total: Int
    let units: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension OutreachService {
    /// The filter's conditions as SQL, shared by the list and the totals so both count the same set.
    /// nil when the unit code names no unit of the account's subtree.
    private static func conditions(_ filter: OutreachFilter, access: Access) async throws -> [SQLQueryString]? {
        try ConductCodeService.requireReader(access)
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return nil }
        var conditions: [SQLQueryString] = []
        if let scope = access.subtreeFilter("unit_id") { conditions.append(scope) }
        if let root {
            conditions.append(Access.inSubtree(of: root, column: "unit_id"))
        }
        if let year = filter.year, let first = LocalDate(year: year, month: 1, day: 1) {
            conditions.append("\(ident: "held_on") >= \(bind: first.iso) AND \(ident: "held_on") <= \(bind: LocalDate.lastOf(year: year).iso)")
        }
        if let form = filter.form { conditions.append("\(ident: "form") = \(bind: form.rawValue)") }
        return conditions
    }

    /// The activities of the account's subtree, filtered, latest first.
    static func search(_ filter: OutreachFilter, offset: Int, limit: Int, access: Access) async throws -> OutreachSearchResult {
        guard let conditions = try await conditions(filter, access: access) else {
            return OutreachSearchResult(activities: [], total: 0, units: [:], unknownUnit: true)
        }
        func query() -> QueryBuilder<OutreachActivity> {
            let query = OutreachActivity.query(on: access.db)
            for condition in conditions { query.filter(.sql(embed: condition)) }
            return query
        }
        let total = try await query().count()
        let activities = try await query()
            .sort(\.$heldOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit))
            .all()
        let units = try await ConductCodeService.units(Set(activities.map(\.unitID)), on: access.db)
        return OutreachSearchResult(activities: activities, total: total, units: units, unknownUnit: false)
    }

    /// Totals of the whole filtered set (not one page), in one SQL aggregate. nil: unknown unit.
    static func totals(_ filter: OutreachFilter, access: Access) async throws -> OutreachTotals? {
        guard let conditions = try await conditions(filter, access: access) else { return nil }
        // SUM over PostgreSQL's bigint column is numeric; the cast keeps it an integer on both databases.
        var select = (access.db as! any SQLDatabase).select()
            .column(SQLRaw("COUNT(*)"), as: "activities")
            .column(SQLRaw("CAST(COALESCE(SUM(participants), 0) AS BIGINT)"), as: "participants")
            .from(OutreachActivity.schema)
        for condition in conditions { select = select.where(condition) }
        return try await select.first(decoding: OutreachTotals.self) ?? OutreachTotals(activities: 0, participants: 0)
    }
}
