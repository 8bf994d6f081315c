import Domain
import Fluent
import SQLKit
import Vapor

struct PublicStoryFilter: Sendable {
    /// A unit code; the unit and everything beneath it in today's tree.
    var unitCode = ""
    var year: Int?
    /// nil: published or not.
    var published: Bool?
}

struct PublicStorySearchResult {
    let stories: [PublicStory]
    let total: Int
    let unitsByID: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension PublicStoryService {
    /// The stories of the account's subtree, filtered, newest first (officer side).
    static func search(_ filter: PublicStoryFilter, offset: Int, limit: Int, access: Access) async throws -> PublicStorySearchResult {
        try YearRecordFields.requireLister(access)
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return PublicStorySearchResult(stories: [], total: 0, unitsByID: [:], unknownUnit: true) }
        return try await run(filter, root: root, scope: access.subtreeFilter("unit_id"), offset: offset, limit: limit, on: access.db)
    }

    /// Published stories for anyone, no login (the public page and its feed): any unit by code.
    static func publicSearch(_ filter: PublicStoryFilter, offset: Int, limit: Int, on db: any Database) async throws -> PublicStorySearchResult {
        var root: Int?
        let code = VietnameseText.normalize(filter.unitCode)
        if !code.isEmpty {
            guard let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first() else {
                return PublicStorySearchResult(stories: [], total: 0, unitsByID: [:], unknownUnit: true)
            }
            root = unit.id
        }
        var published = filter
        published.published = true
        return try await run(published, root: root, scope: nil, offset: offset, limit: limit, on: db)
    }

    /// One published story; 404 for an unpublished or unknown one.
    static func publicStory(_ id: Int?, on db: any Database) async throws -> PublicStory {
        guard let id, let story = try await PublicStory.find(id, on: db), story.isPublished else { throw Abort(.notFound) }
        return story
    }

    /// The units a visitor may filter by: those that published a story and the units above them,
    /// higher levels first (by their number of ancestors in today's tree), then by name.
    static func publicUnits(on db: any Database) async throws -> [OrgUnit] {
        struct Row: Decodable { let id: Int; let depth: Int }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT a.id, (SELECT COUNT(*) FROM unit_closure x WHERE x.descendant_id = a.id) AS depth
            FROM (SELECT DISTINCT ancestor_id AS id FROM unit_closure WHERE descendant_id IN
                  (SELECT unit_id FROM public_stories WHERE is_published = \(bind: true))) a
            """).all(decoding: Row.self)
        let depth = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.depth) })
        let units = try await YearRecordFields.units(rows.map(\.id), on: db)
        return units.values.sorted { (depth[$0.id!] ?? 0, $0.name, $0.id!) < (depth[$1.id!] ?? 0, $1.name, $1.id!) }
    }

    private static func run(
        _ filter: PublicStoryFilter, root: Int?, scope: SQLQueryString?, offset: Int, limit: Int, on db: any Database
    ) async throws -> PublicStorySearchResult {
        func query() -> QueryBuilder<PublicStory> {
            let query = PublicStory.query(on: db).scoped(scope)
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root))) }
            if let year = filter.year { query.filter(\.$year == year) }
            if let published = filter.published { query.filter(\.$isPublished == published) }
            return query
        }
        let total = try await query().count()
        // Published lists by publication (never null there); the officer's list by year, as the other records.
        let sorted = filter.published == true ? query().sort(\.$publishedAt, .descending) : query().sort(\.$year, .descending)
        let stories = try await sorted.sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
        return PublicStorySearchResult(
            stories: stories, total: total,
            unitsByID: try await YearRecordFields.units(stories.map(\.unitID), on: db), unknownUnit: false)
    }
}
