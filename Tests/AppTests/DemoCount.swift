@testable import App
import Domain

/// The indicators of one root and one period, counted again in plain Swift from `DemoRows`,
/// following the words of `IndicatorCatalog` (DemoCount+… files). The tree of a day is walked
/// here from the parent links and lifespans, as DESIGN.md §2 states it.
struct DemoCount {
    let rows: DemoRows
    let root: Int
    let period: IndicatorPeriod
    /// Whose tree decides what lies under the root: the period's last day, or a longer period's.
    let treeDay: LocalDate
    /// Due dates bind through today's tree.
    let today: LocalDate
    /// The units under the root (itself included) on the tree day.
    let subtree: Set<Int>
    let treeOnTreeDay: DayTree
    let treeToday: DayTree
    let units: [Int: DemoRows.Unit]
    let kinds: [String: DemoRows.Kind]
    let partyMembers: Set<Int>

    init(_ rows: DemoRows, root: Int, period: IndicatorPeriod, treeDay: LocalDate? = nil, today: LocalDate = .today()) {
        self.rows = rows
        self.root = root
        self.period = period
        self.treeDay = treeDay ?? period.to
        self.today = today
        units = Dictionary(uniqueKeysWithValues: rows.units.map { ($0.id, $0) })
        kinds = Dictionary(uniqueKeysWithValues: rows.kinds.map { ($0.code, $0) })
        partyMembers = Set(rows.people.filter { $0.category == PersonCategory.partyMember.rawValue }.map(\.id))
        treeOnTreeDay = DayTree(rows, on: self.treeDay)
        treeToday = DayTree(rows, on: today, includingFuture: true)
        subtree = treeOnTreeDay.descendants(of: root)
    }

    /// The units under `unit` on the tree day.
    func under(_ unit: Int) -> Set<Int> {
        subtree.contains(unit) ? treeOnTreeDay.descendants(of: unit) : []
    }

    /// The units directly below the root on the tree day, by code.
    var children: [DemoRows.Unit] {
        treeOnTreeDay.parent.filter { $0.value == root }.keys.map { units[$0]! }.sorted { $0.code < $1.code }
    }

    func inPeriod(_ iso: String) -> Bool { iso >= period.from.iso && iso <= period.to.iso }
    func inYears(_ year: Int) -> Bool { period.years.contains(year) }

    /// The unit existed on at least one day of [first, last].
    func alive(_ unit: DemoRows.Unit, _ first: LocalDate, _ last: LocalDate) -> Bool {
        unit.founded_on <= last.iso && (unit.dissolved_on.map { $0 > first.iso } ?? true)
    }

    func kind(_ unit: DemoRows.Unit) -> DemoRows.Kind { kinds[unit.kind_code]! }
    /// Every kind but the chi bộ trực thuộc makes a yearly plan.
    func planMaking(_ unit: DemoRows.Unit) -> Bool { !(kind(unit).is_cell && !kind(unit).is_grassroots) }
    var subtreeUnits: [DemoRows.Unit] { rows.units.filter { subtree.contains($0.id) } }

    /// The due date set by the nearest setter above `unit` in today's tree (or by the unit itself,
    /// for personal plans) that is not earlier than the unit's founding.
    func bindingDue(_ unit: Int, _ kind: DueKind, _ year: Int) -> String? {
        var chain: [Int] = kind.includesSetter ? [unit] : []
        var seen: Set<Int> = [unit]
        var current = treeToday.parent[unit]
        while let c = current, !seen.contains(c) { chain.append(c); seen.insert(c); current = treeToday.parent[c] }
        let founded = units[unit]!.founded_on
        for setter in chain {
            if let due = rows.dues.first(where: {
                $0.unit_id == setter && $0.kind == kind.rawValue && $0.year == year && $0.due_on >= founded
            }) { return due.due_on }
        }
        return nil
    }

    /// Party members with a membership in the subtree open on at least one day of [first, last].
    func members(_ first: LocalDate, _ last: LocalDate) -> Set<Int> {
        Set(rows.memberships.filter { m in
            partyMembers.contains(m.person_id) && subtree.contains(m.unit_id)
                && m.valid_from <= last.iso && (m.valid_to.map { $0 > first.iso } ?? true)
        }.map(\.person_id))
    }

    /// The calendar months (`step` 1) or quarters (3) the period touches: the whole slice and
    /// its part within the period.
    func slices(step: Int) -> [(first: LocalDate, last: LocalDate, clippedFirst: LocalDate, clippedLast: LocalDate)] {
        var start = LocalDate(year: period.from.year, month: (period.from.month - 1) / step * step + 1, day: 1)!
        var result: [(LocalDate, LocalDate, LocalDate, LocalDate)] = []
        while start <= period.to {
            let end = start.adding(months: step).adding(days: -1)
            result.append((start, end, max(start, period.from), min(end, period.to)))
            start = start.adding(months: step)
        }
        return result
    }
}
