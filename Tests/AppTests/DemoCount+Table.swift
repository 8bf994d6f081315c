@testable import App
import Domain
import Testing

/// Checks a `RollupTable` against `DemoCount`: every year column, the total and every branch,
/// then the appendix and the breakdown built from it.
struct RollupTableCheck {
    let rows: DemoRows
    let unit: DemoRows.Unit
    let period: IndicatorPeriod
    let table: RollupTable

    /// The calendar years of the period, each clipped to it.
    var yearPeriods: [IndicatorPeriod] {
        period.years.map { year in
            try! IndicatorPeriod(from: max(period.from, LocalDate.firstOf(year: year)), to: min(period.to, LocalDate.lastOf(year: year)))
        }
    }

    /// Returns the total, counted by hand, for further checks by the caller.
    @discardableResult
    func run() -> [IndicatorCode: IndicatorResult] {
        let here = "\(unit.code) \(period.text)"
        #expect(table.unitCode == unit.code)
        #expect(table.years.map(\.period) == yearPeriods, "\(here): year columns")
        let years = yearPeriods.map { DemoCount(rows, root: unit.id, period: $0, treeDay: period.to).all() }
        let whole = DemoCount(rows, root: unit.id, period: period)
        let total = whole.all()
        for (column, counted) in zip(table.years, years) { compare(column.results, counted, "\(here), cột \(column.title)") }
        compare(table.total, total, "\(here), cột Tổng")

        let children = whole.children
        #expect(table.branches.map(\.code) == children.map(\.code), "\(here): units directly below")
        var branches: [[IndicatorCode: IndicatorResult]] = []
        for (branch, child) in zip(table.branches, children) {
            let counted = DemoCount(rows, root: child.id, period: period).all()
            compare(branch.results, counted, "\(here), \(child.code)")
            branches.append(counted)
        }
        checkAppendix(years + [total], here)
        checkBreakdown(branches, here)
        return total
    }

    func compare(_ results: [IndicatorResult], _ counted: [IndicatorCode: IndicatorResult], _ here: String) {
        #expect(results.map(\.definition.code) == IndicatorCode.allCases, "\(here)")
        for result in results {
            let code = result.definition.code, mine = counted[code]!
            #expect(result.value == mine.value, "\(here) \(code.rawValue): \(result.value.text), counted \(mine.value.text)")
            #expect(result.parts == mine.parts,
                    "\(here) \(code.rawValue): \(result.parts.map(\.labelledText)), counted \(mine.parts.map(\.labelledText))")
        }
    }

    /// One row per indicator and one per sub-figure, a value per year and the total.
    func checkAppendix(_ columns: [[IndicatorCode: IndicatorResult]], _ here: String) {
        let appendix = table.appendix()
        #expect(appendix.columns == table.years.map(\.title) + ["Tổng"], "\(here): appendix columns")
        for code in IndicatorCode.allCases {
            guard let row = appendix.rows.first(where: { $0.key == code.rawValue }) else {
                Issue.record("\(here): no appendix row \(code.rawValue)")
                continue
            }
            let figures = columns.map { $0[code]! }
            for (value, result) in zip(row.values, figures) { expectCell(value, result.value, "\(here) phụ lục \(code.rawValue)") }
            let headline = figures.last!.value
            if headline.measure == .share {
                let note = "\(VietnameseFormat.number(headline.numerator))/\(VietnameseFormat.number(headline.denominator!)) \(headline.noun)"
                #expect(row.note == note, "\(here) phụ lục \(code.rawValue) ghi chú")
            }
            // The total's sub-figures in its order, then any a year has that the total lacks.
            var labels: [String] = []
            for result in [figures.last!] + figures.dropLast() {
                for part in result.parts where !labels.contains(part.label) { labels.append(part.label) }
            }
            let partRows = appendix.rows.filter { $0.key.hasPrefix(code.rawValue + "/") }
            #expect(partRows.map(\.label) == labels, "\(here) phụ lục \(code.rawValue): sub-figures")
            for partRow in partRows {
                for (value, result) in zip(partRow.values, figures) {
                    if let part = result.parts.first(where: { $0.label == partRow.label }) {
                        expectCell(value, part, "\(here) phụ lục \(partRow.key)")
                    } else {
                        #expect(value == 0 || value == nil, "\(here) phụ lục \(partRow.key): a column without it")
                    }
                }
            }
        }
    }

    /// One row per unit directly below, one headline per indicator over the whole period.
    func checkBreakdown(_ branches: [[IndicatorCode: IndicatorResult]], _ here: String) {
        let breakdown = table.breakdown()
        #expect(breakdown.columns.count == IndicatorCode.allCases.count, "\(here): breakdown columns")
        #expect(breakdown.rows.map(\.key) == table.branches.map(\.code), "\(here): breakdown rows")
        for (row, counted) in zip(breakdown.rows, branches) {
            for (value, code) in zip(row.values, IndicatorCode.allCases) {
                expectCell(value, counted[code]!.value, "\(here) bảng theo đơn vị \(row.key) \(code.rawValue)")
            }
        }
    }

    /// A count as is; a share in percent and a mean, rounded to one decimal; nothing when there is no whole.
    func expectCell(_ value: Double?, _ figure: IndicatorFigure, _ here: String) {
        switch figure.measure {
        case .count:
            #expect(value == Double(figure.numerator), "\(here): \(String(describing: value)) ≠ \(figure.numerator)")
        case .share, .average:
            let whole = figure.denominator ?? 0
            guard whole > 0 else {
                #expect(value == nil, "\(here): nothing to divide by")
                return
            }
            let exact = Double(figure.numerator) * (figure.measure == .share ? 100 : 1) / Double(whole)
            guard let value else {
                Issue.record("\(here): no value, counted \(exact)")
                return
            }
            #expect(abs(value - exact) <= 0.05 + 1e-9, "\(here): \(value), counted \(exact)")
            #expect(abs(value * 10 - (value * 10).rounded()) < 1e-6, "\(here): \(value) has more than one decimal")
        }
    }
}
