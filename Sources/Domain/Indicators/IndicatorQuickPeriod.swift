/// A period `/chi-tieu` offers with one tap: a recent calendar year, or a stage of the programme
/// in force — start → start + 3 years for the sơ kết (Kết luận 01-KL/TW of 18/5/2021 →
/// 18/5/2024), + 5 and + 10 years for the tổng kết, and start → its end or today.
public struct IndicatorQuickPeriod: Hashable, Sendable {
    public let label: String
    public let period: IndicatorPeriod
    /// Set for a calendar year (asked for as `nam`); nil for a stage (asked for by its dates).
    public let year: Int?

    /// The last `count` calendar years up to this one (this one runs to today).
    public static func recentYears(today: LocalDate, count: Int = 5) -> [IndicatorQuickPeriod] {
        (today.year - count + 1...today.year).map { year in
            IndicatorQuickPeriod(label: "Năm \(year)", period: .year(year, today: today), year: year)
        }
    }

    /// The stages of a programme that started on `start` (and ended on `end`, if it did) that
    /// have been reached by `today`, then the whole programme so far.
    public static func stages(start: LocalDate, end: LocalDate?, today: LocalDate) -> [IndicatorQuickPeriod] {
        guard start <= today else { return [] }
        let last = min(end ?? today, today)
        var result: [IndicatorQuickPeriod] = []
        for kind in [ReviewKind.threeYear, .fiveYear, .tenYear] {
            let stageEnd = kind.stageEnd(from: start)
            guard stageEnd <= last, let period = try? IndicatorPeriod(from: start, to: stageEnd) else { continue }
            result.append(IndicatorQuickPeriod(
                label: "\(kind.label) (\(VietnameseFormat.date(start))–\(VietnameseFormat.date(stageEnd)))", period: period, year: nil))
        }
        if let whole = try? IndicatorPeriod(from: start, to: last) {
            let label = last == end ? "Toàn kỳ (\(VietnameseFormat.date(start))–\(VietnameseFormat.date(last)))"
                : "Từ \(VietnameseFormat.date(start)) đến nay"
            result.append(IndicatorQuickPeriod(label: label, period: whole, year: nil))
        }
        return result
    }

    /// The page's query items for this period (`nam`, or `tu` and `den`).
    public var query: [(String, String?)] {
        if let year { return [("nam", String(year))] }
        return [("tu", period.from.iso), ("den", period.to.iso)]
    }
}
