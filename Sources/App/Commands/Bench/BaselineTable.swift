import Domain

/// The baseline's numbers for a rollup table: per indicator, one row of numbers per column (the
/// year columns, the total, the branches), each as `flatten` lays out an `IndicatorResult`.
struct BaselineTable: Sendable {
    let yearCount: Int
    let branchCodes: [String]
    let figures: [IndicatorCode: [[Int]]]

    /// The headline's numerator and denominator (0 for a count), then each sub-figure's.
    static func flatten(_ result: IndicatorResult) -> [Int] {
        ([result.value] + result.parts).flatMap { [$0.numerator, $0.denominator ?? 0] }
    }

    /// The column titles of `table`: the years', "Tổng", the branches' codes.
    static func columnTitles(_ table: RollupTable) -> [String] {
        table.years.map(\.title) + ["Tổng"] + table.branches.map(\.code)
    }

    /// The rollup's results column by column, in the baseline's order.
    static func columns(_ table: RollupTable) -> [[IndicatorResult]] {
        table.years.map(\.results) + [table.total] + table.branches.map(\.results)
    }

    /// The first difference from the rollup's table, in words; nil when every number is equal.
    func firstDifference(from table: RollupTable) -> String? {
        if table.branches.map(\.code) != branchCodes {
            return "các đơn vị trực thuộc khác nhau: \(table.branches.map(\.code)) ≠ \(branchCodes)"
        }
        let titles = Self.columnTitles(table)
        for (col, results) in Self.columns(table).enumerated() {
            for result in results {
                let code = result.definition.code
                guard let mine = figures[code]?[col] else { return "chỉ tiêu \(code.rawValue): không có ở đường cơ sở" }
                let ours = Self.flatten(result)
                if ours != mine {
                    return "cột \(titles[col]), chỉ tiêu \(code.rawValue): rollup \(ours), đường cơ sở \(mine)"
                }
            }
        }
        return nil
    }
}
