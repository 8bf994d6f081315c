/// The organisation tree as it stood on one day, for rollups and scope (DESIGN.md §2).
///
/// A unit existing that day hangs under its parent of that day. A unit dissolved before that day
/// hangs under its successor (its records count through the successor chain), or, without a
/// successor, under the parent it last had, so its records are never orphaned. Units founded
/// after the day are not in the tree.
public struct OrgTree: Sendable {
    public let day: LocalDate
    /// Effective parent of every unit in the tree; nil for roots.
    public let parentOf: [Int: Int?]

    /// With `includingFuture`, units founded after `day` are placed by their first link, so a unit
    /// created ahead of its founding date is already inside its parent's subtree (for scope).
    public init(day: LocalDate, units: [UnitLifespan], links: [ParentLink], includingFuture: Bool = false) {
        self.day = day
        let linksByUnit = Dictionary(grouping: links, by: \.unitID)
        var parents: [Int: Int?] = [:]
        for unit in units where unit.foundedOn <= day || includingFuture {
            let own = linksByUnit[unit.id] ?? []
            // updateValue, not subscript: assigning a nil `Int?` through the subscript would drop the key.
            let parent: Int?
            if unit.foundedOn > day {
                parent = own.min(by: { $0.from < $1.from })?.parentID
            } else if unit.exists(on: day) {
                parent = own.first(where: { $0.covers(day) })?.parentID
            } else if let successor = unit.successorID {
                parent = successor
            } else {
                parent = own.max(by: { $0.from < $1.from })?.parentID
            }
            parents.updateValue(parent, forKey: unit.id)
        }
        // A successor founded after `day`, or a broken chain, must not detach a unit: fall back to roots.
        for (id, parent) in parents {
            if let parent, parents[parent] == nil { parents.updateValue(nil, forKey: id) }
        }
        self.parentOf = parents
    }

    public var unitIDs: Set<Int> { Set(parentOf.keys) }

    public func children(of id: Int) -> [Int] {
        parentOf.compactMap { $0.value == id ? $0.key : nil }
    }

    public var roots: [Int] {
        parentOf.compactMap { $0.value == nil ? $0.key : nil }
    }

    /// Ancestors from the parent up to the root. Stops on a cycle rather than looping.
    public func ancestors(of id: Int) -> [Int] {
        var result: [Int] = []
        var seen: Set<Int> = [id]
        var current = parentOf[id] ?? nil
        while let node = current, !seen.contains(node) {
            result.append(node)
            seen.insert(node)
            current = parentOf[node] ?? nil
        }
        return result
    }

    /// Every (ancestor, descendant, depth) pair, including each unit with itself at depth 0.
    public func closure() -> [ClosureRow] {
        var rows: [ClosureRow] = []
        rows.reserveCapacity(parentOf.count * 5)
        for id in parentOf.keys {
            rows.append(ClosureRow(ancestorID: id, descendantID: id, depth: 0))
            for (index, ancestor) in ancestors(of: id).enumerated() {
                rows.append(ClosureRow(ancestorID: ancestor, descendantID: id, depth: index + 1))
            }
        }
        return rows
    }

    /// Whether `candidate` is `root` or lies beneath it.
    public func isInSubtree(_ candidate: Int, of root: Int) -> Bool {
        candidate == root || ancestors(of: candidate).contains(root)
    }
}

public struct ClosureRow: Hashable, Sendable {
    public let ancestorID: Int
    public let descendantID: Int
    public let depth: Int

    public init(ancestorID: Int, descendantID: Int, depth: Int) {
        self.ancestorID = ancestorID
        self.descendantID = descendantID
        self.depth = depth
    }
}
