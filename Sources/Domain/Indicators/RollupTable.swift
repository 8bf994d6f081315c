/// The indicators of a unit's subtree over a period, as DESIGN.md §3 and §5 lay them out: one
/// column per calendar year the period touches (each clipped to the period), a total over the
/// whole period, and the same total for each unit directly below. Every column counts the tree
/// as it stood on the period's last day.
public struct RollupTable: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        /// "2021", or "2021 (từ 18/5)" when the period starts or ends inside the year.
        public let title: String
        public let period: IndicatorPeriod
        public let results: [IndicatorResult]

        public init(title: String, period: IndicatorPeriod, results: [IndicatorResult]) {
            self.title = title
            self.period = period
            self.results = results
        }
    }

    /// A unit directly below, with its total over the whole period.
    public struct Branch: Hashable, Sendable {
        public let code: String
        public let name: String
        public let results: [IndicatorResult]

        public init(code: String, name: String, results: [IndicatorResult]) {
            self.code = code
            self.name = name
            self.results = results
        }
    }

    public let unitCode: String
    public let unitName: String
    public let period: IndicatorPeriod
    public let years: [Column]
    public let total: [IndicatorResult]
    public let branches: [Branch]

    public init(unitCode: String, unitName: String, period: IndicatorPeriod, years: [Column], total: [IndicatorResult],
                branches: [Branch]) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.period = period
        self.years = years
        self.total = total
        self.branches = branches
    }

    /// The calendar years of `period`, each clipped to it, with their column titles.
    public static func yearSlices(of period: IndicatorPeriod) -> [(title: String, period: IndicatorPeriod)] {
        period.years.map { year in
            let first = max(period.from, LocalDate.firstOf(year: year)), last = min(period.to, LocalDate.lastOf(year: year))
            let whole = first == LocalDate.firstOf(year: year) && last == LocalDate.lastOf(year: year)
            var title = "\(year)"
            if !whole {
                let from = first == LocalDate.firstOf(year: year) ? nil : "từ \(first.day)/\(first.month)"
                let to = last == LocalDate.lastOf(year: year) ? nil : "đến \(last.day)/\(last.month)"
                title += " (" + [from, to].compactMap { $0 }.joined(separator: " ") + ")"
            }
            return (title, try! IndicatorPeriod(from: first, to: last))
        }
    }

    /// The total of one indicator.
    public func total(_ code: IndicatorCode) -> IndicatorResult? {
        total.first { $0.definition.code == code }
    }

    /// The appendix of figures (DESIGN.md §5): STT | Nội dung | Đơn vị tính | one column per
    /// year | Tổng | Ghi chú. A group's heading row, then each indicator's headline and its
    /// sub-figures. A share's value is its rate in percent; its note gives the counts of the total.
    public func appendix() -> FigureTable {
        var rows: [FigureRow] = []
        let columns = years.map(\.results) + [total]
        for (groupIndex, group) in IndicatorGroup.allCases.enumerated() {
            let codes = IndicatorCode.allCases.filter { $0.group == group }
            guard !codes.isEmpty else { continue }
            rows.append(FigureRow(key: group.rawValue, stt: Self.roman(groupIndex + 1), label: group.label, unit: "",
                                  values: columns.map { _ in nil }, note: "", isHeading: true))
            for (index, code) in codes.enumerated() {
                let stt = "\(index + 1)"
                let results = columns.map { column in column.first { $0.definition.code == code } }
                let definition = code.definition
                let headline = results.last??.value
                rows.append(FigureRow(
                    key: code.rawValue, stt: stt, label: "\(definition.label) (\(code.rawValue))",
                    unit: definition.unit, values: results.map { $0.flatMap { Self.number($0.value) } },
                    note: headline.map(Self.note) ?? "", isHeading: false))
                // Sub-figures are matched by label: a year may lack one that another has (by issuer…).
                // The total comes first: it holds every label of the period, in the query's order.
                var labels: [String] = []
                for result in (results.suffix(1) + results.dropLast()).compactMap({ $0 }) {
                    for part in result.parts where !labels.contains(part.label) { labels.append(part.label) }
                }
                for (partIndex, label) in labels.enumerated() {
                    let parts = results.map { $0?.parts.first { $0.label == label } }
                    let sample = parts.compactMap { $0 }.first!
                    rows.append(FigureRow(
                        key: "\(code.rawValue)/\(label)", stt: "\(stt).\(partIndex + 1)", label: label,
                        unit: sample.measure == .share ? "%" : sample.noun,
                        values: parts.map { part in part.map { Self.number($0) } ?? (sample.measure == .count ? 0 : nil) },
                        note: parts.last??.measure == .share ? parts.last!!.text : "", isHeading: false))
                }
            }
        }
        return FigureTable(columns: years.map(\.title) + ["Tổng"], rows: rows)
    }

    /// The breakdown by the units directly below: one row per unit, one column per indicator's
    /// headline over the whole period (a share in percent).
    public func breakdown() -> FigureTable {
        let codes = IndicatorCode.allCases
        let rows = branches.enumerated().map { index, branch in
            FigureRow(key: branch.code, stt: "\(index + 1)", label: branch.name, unit: branch.code,
                      values: codes.map { code in branch.results.first { $0.definition.code == code }.flatMap { Self.number($0.value) } },
                      note: "", isHeading: false)
        }
        return FigureTable(columns: codes.map { code in
            let definition = code.definition
            return "\(code.rawValue) \(definition.label) (\(definition.unit))"
        }, rows: rows)
    }

    /// The number a table cell shows: a count as is; a rate or a mean rounded to one decimal;
    /// nil when there is no whole to divide by.
    public static func number(_ figure: IndicatorFigure) -> Double? {
        guard let value = figure.value else { return nil }
        switch figure.measure {
        case .count: return value
        case .share, .average: return (value * 10).rounded() / 10
        }
    }

    /// "42/45 tổ chức" for a share, "1.234 ý kiến / 300 cuộc" for an average; empty for a count.
    static func note(_ figure: IndicatorFigure) -> String {
        switch figure.measure {
        case .count: ""
        case .share: "\(VietnameseFormat.number(figure.numerator))/\(VietnameseFormat.number(figure.denominator ?? 0)) \(figure.noun)"
        case .average: "\(VietnameseFormat.number(figure.numerator)) / \(VietnameseFormat.number(figure.denominator ?? 0))"
        }
    }

    static func roman(_ n: Int) -> String {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1]
    }
}

/// A table of figures as documents and exports carry it: plain values, kept with a saved review
/// so its appendix never changes after it was written.
public struct FigureTable: Codable, Hashable, Sendable {
    /// The value columns' titles (years and "Tổng"; or the indicators of a breakdown).
    public var columns: [String]
    public var rows: [FigureRow]

    public init(columns: [String], rows: [FigureRow]) {
        self.columns = columns
        self.rows = rows
    }
}

public struct FigureRow: Codable, Hashable, Sendable {
    /// Stable across recomputations: "II.2", "II.2/Lượt quần chúng", a unit's code.
    public var key: String
    public var stt: String
    public var label: String
    /// Đơn vị tính (appendix), the unit's code (breakdown).
    public var unit: String
    /// One per column; nil where there is nothing to divide by.
    public var values: [Double?]
    public var note: String
    public var isHeading: Bool

    public init(key: String, stt: String, label: String, unit: String, values: [Double?], note: String, isHeading: Bool) {
        self.key = key
        self.stt = stt
        self.label = label
        self.unit = unit
        self.values = values
        self.note = note
        self.isHeading = isHeading
    }

    /// A value as a table shows it: "1.234", "95,3", "–" for nil.
    public static func text(_ value: Double?) -> String {
        guard let value else { return VietnameseFormat.notANumber }
        return value == value.rounded() ? VietnameseFormat.number(Int(value)) : VietnameseFormat.number(value, fractionDigits: 1)
    }
}
