@testable import App
import Domain
import Testing

/// The rollup of `IndicatorWorld` counted by hand: each year column is the hand count of that
/// year's slice over the tree of the period's last day, the total the hand count of the whole
/// period, each branch the hand count of a unit directly below on that day.
struct RollupCount {
    typealias W = IndicatorWorld
    let root: String
    let period: IndicatorPeriod
    let today: LocalDate

    var years: [(title: String, counted: [IndicatorCode: IndicatorResult])] {
        RollupTable.yearSlices(of: period).map { slice in
            (slice.title, IndicatorCount(root: root, period: slice.period, today: today, treeDay: period.to).all())
        }
    }

    var total: [IndicatorCode: IndicatorResult] { IndicatorCount(root: root, period: period, today: today).all() }

    /// The units directly below the root on the period's last day, by code.
    var children: [String] { W.parents(on: period.to).filter { $0.value == root }.map(\.key).sorted() }

    func branch(_ code: String) -> [IndicatorCode: IndicatorResult] {
        IndicatorCount(root: code, period: period, today: today).all()
    }

    /// A figure as a table cell carries it, worked out again here: a count as is, a rate in
    /// percent or a mean to one decimal, nothing when there is no whole.
    static func cell(_ f: IndicatorFigure?) -> Double? {
        guard let f else { return nil }
        if f.measure == .count { return Double(f.numerator) }
        guard let d = f.denominator, d > 0 else { return nil }
        let x = f.measure == .share ? Double(f.numerator) * 100 / Double(d) : Double(f.numerator) / Double(d)
        return (x * 10).rounded() / 10
    }

    /// Every figure of `results` that the hand count has equals it, numerator and denominator.
    static func expectSame(_ results: [IndicatorResult], _ counted: [IndicatorCode: IndicatorResult], _ context: String) {
        #expect(results.map(\.definition.code) == IndicatorCode.allCases, Comment(rawValue: context))
        for result in results {
            // III.5 reads gradings, which this world has none of (GradingIndicatorTests counts it)
            guard let want = counted[result.definition.code] else { continue }
            let where_ = Comment(rawValue: "\(context) \(result.definition.code.rawValue)")
            #expect(result.value.numerator == want.value.numerator && result.value.denominator == want.value.denominator,
                    "\(where_): \(result.value.text), counted \(want.value.text)")
            #expect(result.parts.map(\.label) == want.parts.map(\.label), where_)
            for (got, part) in zip(result.parts, want.parts) {
                #expect(got.numerator == part.numerator && got.denominator == part.denominator,
                        "\(where_) \(part.label): \(got.text), counted \(part.text)")
            }
        }
    }

    /// The appendix rows the hand count gives for the indicators it counts: key → values.
    var appendixValues: [String: [Double?]] {
        let columns = years.map(\.counted) + [total]
        var rows: [String: [Double?]] = [:]
        for code in IndicatorCode.allCases where total[code] != nil {
            rows[code.rawValue] = columns.map { Self.cell($0[code]?.value) }
            var labels: [String] = []
            for column in columns { for part in column[code]?.parts ?? [] where !labels.contains(part.label) { labels.append(part.label) } }
            for label in labels {
                rows["\(code.rawValue)/\(label)"] = columns.map { column in
                    guard let part = column[code]?.parts.first(where: { $0.label == label }) else { return 0 }
                    return Self.cell(part)
                }
            }
        }
        return rows
    }
}
