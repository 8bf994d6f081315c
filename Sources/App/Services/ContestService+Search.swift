import Domain
import Fluent
import SQLKit
import Vapor

struct ContestFilter: Sendable {
    var q = ""
    var year: Int?
}

/// Entries of one contest that the account sees: all of them, and how many are selected.
struct ContestEntryCounts: Sendable, Equatable {
    var entries = 0
    var selected = 0
}

struct ContestSearchResult {
    let contests: [Contest]
    let total: Int
    let counts: [Int: ContestEntryCounts]
    /// Over every contest of the filtered set (IV.2), not only this page.
    let totals: ContestEntryCounts
    let unitsByID: [Int: OrgUnit]
}

/// One visible entry with its authors' names, for pages and the API.
struct ContestEntryLine: Sendable {
    let entry: ContestEntry
    let unit: OrgUnit?
    let authors: [(id: Int, name: String)]
}

extension ContestService {
    /// Contests organised in the account's subtree or above it, newest year first.
    static func search(_ filter: ContestFilter, offset: Int, limit: Int, access: Access) async throws -> ContestSearchResult {
        try YearRecordFields.requireLister(access)
        let db = access.db
        let scope = try await access.subtreeOrAboveFilter("unit_id")

        func query() -> QueryBuilder<Contest> {
            let query = Contest.query(on: db).scoped(scope)
            let q = VietnameseText.normalize(filter.q)
            if !q.isEmpty {
                query.filter(.sql(embed: "\(ident: "title_folded") LIKE \(bind: VietnameseText.likePattern(forQuery: q)) ESCAPE '\\'"))
            }
            if let year = filter.year { query.filter(\.$year == year) }
            return query
        }

        let total = try await query().count()
        let contests = try await query().sort(\.$year, .descending).sort(\.$id, .descending).range(offset..<(offset + limit)).all()
        let allIDs = try await query().field(\.$id).all().compactMap(\.id)
        let counts = try await entryCounts(contestIDs: allIDs, access: access)
        let totals = counts.values.reduce(into: ContestEntryCounts()) { $0.entries += $1.entries; $0.selected += $1.selected }
        return ContestSearchResult(
            contests: contests, total: total, counts: counts, totals: totals,
            unitsByID: try await YearRecordFields.units(contests.map(\.unitID), on: db))
    }

    /// SQL restricting entries (table columns `unit_id`, `contest_id`) to those the account sees.
    static func visibleEntriesFilter(_ access: Access) -> SQLQueryString? {
        guard let unitScope = access.subtreeFilter("unit_id") else { return nil }
        guard access.user.role.seesUnits, let root = access.scopeRoot else { return unitScope }
        return """
            (\(unitScope) OR \(ident: "contest_id") IN (SELECT id FROM contests WHERE unit_id IN \
            (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root))))
            """
    }

    /// Entries and selected entries per contest, counted in SQL over the visible entries.
    static func entryCounts(contestIDs: [Int], access: Access) async throws -> [Int: ContestEntryCounts] {
        guard !contestIDs.isEmpty else { return [:] }
        struct Row: Decodable { let contest_id: Int; let entries: Int; let selected: Int }
        var sql: SQLQueryString = """
            SELECT contest_id, COUNT(*) AS entries, \
            SUM(CASE WHEN selected_for_higher_level THEN 1 ELSE 0 END) AS selected \
            FROM contest_entries WHERE contest_id IN (\(binds: contestIDs))
            """
        if let filter = visibleEntriesFilter(access) { sql = sql + " AND " + filter }
        sql = sql + " GROUP BY contest_id"
        let rows = try await (access.db as! any SQLDatabase).raw(sql).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.contest_id, ContestEntryCounts(entries: $0.entries, selected: $0.selected)) })
    }

    /// The contest's entries the account sees, with units and authors.
    static func visibleEntries(of contest: Contest, access: Access) async throws -> [ContestEntryLine] {
        let db = access.db
        let entries = try await ContestEntry.query(on: db).filter(\.$contestID == contest.id!)
            .scoped(visibleEntriesFilter(access)).sort(\.$id).all()
        return try await lines(entries, on: db)
    }

    static func lines(_ entries: [ContestEntry], on db: any Database) async throws -> [ContestEntryLine] {
        let ids = entries.compactMap(\.id)
        let links = ids.isEmpty ? [] : try await ContestEntryAuthor.query(on: db).filter(\.$entryID ~~ ids).sort(\.$id).all()
        let personIDs = Array(Set(links.map(\.personID)))
        let people = personIDs.isEmpty ? [] : try await Person.query(on: db).filter(\.$id ~~ personIDs).all()
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.fullName) })
        let units = try await YearRecordFields.units(entries.map(\.unitID), on: db)
        return entries.map { e in
            ContestEntryLine(entry: e, unit: units[e.unitID],
                             authors: links.filter { $0.entryID == e.id }.map { (id: $0.personID, name: names[$0.personID] ?? "") })
        }
    }
}
