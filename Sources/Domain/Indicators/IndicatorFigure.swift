/// How an indicator's figure is made from what its query counts.
public enum IndicatorMeasure: String, CaseIterable, Codable, Sendable {
    /// A number of things ("42 văn bản").
    case count
    /// A part of a whole: numerator / denominator, with the rate ("42/45 tổ chức (93,3%)").
    case share
    /// A mean: a sum over a number of things ("4,2 ý kiến/cuộc").
    case average
}

/// One figure of an indicator, the headline or a sub-figure (on-time share, by format…), with its
/// Vietnamese text. Every page, export and API answer shows figures through this type.
public struct IndicatorFigure: Hashable, Sendable {
    /// Empty for a headline; "Nộp đúng hạn", "Trực tiếp"… for a sub-figure.
    public let label: String
    public let measure: IndicatorMeasure
    /// The count, the numerator, or the sum averaged.
    public let numerator: Int
    /// The whole of a share, the number of things of an average; nil for a count.
    public let denominator: Int?
    /// What is counted ("văn bản", "tổ chức", "lượt người"; for an average, "ý kiến/cuộc").
    public let noun: String

    /// A count keeps no denominator; a share or an average always has one (0 when nothing was expected).
    public init(label: String, measure: IndicatorMeasure, numerator: Int, denominator: Int?, noun: String) {
        self.label = label
        self.measure = measure
        self.numerator = numerator
        self.denominator = measure == .count ? nil : (denominator ?? 0)
        self.noun = noun
    }

    public static func count(_ n: Int, _ noun: String, label: String = "") -> IndicatorFigure {
        IndicatorFigure(label: label, measure: .count, numerator: n, denominator: nil, noun: noun)
    }

    public static func share(_ n: Int, of d: Int, _ noun: String, label: String = "") -> IndicatorFigure {
        IndicatorFigure(label: label, measure: .share, numerator: n, denominator: d, noun: noun)
    }

    public static func average(_ sum: Int, over n: Int, _ noun: String, label: String = "") -> IndicatorFigure {
        IndicatorFigure(label: label, measure: .average, numerator: sum, denominator: n, noun: noun)
    }

    /// numerator / denominator for a share (0…1); nil for a count or a share of nothing.
    public var rate: Double? {
        guard measure == .share, let d = denominator, d > 0 else { return nil }
        return Double(numerator) / Double(d)
    }

    /// The headline number: the count, the rate in percent, the mean; nil when there is no whole.
    public var value: Double? {
        switch measure {
        case .count: return Double(numerator)
        case .share: return rate.map { $0 * 100 }
        case .average:
            guard let d = denominator, d > 0 else { return nil }
            return Double(numerator) / Double(d)
        }
    }

    /// "42 văn bản", "42/45 tổ chức (93,3%)", "0/0 tổ chức", "4,2 ý kiến/cuộc", "– ý kiến/cuộc".
    public var text: String {
        switch measure {
        case .count:
            return VietnameseFormat.count(numerator, unit: noun)
        case .share:
            let d = denominator ?? 0
            let base = "\(VietnameseFormat.number(numerator))/\(VietnameseFormat.number(d)) \(noun)"
            return VietnameseFormat.percent(numerator: numerator, denominator: d).map { "\(base) (\($0))" } ?? base
        case .average:
            let mean = value.map { VietnameseFormat.number($0, fractionDigits: 1) } ?? VietnameseFormat.notANumber
            return "\(mean) \(noun)"
        }
    }

    /// "Nộp đúng hạn: 40/42 kế hoạch (95,2%)"; the text alone for a headline.
    public var labelledText: String { label.isEmpty ? text : "\(label): \(text)" }
}

/// An indicator computed for a unit and a period: the headline figure and its sub-figures.
public struct IndicatorResult: Hashable, Sendable {
    public let definition: IndicatorDefinition
    public let value: IndicatorFigure
    public let parts: [IndicatorFigure]

    public init(_ definition: IndicatorDefinition, _ value: IndicatorFigure, parts: [IndicatorFigure] = []) {
        self.definition = definition
        self.value = value
        self.parts = parts
    }
}
