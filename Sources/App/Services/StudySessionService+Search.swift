import Domain
import Fluent
import SQLKit
import Vapor

/// The list's filters, as the list page and GET /study-sessions take them.
struct StudySessionFilter: Sendable {
    /// A unit code: sessions organised by that unit and the units below it.
    var unitCode = ""
    var year: Int?
    var topicID: Int?
}

/// One page of sessions, with the units and topics its rows name.
struct StudySessionSearchResult {
    let sessions: [StudySession]
    let total: Int
    let units: [Int: OrgUnit]
    let topics: [Int: Topic]
    /// The unit code of the filter named no unit the account may read.
    let unknownUnit: Bool
}

extension StudySessionService {
    /// The sessions the account reads: organised in its subtree or above it (a cell sees the
    /// province's conference it attends), newest first.
    static func search(_ filter: StudySessionFilter, offset: Int, limit: Int, access: Access) async throws -> StudySessionSearchResult {
        try requireReader(access)
        let db = access.db
        let scope = try await access.subtreeOrAboveFilter("unit_id")
        var root: Int?
        let code = VietnameseText.normalize(filter.unitCode)
        if !code.isEmpty {
            guard let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first(),
                  try await access.canSeeFromAbove(unit: unit.id!)
            else {
                return StudySessionSearchResult(sessions: [], total: 0, units: [:], topics: [:], unknownUnit: true)
            }
            root = unit.id
        }

        func query() -> QueryBuilder<StudySession> {
            let query = StudySession.query(on: db).scoped(scope)
            if let root {
                query.filter(.sql(embed: Access.inSubtree(of: root)))
            }
            if let year = filter.year, let first = LocalDate(year: year, month: 1, day: 1) {
                query.filter(\.$heldOn >= first).filter(\.$heldOn <= LocalDate.lastOf(year: year))
            }
            if let topicID = filter.topicID { query.filter(\.$topicID == topicID) }
            return query
        }

        let total = try await query().count()
        let sessions = try await query()
            .sort(\.$heldOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit))
            .all()
        let unitIDs = Array(Set(sessions.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let topicIDs = Array(Set(sessions.compactMap(\.topicID)))
        let topics = topicIDs.isEmpty ? [] : try await Topic.query(on: db).filter(\.$id ~~ topicIDs).all()
        return StudySessionSearchResult(
            sessions: sessions, total: total,
            units: Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) }),
            topics: Dictionary(uniqueKeysWithValues: topics.map { ($0.id!, $0) }),
            unknownUnit: false)
    }

    /// Topics a session may name or a filter may choose: those the account sees from above
    /// (provincial topics), newest year first.
    static func topicChoices(access: Access) async throws -> [Topic] {
        guard access.user.role.seesUnits else { return [] }
        let scope = try await access.subtreeOrAboveFilter("unit_id")
        return try await Topic.query(on: access.db).scoped(scope).sort(\.$year, .descending).sort(\.$id).all()
    }
}
