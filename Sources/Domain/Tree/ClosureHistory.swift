/// One (ancestor, descendant, depth) pair of the tree and the days it held: from `from`
/// (inclusive) to `to` (exclusive; nil = still holds).
public struct ClosureInterval: Hashable, Sendable {
    public let ancestorID: Int
    public let descendantID: Int
    public let depth: Int
    public let from: LocalDate
    public let to: LocalDate?

    public init(ancestorID: Int, descendantID: Int, depth: Int, from: LocalDate, to: LocalDate?) {
        self.ancestorID = ancestorID
        self.descendantID = descendantID
        self.depth = depth
        self.from = from
        self.to = to
    }

    public func covers(_ day: LocalDate) -> Bool {
        from <= day && (to.map { day < $0 } ?? true)
    }
}

/// The versioned closure of the tree: for every day, the pairs of `OrgTree(day:)` (dissolved
/// units under their successors, DESIGN.md §2), stored as intervals so a rollup finds "the units
/// under R on day b" with one indexed lookup.
public enum ClosureHistory {
    /// The days on which `OrgTree(day:)` can change: a unit is founded or dissolved, a link starts
    /// or ends. Between two of them the tree is the same.
    public static func changeDays(units: [UnitLifespan], links: [ParentLink]) -> [LocalDate] {
        var days = Set<LocalDate>()
        for unit in units {
            days.insert(unit.foundedOn)
            if let dissolved = unit.dissolvedOn { days.insert(dissolved) }
        }
        for link in links {
            days.insert(link.from)
            if let to = link.to { days.insert(to) }
        }
        return days.sorted()
    }

    /// Every interval, consecutive identical pairs merged. Only the units whose chain of
    /// ancestors changed on a day are recomputed, so a province of 13.000 units with a few hundred
    /// change days stays a matter of seconds, not of days × units × depth.
    public static func intervals(units: [UnitLifespan], links: [ParentLink]) -> [ClosureInterval] {
        var result: [ClosureInterval] = []
        // The pairs of each descendant that are open, and the day each opened.
        var open: [Int: [ClosureRow: LocalDate]] = [:]
        var previous: [Int: Int?] = [:]
        for day in changeDays(units: units, links: links) {
            let tree = OrgTree(day: day, units: units, links: links)
            var changed = Set<Int>()
            for (id, parent) in tree.parentOf where previous[id] != .some(parent) { changed.insert(id) }
            for id in previous.keys where tree.parentOf[id] == nil { changed.insert(id) }
            guard !changed.isEmpty else { continue }
            let affected = withDescendants(changed, in: tree)
            for id in affected {
                let now = Set(rows(of: id, in: tree))
                let before = open[id] ?? [:]
                var still: [ClosureRow: LocalDate] = [:]
                for (row, since) in before {
                    if now.contains(row) {
                        still[row] = since
                    } else {
                        result.append(interval(row, since, day))
                    }
                }
                for row in now where before[row] == nil { still[row] = day }
                open[id] = still.isEmpty ? nil : still
            }
            previous = tree.parentOf
        }
        for (_, rows) in open {
            for (row, since) in rows { result.append(interval(row, since, nil)) }
        }
        return result.sorted {
            ($0.descendantID, $0.from, $0.depth) < ($1.descendantID, $1.from, $1.depth)
        }
    }

    /// The pairs of one descendant on a day: itself at depth 0, then each ancestor.
    private static func rows(of id: Int, in tree: OrgTree) -> [ClosureRow] {
        guard tree.parentOf[id] != nil else { return [] }
        return [ClosureRow(ancestorID: id, descendantID: id, depth: 0)]
            + tree.ancestors(of: id).enumerated().map { ClosureRow(ancestorID: $1, descendantID: id, depth: $0 + 1) }
    }

    /// `ids` and everything beneath them in `tree`.
    private static func withDescendants(_ ids: Set<Int>, in tree: OrgTree) -> Set<Int> {
        var children: [Int: [Int]] = [:]
        for (id, parent) in tree.parentOf {
            if let parent { children[parent, default: []].append(id) }
        }
        var result = ids
        var stack = Array(ids)
        while let id = stack.popLast() {
            for child in children[id] ?? [] where result.insert(child).inserted { stack.append(child) }
        }
        return result
    }

    private static func interval(_ row: ClosureRow, _ from: LocalDate, _ to: LocalDate?) -> ClosureInterval {
        ClosureInterval(ancestorID: row.ancestorID, descendantID: row.descendantID, depth: row.depth, from: from, to: to)
    }
}
