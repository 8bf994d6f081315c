import Domain
import Fluent
import SQLKit

/// Every unit's lifespan and every parent link, read in two queries, so a change can be checked
/// against the whole history in memory before anything is written.
struct TreeState: Sendable {
    var units: [Int: UnitLifespan]
    var links: [ParentLink]

    static func load(on db: any Database) async throws -> TreeState {
        let sql = db as! any SQLDatabase
        let units = try await sql.raw("SELECT id, founded_on, dissolved_on, successor_id FROM org_units")
            .all(decoding: UnitRow.self)
        let links = try await sql.raw("SELECT unit_id, parent_id, valid_from, valid_to FROM unit_parent_links")
            .all(decoding: LinkRow.self)
        var byID: [Int: UnitLifespan] = [:]
        for row in units {
            guard let founded = LocalDate(row.founded_on) else { continue }
            byID[row.id] = UnitLifespan(id: row.id, foundedOn: founded, dissolvedOn: row.dissolved_on.flatMap(LocalDate.init),
                                        successorID: row.successor_id)
        }
        let parsed = links.compactMap { row in
            LocalDate(row.valid_from).map {
                ParentLink(unitID: row.unit_id, parentID: row.parent_id, from: $0, to: row.valid_to.flatMap(LocalDate.init))
            }
        }
        return TreeState(units: byID, links: parsed)
    }

    func tree(on day: LocalDate, includingFuture: Bool = false) -> OrgTree {
        OrgTree(day: day, units: Array(units.values), links: links, includingFuture: includingFuture)
    }

    /// The state with one link ended on `day` (the open link of `unitID`) and a new one started.
    func replacingOpenLink(of unitID: Int, day: LocalDate, newParent: Int?) -> TreeState {
        var copy = self
        copy.links = links.map { link in
            link.unitID == unitID && link.to == nil
                ? ParentLink(unitID: unitID, parentID: link.parentID, from: link.from, to: day) : link
        }
        if let newParent { copy.links.append(ParentLink(unitID: unitID, parentID: newParent, from: day, to: nil)) }
        return copy
    }

    /// Whether `unitID` would stand above itself on `day` or on any later day on which the part
    /// of the tree above it changes. `TreeChange` checks the effective day; a move dated before a
    /// later move of the new parent can close a loop only later, which this catches.
    func hasCycle(through unitID: Int, from day: LocalDate) -> Bool {
        let linksByUnit = Dictionary(grouping: links, by: \.unitID)
        func above(_ id: Int) -> [Int] {
            linksByUnit[id, default: []].compactMap(\.parentID) + [units[id]?.successorID].compactMap { $0 }
        }
        // Every unit that could ever stand above this one: parents of any version, and successors.
        var reach: Set<Int> = []
        var stack = above(unitID)
        while let next = stack.popLast() {
            guard reach.insert(next).inserted else { continue }
            stack += above(next)
        }
        guard reach.contains(unitID) else { return false }
        let subUnits = reach.compactMap { units[$0] }
        let subLinks = reach.flatMap { linksByUnit[$0, default: []] }
        var days: Set<LocalDate> = [day]
        for link in subLinks {
            if link.from > day { days.insert(link.from) }
            if let to = link.to, to > day { days.insert(to) }
        }
        for unit in subUnits {
            if unit.foundedOn > day { days.insert(unit.foundedOn) }
            if let end = unit.dissolvedOn, end > day { days.insert(end) }
        }
        for t in days {
            let tree = OrgTree(day: t, units: subUnits, links: subLinks)
            guard tree.parentOf[unitID] != nil else { continue }
            // `ancestors` stops before a unit it has seen; a loop through this unit ends on its child.
            let top = tree.ancestors(of: unitID).last ?? unitID
            if let parent = tree.parentOf[top] ?? nil, parent == unitID { return true }
        }
        return false
    }
}

private struct UnitRow: Decodable {
    let id: Int
    let founded_on: String
    let dissolved_on: String?
    let successor_id: Int?
}

private struct LinkRow: Decodable {
    let unit_id: Int
    let parent_id: Int?
    let valid_from: String
    let valid_to: String?
}
