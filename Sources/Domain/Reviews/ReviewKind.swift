/// The kinds of review report (DESIGN.md §1 `Review`): what the committee calls it, how long a
/// period it usually covers, and the words of its summary line.
public enum ReviewKind: String, CaseIterable, Codable, Sendable {
    case annual = "bao-cao-nam"
    case threeYear = "so-ket-3-nam"
    case fiveYear = "tong-ket-5-nam"
    case tenYear = "tong-ket-10-nam"

    public var label: String {
        switch self {
        case .annual: "Báo cáo năm"
        case .threeYear: "Sơ kết 3 năm"
        case .fiveYear: "Tổng kết 5 năm"
        case .tenYear: "Tổng kết 10 năm"
        }
    }

    /// The years a period of this kind usually spans.
    public var years: Int {
        switch self {
        case .annual: 1
        case .threeYear: 3
        case .fiveYear: 5
        case .tenYear: 10
        }
    }

    /// The last day of the stage this kind reviews, for a programme that started on `start`
    /// (a sơ kết 3 năm of Kết luận 01-KL/TW of 18/5/2021 ends on 18/5/2024).
    public func stageEnd(from start: LocalDate) -> LocalDate { start.adding(months: 12 * years) }

    /// The first words of the summary line: "Sơ kết 3 năm thực hiện …", "Kết quả thực hiện … năm 2024".
    public var summaryVerb: String {
        switch self {
        case .annual: "Kết quả thực hiện"
        case .threeYear: "Sơ kết 3 năm thực hiện"
        case .fiveYear: "Tổng kết 5 năm thực hiện"
        case .tenYear: "Tổng kết 10 năm thực hiện"
        }
    }
}

extension ReviewKind {
    /// The period a new review of this kind starts with: the year of `today` for an annual report
    /// (to today); otherwise `years` years from the programme's start ("sơ kết 3 năm" of Kết luận
    /// 01-KL/TW: 18/5/2021 – 18/5/2024), no later than today.
    public func defaultPeriod(programmeStart: LocalDate, today: LocalDate) -> IndicatorPeriod {
        if self == .annual { return IndicatorPeriod.year(today.year, today: today) }
        let end = min(stageEnd(from: programmeStart), max(today, programmeStart))
        return (try? IndicatorPeriod(from: programmeStart, to: end)) ?? IndicatorPeriod.year(today.year, today: today)
    }
}
