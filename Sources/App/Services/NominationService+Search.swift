import Domain
import Fluent
import SQLKit
import Vapor

/// The list's filters, as the page and GET /nominations take them.
struct NominationFilter: Sendable {
    /// The last year of the period proposed for.
    var year: Int?
    var status: NominationStatus?
    /// Only those pending at the account's own unit ("Chờ đơn vị tôi xem xét").
    var awaitingMine = false
}

/// A nomination as lists show it.
struct NominationLine: Sendable {
    let nomination: Nomination
    let unitName: String
    let currentUnitName: String
    let candidateCount: Int
}

extension NominationService {
    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits || access.isAdmin else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// Nominations proposed in the account's subtree, filtered, latest first.
    static func search(_ filter: NominationFilter, offset: Int, limit: Int, access: Access) async throws -> (lines: [NominationLine], total: Int) {
        try requireReader(access)
        func query() -> QueryBuilder<Nomination> {
            let query = Nomination.query(on: access.db)
            if let scope = access.subtreeFilter("unit_id") { query.filter(.sql(embed: scope)) }
            if let year = filter.year { query.filter(\.$toYear == year) }
            if let status = filter.status { query.filter(\.$status == status) }
            if filter.awaitingMine {
                query.filter(\.$status == .pending)
                if let own = access.user.scopeUnitID { query.filter(\.$currentUnitID == own) }
            }
            return query
        }
        let total = try await query().count()
        let rows = try await query().sort(\.$toYear, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
        return (try await lines(rows, on: access.db), total)
    }

    static func lines(_ rows: [Nomination], on db: any Database) async throws -> [NominationLine] {
        let units = try await YearRecordFields.units(rows.flatMap { [$0.unitID, $0.currentUnitID] }, on: db)
        let ids = rows.compactMap(\.id)
        var counts: [Int: Int] = [:]
        if !ids.isEmpty {
            for c in try await NominationCandidate.query(on: db).filter(\.$nominationID ~~ ids).all() {
                counts[c.nominationID, default: 0] += 1
            }
        }
        return rows.map {
            NominationLine(nomination: $0, unitName: units[$0.unitID]?.name ?? "", currentUnitName: units[$0.currentUnitID]?.name ?? "",
                           candidateCount: counts[$0.id!] ?? 0)
        }
    }
}
