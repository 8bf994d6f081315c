import Domain

/// The tree of one day, walked from the parent links and lifespans.
struct DayTree {
    let units: Set<Int>
    /// The parent of every unit in the tree that has one.
    let parent: [Int: Int]

    /// A unit alive on `day` hangs under the parent its link of that day names; one dissolved
    /// before, under its successor, or without one under the parent it last had; a unit founded
    /// later is not in the tree (with `includingFuture`, under its first parent). A parent
    /// outside the tree makes the unit a root.
    init(_ rows: DemoRows, on day: LocalDate, includingFuture: Bool = false) {
        let iso = day.iso
        let present = rows.units.filter { $0.founded_on <= iso || includingFuture }
        var parent: [Int: Int] = [:]
        for unit in present {
            let links = rows.links.filter { $0.unit_id == unit.id }.sorted { $0.valid_from < $1.valid_from }
            if unit.founded_on > iso {
                parent[unit.id] = links.first?.parent_id
            } else if unit.dissolved_on.map({ iso < $0 }) ?? true {
                parent[unit.id] = links.first { $0.valid_from <= iso && ($0.valid_to.map { iso < $0 } ?? true) }?.parent_id
            } else if let successor = unit.successor_id {
                parent[unit.id] = successor
            } else {
                parent[unit.id] = links.last?.parent_id
            }
        }
        let ids = Set(present.map(\.id))
        units = ids
        self.parent = parent.filter { ids.contains($0.value) }
    }

    /// `root` and every unit below it; empty when `root` is not in the tree.
    func descendants(of root: Int) -> Set<Int> {
        guard units.contains(root) else { return [] }
        var result: Set<Int> = [root]
        var grew = true
        while grew {
            grew = false
            for (child, parent) in parent where result.contains(parent) && !result.contains(child) {
                result.insert(child)
                grew = true
            }
        }
        return result
    }
}
