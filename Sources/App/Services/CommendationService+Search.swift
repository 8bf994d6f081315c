import Domain
import Fluent
import SQLKit
import Vapor

/// The register's filters, as the list page and GET /commendations take them.
struct CommendationFilter: Sendable {
    /// A unit code: commendations recorded by that unit and the units below it.
    var unitCode = ""
    /// The year of the decision.
    var year: Int?
    var formID: Int?
    var issuerID: Int?
    /// Part of the occasion's text, matched without diacritics.
    var event = ""
}

/// Collectives, individuals and groups of authors commended in a filtered set (all pages).
struct CommendationCounts: Sendable, Equatable, Decodable {
    let collectives: Int
    let individuals: Int
    let authorGroups: Int

    static let zero = CommendationCounts(collectives: 0, individuals: 0, authorGroups: 0)

    var summary: String {
        CommendationCount.summary(collectives: collectives, individuals: individuals, authorGroups: authorGroups)
    }
}

struct CommendationSearchResult {
    let commendations: [Commendation]
    let total: Int
    let units: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension CommendationService {
    /// The filter as SQL, shared by the list and the counts so both read the same set.
    /// nil when the unit code names no unit of the account's subtree.
    private static func conditions(_ filter: CommendationFilter, access: Access) async throws -> [SQLQueryString]? {
        try ConductCodeService.requireReader(access)
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return nil }
        var conditions: [SQLQueryString] = []
        if let scope = access.subtreeFilter("unit_id") { conditions.append(scope) }
        if let root { conditions.append(Access.inSubtree(of: root, column: "unit_id")) }
        if let year = filter.year, let first = LocalDate(year: year, month: 1, day: 1) {
            conditions.append("\(ident: "decided_on") >= \(bind: first.iso) AND \(ident: "decided_on") <= \(bind: LocalDate.lastOf(year: year).iso)")
        }
        if let form = filter.formID { conditions.append("\(ident: "form_id") = \(bind: form)") }
        if let issuer = filter.issuerID { conditions.append("\(ident: "issuer_id") = \(bind: issuer)") }
        let event = VietnameseText.normalize(filter.event)
        if !event.isEmpty {
            conditions.append("\(ident: "event_folded") LIKE \(bind: VietnameseText.likePattern(forQuery: event)) ESCAPE '\\'")
        }
        return conditions
    }

    /// The commendations of the account's subtree, filtered, latest decision first.
    static func search(_ filter: CommendationFilter, offset: Int, limit: Int, access: Access) async throws -> CommendationSearchResult {
        guard let conditions = try await conditions(filter, access: access) else {
            return CommendationSearchResult(commendations: [], total: 0, units: [:], unknownUnit: true)
        }
        func query() -> QueryBuilder<Commendation> {
            let query = Commendation.query(on: access.db)
            for condition in conditions { query.filter(.sql(embed: condition)) }
            return query
        }
        let total = try await query().count()
        let commendations = try await query()
            .sort(\.$decidedOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit))
            .all()
        let units = try await YearRecordFields.units(commendations.flatMap { [$0.unitID] + ($0.recipientUnitID.map { [$0] } ?? []) }, on: access.db)
        return CommendationSearchResult(commendations: commendations, total: total, units: units, unknownUnit: false)
    }

    /// Counts over the whole filtered set in one SQL aggregate. nil: unknown unit.
    static func counts(_ filter: CommendationFilter, access: Access) async throws -> CommendationCounts? {
        guard let conditions = try await conditions(filter, access: access) else { return nil }
        let collectives: SQLQueryString = """
            CAST(COALESCE(SUM(CASE WHEN \(ident: "recipient_kind") IN (\(bind: CommendationRecipient.unit.rawValue), \(bind: CommendationRecipient.collective.rawValue)) \
            THEN 1 ELSE 0 END), 0) AS BIGINT)
            """
        let individuals: SQLQueryString =
            "CAST(COALESCE(SUM(CASE WHEN \(ident: "recipient_kind") = \(bind: CommendationRecipient.person.rawValue) THEN 1 ELSE 0 END), 0) AS BIGINT)"
        let authorGroups: SQLQueryString =
            "CAST(COALESCE(SUM(CASE WHEN \(ident: "recipient_kind") = \(bind: CommendationRecipient.authors.rawValue) THEN 1 ELSE 0 END), 0) AS BIGINT)"
        // SUM is numeric on PostgreSQL; the casts keep integers on both databases.
        var select = (access.db as! any SQLDatabase).select()
            .column(collectives, as: "collectives")
            .column(individuals, as: "individuals")
            .column(authorGroups, as: "authorGroups")
            .from(Commendation.schema)
        for condition in conditions { select = select.where(condition) }
        return try await select.first(decoding: CommendationCounts.self) ?? .zero
    }
}
