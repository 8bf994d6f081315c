import Domain
import Fluent
import SQLKit
import Vapor

/// The meeting list's filters, as the pages and GET /cell-meetings take them.
struct CellMeetingFilter: Sendable {
    /// A unit code: meetings of the cells at or below it.
    var unitCode = ""
    var year: Int?
    var kind: CellMeetingKind?
}

struct CellMeetingSearchResult {
    let meetings: [CellMeeting]
    let total: Int
    let units: [Int: OrgUnit]
    let topics: [Int: Topic]
    /// The unit code of the filter named no unit the account may read.
    let unknownUnit: Bool
}

/// One cell's year in the compliance grid.
struct CellComplianceRow: Sendable {
    let unit: OrgUnit
    let compliance: CellMeetingCompliance
}

struct CellComplianceResult: Sendable {
    let year: Int
    /// The unit whose subtree is shown; nil: everything the account reads (administrators).
    let root: OrgUnit?
    let rows: [CellComplianceRow]
    /// Cells in the subtree that existed during the year, over all pages.
    let total: Int
    let unknownUnit: Bool
}

extension CellMeetingService {
    /// Meetings are the cells' own records: members have no list, and nobody reads them from above.
    static func requireLister(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// The unit a code names, if the account reads it (its subtree); `.none` for an empty code.
    private static func root(_ code: String, access: Access) async throws -> (unit: OrgUnit?, unknown: Bool) {
        let code = VietnameseText.normalize(code)
        if code.isEmpty {
            guard let id = access.scopeRoot else { return (nil, false) }
            return (try await OrgUnit.find(id, on: access.db), false)
        }
        guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else { return (nil, true) }
        return (unit, false)
    }

    /// Meetings of the account's subtree, filtered, newest first.
    static func search(_ filter: CellMeetingFilter, offset: Int, limit: Int, access: Access) async throws -> CellMeetingSearchResult {
        try requireLister(access)
        let db = access.db
        let (root, unknown) = try await root(filter.unitCode, access: access)
        if unknown { return CellMeetingSearchResult(meetings: [], total: 0, units: [:], topics: [:], unknownUnit: true) }
        let scope = access.subtreeFilter("unit_id")

        func query() -> QueryBuilder<CellMeeting> {
            let query = CellMeeting.query(on: db).scoped(scope)
            if let id = root?.id { query.filter(.sql(embed: Access.inSubtree(of: id, column: "unit_id"))) }
            if let year = filter.year, (1...9999).contains(year) {
                query.filter(\.$heldOn >= LocalDate.firstOf(year: year)).filter(\.$heldOn <= LocalDate.lastOf(year: year))
            }
            if let kind = filter.kind { query.filter(\.$kind == kind) }
            return query
        }

        let total = try await query().count()
        let meetings = try await query()
            .sort(\.$heldOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
        let unitIDs = Array(Set(meetings.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let topicIDs = Array(Set(meetings.compactMap(\.topicID)))
        let topics = topicIDs.isEmpty ? [] : try await Topic.query(on: db).filter(\.$id ~~ topicIDs).all()
        return CellMeetingSearchResult(
            meetings: meetings, total: total,
            units: Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) }),
            topics: Dictionary(uniqueKeysWithValues: topics.map { ($0.id!, $0) }),
            unknownUnit: false)
    }

    /// The compliance grid: one row per cell of the subtree that existed during `year`, by name.
    static func compliance(
        unitCode: String, year: Int, offset: Int, limit: Int, access: Access, today: LocalDate = .today()
    ) async throws -> CellComplianceResult {
        try requireLister(access)
        let db = access.db
        let (root, unknown) = try await root(unitCode, access: access)
        if unknown { return CellComplianceResult(year: year, root: nil, rows: [], total: 0, unknownUnit: true) }
        let cellKinds = try await UnitKind.query(on: db).filter(\.$isCell == true).all().map(\.code)
        let first = LocalDate.firstOf(year: year)
        let last = LocalDate.lastOf(year: year)

        func cells() -> QueryBuilder<OrgUnit> {
            let query = OrgUnit.query(on: db).scoped(access.subtreeFilter("id"))
                .filter(\.$kindCode ~~ cellKinds)
                .filter(\.$foundedOn <= last)
                .group(.or) { $0.filter(\.$dissolvedOn == nil).filter(\.$dissolvedOn > first) }
            if let id = root?.id { query.filter(.sql(embed: Access.inSubtree(of: id, column: "id"))) }
            return query
        }

        let total = try await cells().count()
        let units = try await cells().sort(\.$name).sort(\.$id).range(offset..<(offset + limit)).all()
        let ids = units.compactMap(\.id)
        let meetings = ids.isEmpty ? [] : try await CellMeeting.query(on: db)
            .filter(\.$unitID ~~ ids).filter(\.$heldOn >= first).filter(\.$heldOn <= last).all()
        let byUnit = Dictionary(grouping: meetings, by: \.unitID)
        let rows = units.map { unit in
            let facts = (byUnit[unit.id!] ?? []).map {
                CellMeetingFact(kind: $0.kind, heldOn: $0.heldOn, includedContent: $0.includedProgrammeContent)
            }
            return CellComplianceRow(unit: unit, compliance: CellMeetingCompliance(
                foundedOn: unit.foundedOn, dissolvedOn: unit.dissolvedOn, year: year, today: today, meetings: facts))
        }
        return CellComplianceResult(year: year, root: root, rows: rows, total: total, unknownUnit: false)
    }
}
