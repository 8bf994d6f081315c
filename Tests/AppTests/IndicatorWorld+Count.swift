@testable import App
import Domain

/// The figures of every indicator, counted again from `IndicatorWorld`'s arrays in plain Swift,
/// following the definitions' words (`IndicatorCatalog`), to compare with what the queries give.
struct IndicatorCount {
    typealias W = IndicatorWorld
    let root: String
    let period: IndicatorPeriod
    /// Due dates bind through today's tree (`DueDates`).
    let today: LocalDate
    /// The day whose tree decides the subtree: the period's last day unless a rollup's year
    /// column takes the longer period's (`IndicatorRollup.treeDay`).
    var treeDay: LocalDate? = nil

    func d(_ iso: String) -> LocalDate { LocalDate(iso)! }
    func inPeriod(_ iso: String) -> Bool { (period.from...period.to).contains(d(iso)) }

    /// The units under `code` (itself included) on `day`.
    func under(_ code: String, on day: LocalDate) -> Set<String> {
        let parents = W.parents(on: day)
        var result: Set<String> = W.units.contains { $0.code == code && d($0.founded) <= day } ? [code] : []
        var grew = true
        while grew {
            grew = false
            for (child, parent) in parents where result.contains(parent) && !result.contains(child) {
                result.insert(child)
                grew = true
            }
        }
        return result
    }

    var subtree: Set<String> { under(root, on: treeDay ?? period.to) }

    func spec(_ code: String) -> W.UnitSpec { W.units.first { $0.code == code }! }

    func kind(_ code: String) -> UnitKindSeed { UnitKindSeed.defaults.first { $0.code == spec(code).kind }! }

    func alive(_ code: String, _ first: LocalDate, _ last: LocalDate) -> Bool {
        let s = spec(code)
        return d(s.founded) <= last && (s.dissolved.map { d($0) > first } ?? true)
    }

    func planMaking(_ code: String) -> Bool { !(kind(code).isCell && !kind(code).isGrassroots) }

    /// The due date of the nearest setter: above the unit, or from the unit itself up (personal plans).
    func bindingDue(_ unit: String, _ kind: DueKind, _ year: Int) -> LocalDate? {
        let parents = W.parents(on: today)
        var chain: [String] = kind.includesSetter ? [unit] : []
        var current = parents[unit]
        while let c = current { chain.append(c); current = parents[c] }
        for setter in chain {
            if let due = W.dueDates.first(where: { $0.unit == setter && $0.kind == kind && $0.year == year }) { return d(due.due) }
        }
        return nil
    }

    /// Party members with a membership in the subtree open on a day of [first, last].
    func expectedMembers(_ first: LocalDate, _ last: LocalDate) -> [String] {
        W.members.filter { m in
            m.category == .partyMember && m.memberships.contains { unit, from, to in
                subtree.contains(unit) && d(from) <= last && (to.map { d($0) > first } ?? true)
            }
        }.map(\.name)
    }

    /// Calendar months (or quarters, `step` 3) of the period: (calendar first day, last day,
    /// and the part within the period).
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

    var cells: [String] { W.units.map(\.code).filter { kind($0).isCell && subtree.contains($0) } }

    /// Every indicator, by code.
    func all() -> [IndicatorCode: IndicatorResult] {
        var results: [IndicatorCode: IndicatorResult] = [:]
        for result in leadership() + study() + meetings() + practice() + outreach() + register() {
            results[result.definition.code] = result
        }
        results[.reporting] = reporting(results)
        return results
    }
}
