import Domain
import Fluent
import SQLKit
import Vapor

/// Keeps `unit_closure` equal to the tree as it stands today (`OrgTree`, with units founded later
/// placed by their first link), and `unit_closure_history` equal to the tree of every day.
/// Scope checks and subtree lists read only `unit_closure`; rollups over a period read the history.
enum TreeIndex {
    /// Loads the tree as it stood on `day` from the versioned parent links.
    static func tree(on db: any Database, day: LocalDate, includingFuture: Bool = false) async throws -> OrgTree {
        let (units, links) = try await load(on: db)
        return OrgTree(day: day, units: units, links: links, includingFuture: includingFuture)
    }

    /// Every unit's lifespan and every parent link.
    private static func load(on db: any Database) async throws -> ([UnitLifespan], [ParentLink]) {
        let sql = db as! any SQLDatabase
        let units = try await sql.raw("SELECT id, founded_on, dissolved_on, successor_id FROM org_units")
            .all(decoding: LifespanRow.self)
        let links = try await sql.raw("SELECT unit_id, parent_id, valid_from, valid_to FROM unit_parent_links")
            .all(decoding: LinkRow.self)
        return (units.map(\.lifespan), links.map(\.link))
    }

    /// Rebuilds both closures inside the caller's transaction, so a change and its index land together.
    static func rebuild(on db: any Database, today: LocalDate = .today()) async throws {
        let sql = db as! any SQLDatabase
        let (units, links) = try await load(on: db)
        let rows = OrgTree(day: today, units: units, links: links, includingFuture: true).closure()
        try await sql.delete(from: "unit_closure").run()
        // 300 rows × 3 values stays under SQLite's 999-parameter floor of older builds.
        for chunk in rows.chunked(into: 300) {
            let values: [[any SQLExpression]] = chunk.map { row in
                [SQLBind(row.ancestorID), SQLBind(row.descendantID), SQLBind(row.depth)]
            }
            try await sql.insert(into: "unit_closure").columns("ancestor_id", "descendant_id", "depth").rows(values).run()
        }
        try await rebuildHistory(units: units, links: links, on: sql)
        try await AppState.set("closure_day", today.iso, on: db)
    }

    /// The history does not depend on today: every day's tree, as intervals.
    private static func rebuildHistory(units: [UnitLifespan], links: [ParentLink], on sql: any SQLDatabase) async throws {
        let intervals = ClosureHistory.intervals(units: units, links: links)
        try await sql.delete(from: "unit_closure_history").run()
        // 180 rows × 5 values stays under the same 999-parameter floor.
        for chunk in intervals.chunked(into: 180) {
            let values: [[any SQLExpression]] = chunk.map { row in
                [SQLBind(row.ancestorID), SQLBind(row.descendantID), SQLBind(row.depth),
                 SQLBind(row.from.iso), SQLBind(row.to?.iso)]
            }
            try await sql.insert(into: "unit_closure_history")
                .columns("ancestor_id", "descendant_id", "depth", "valid_from", "valid_to").rows(values).run()
        }
    }

    /// SQL: the units under `root` (itself included) in the tree as it stood on `day`, through
    /// the history's (ancestor_id, valid_from) index.
    static func descendantsSQL(of root: Int, on day: LocalDate) -> SQLQueryString {
        descendantsSQL(ofSQL: "\(bind: root)", on: day)
    }

    /// The same, for a root given as an SQL expression (a column of an enclosing query).
    static func descendantsSQL(ofSQL root: SQLQueryString, on day: LocalDate) -> SQLQueryString {
        """
        SELECT h.descendant_id FROM unit_closure_history h WHERE h.ancestor_id = \(root) \
        AND h.valid_from <= \(bind: day.iso) AND (h.valid_to IS NULL OR h.valid_to > \(bind: day.iso))
        """
    }

    /// Rebuilds when the closure was built for an earlier day: a move dated today takes effect now.
    static func ensureFresh(on db: any Database, today: LocalDate = .today()) async throws {
        if try await AppState.get("closure_day", on: db) != today.iso {
            try await db.transaction { try await rebuild(on: $0, today: today) }
        }
    }
}

private struct LifespanRow: Decodable {
    let id: Int
    let founded_on: String
    let dissolved_on: String?
    let successor_id: Int?

    var lifespan: UnitLifespan {
        UnitLifespan(
            id: id, foundedOn: LocalDate(founded_on)!, dissolvedOn: dissolved_on.flatMap(LocalDate.init),
            successorID: successor_id)
    }
}

private struct LinkRow: Decodable {
    let unit_id: Int
    let parent_id: Int?
    let valid_from: String
    let valid_to: String?

    var link: ParentLink {
        ParentLink(unitID: unit_id, parentID: parent_id, from: LocalDate(valid_from)!, to: valid_to.flatMap(LocalDate.init))
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

/// Key–value facts shared by all app servers.
enum AppState {
    static func get(_ key: String, on db: any Database) async throws -> String? {
        struct Row: Decodable { let value: String }
        return try await (db as! any SQLDatabase).select().column("value").from("app_state")
            .where("key", .equal, key).first(decoding: Row.self)?.value
    }

    static func set(_ key: String, _ value: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.delete(from: "app_state").where("key", .equal, key).run()
        try await sql.insert(into: "app_state").columns("key", "value").values(SQLBind(key), SQLBind(value)).run()
    }
}
