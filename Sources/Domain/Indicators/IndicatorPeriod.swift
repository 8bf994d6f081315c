/// The days a rollup covers, both ends included: a year, a stage (18/5/2021–18/5/2024) or any range.
public struct IndicatorPeriod: Hashable, Sendable {
    public let from: LocalDate
    public let to: LocalDate

    /// Twenty years hold a "tổng kết 10 năm" twice over; longer ranges are a typing mistake.
    public static let maximumYears = 20

    public enum Problem: Error, Equatable, Sendable {
        case reversed
        case tooLong

        public var message: String {
            switch self {
            case .reversed: "Ngày bắt đầu kỳ phải trước hoặc bằng ngày kết thúc."
            case .tooLong: "Kỳ báo cáo không được dài quá \(IndicatorPeriod.maximumYears) năm."
            }
        }
    }

    public init(from: LocalDate, to: LocalDate) throws(Problem) {
        guard from <= to else { throw .reversed }
        guard to.year - from.year < Self.maximumYears else { throw .tooLong }
        self.from = from
        self.to = to
    }

    /// The calendar year; the current year runs to `today`, so months and quarters still ahead
    /// are not counted as missing.
    public static func year(_ year: Int, today: LocalDate) -> IndicatorPeriod {
        let first = LocalDate.firstOf(year: year), last = LocalDate.lastOf(year: year)
        let end = (first...last).contains(today) ? today : last
        return try! IndicatorPeriod(from: first, to: end)
    }

    /// The calendar years the period touches: those whose yearly records (plans, models,
    /// contests) the indicators count.
    public var years: ClosedRange<Int> { from.year...to.year }

    /// "năm 2024", "năm 2026 (đến 21/11/2026)", "từ 18/5/2021 đến 18/5/2024".
    public var text: String {
        let first = LocalDate.firstOf(year: from.year)
        if from == first && to.year == from.year {
            return to == LocalDate.lastOf(year: from.year)
                ? "năm \(from.year)" : "năm \(from.year) (đến \(VietnameseFormat.date(to)))"
        }
        return "từ \(VietnameseFormat.date(from)) đến \(VietnameseFormat.date(to))"
    }
}
