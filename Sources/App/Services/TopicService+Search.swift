import Domain
import Fluent
import SQLKit
import Vapor

/// Filters of GET /topics and of a programme's page.
struct TopicFilter: Sendable {
    var programmeID: Int?
    /// A unit code: the topics that apply to that unit, i.e. set by it or by a committee above it.
    var unitCode = ""
    /// Topics covering that year (an annual topic of the year, whole-term topics spanning it).
    var year: Int?
}

struct TopicSearchResult {
    let topics: [Topic]
    let total: Int
    let units: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension TopicService {
    /// The topics of the units the account sees from above or below, ordered by unit, then
    /// year, whole-term topics before the annual topics of their first year.
    static func search(_ filter: TopicFilter, offset: Int = 0, limit: Int? = nil, access: Access) async throws -> TopicSearchResult {
        let db = access.db
        let scope = try await access.subtreeOrAboveFilter("unit_id")
        var anchor: Int?
        let code = VietnameseText.normalize(filter.unitCode)
        if !code.isEmpty {
            guard let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first(),
                  try await access.canSeeFromAbove(unit: unit.id!)
            else { return TopicSearchResult(topics: [], total: 0, units: [:], unknownUnit: true) }
            anchor = unit.id
        }

        func query() -> QueryBuilder<Topic> {
            let query = Topic.query(on: db).scoped(scope)
            if let programmeID = filter.programmeID { query.filter(\.$programmeID == programmeID) }
            if let anchor {
                query.filter(.sql(embed: "unit_id IN (SELECT ancestor_id FROM unit_closure WHERE descendant_id = \(bind: anchor))"))
            }
            if let year = filter.year { query.filter(\.$year <= year).filter(\.$endYear >= year) }
            return query
        }

        let total = try await query().count()
        var ordered = query().sort(\.$unitID).sort(\.$year).sort(\.$endYear, .descending).sort(\.$id)
        if let limit { ordered = ordered.range(offset..<(offset + limit)) }
        let topics = try await ordered.all()
        let unitIDs = Array(Set(topics.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        return TopicSearchResult(
            topics: topics, total: total, units: Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) }),
            unknownUnit: false)
    }

    /// A topic the account may change; 404 outside its subtree, 403 for read-only roles.
    static func writable(_ id: Int?, access: Access) async throws -> Topic {
        guard let id, let topic = try await Topic.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: topic.unitID)
        return topic
    }
}
