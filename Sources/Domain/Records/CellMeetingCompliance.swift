/// The two kinds of chi bộ meeting (sinh hoạt chi bộ).
public enum CellMeetingKind: String, CaseIterable, Codable, Sendable {
    /// sinh hoạt chi bộ thường kỳ: the monthly meeting, at most one a month.
    case regular = "thuong_ky"
    /// sinh hoạt chuyên đề: at least one a quarter (Hướng dẫn 12-HD/BTCTW).
    case thematic = "chuyen_de"

    public var label: String {
        switch self {
        case .regular: "Sinh hoạt thường kỳ"
        case .thematic: "Sinh hoạt chuyên đề"
        }
    }
}

/// What the compliance rules read of one meeting.
public struct CellMeetingFact: Sendable, Equatable {
    public let kind: CellMeetingKind
    public let heldOn: LocalDate
    public let includedContent: Bool

    public init(kind: CellMeetingKind, heldOn: LocalDate, includedContent: Bool) {
        self.kind = kind
        self.heldOn = heldOn
        self.includedContent = includedContent
    }
}

/// One cell's year against the meeting rules (DESIGN.md §3 II.4 and II.5).
///
/// The choices, stated once:
/// - A **month is expected** when the cell existed on the month's first day
///   (`foundedOn ≤ day 1 < dissolvedOn`) and that day is not after `today` (the month has ended
///   or is the current month). A cell founded on the 15th is first expected the month after;
///   a cell dissolved on the 15th is still expected in that month, since it existed on the 1st.
///   The current month is expected so a secretary sees it as missing until it is recorded.
/// - A **quarter is expected** when the cell existed through the whole quarter
///   (`foundedOn ≤ its first day` and `dissolvedOn` after its last day) and the quarter has ended
///   (its last day is before `today`). A quarter in progress is never "chưa đạt".
/// - The counts count only expected months and quarters, so every rate stays within 100%; the
///   grid still marks a meeting held in a month or quarter that is not expected.
/// - Meetings outside `year` are ignored.
public struct CellMeetingCompliance: Sendable, Equatable {
    public enum MonthMark: String, Sendable {
        /// ✓ a regular meeting that included the programme's content.
        case withContent
        /// ○ a regular meeting without the content.
        case withoutContent
        /// ✗ expected, no regular meeting recorded.
        case missing
        /// blank: not expected and nothing recorded.
        case notExpected
    }

    public enum QuarterMark: String, Sendable {
        /// Đạt: at least one thematic meeting.
        case met
        /// Chưa đạt: an expected quarter without one.
        case notMet
        /// blank: not expected and none held.
        case notExpected
    }

    public struct Month: Sendable, Equatable {
        public let month: Int
        public let expected: Bool
        public let hasRegular: Bool
        public let includedContent: Bool

        public var mark: MonthMark {
            if hasRegular { return includedContent ? .withContent : .withoutContent }
            return expected ? .missing : .notExpected
        }
    }

    public struct Quarter: Sendable, Equatable {
        public let quarter: Int
        public let expected: Bool
        public let thematicCount: Int

        public var mark: QuarterMark {
            if thematicCount > 0 { return .met }
            return expected ? .notMet : .notExpected
        }
    }

    public let year: Int
    public let months: [Month]
    public let quarters: [Quarter]

    public var monthsExpected: Int { months.filter(\.expected).count }
    public var monthsWithRegular: Int { months.filter { $0.expected && $0.hasRegular }.count }
    public var monthsWithContent: Int { months.filter { $0.expected && $0.hasRegular && $0.includedContent }.count }
    public var quartersExpected: Int { quarters.filter(\.expected).count }
    public var quartersWithThematic: Int { quarters.filter { $0.expected && $0.thematicCount > 0 }.count }

    /// `dissolvedOn` is the first day the cell no longer exists (as `OrgUnit.dissolvedOn`).
    public init(foundedOn: LocalDate, dissolvedOn: LocalDate?, year: Int, today: LocalDate, meetings: [CellMeetingFact]) {
        func exists(on day: LocalDate) -> Bool {
            day >= foundedOn && (dissolvedOn.map { day < $0 } ?? true)
        }
        let mine = meetings.filter { $0.heldOn.year == year }
        self.year = year
        months = (1...12).map { m in
            let first = LocalDate(year: year, month: m, day: 1)!
            let regular = mine.filter { $0.kind == .regular && $0.heldOn.month == m }
            return Month(
                month: m, expected: exists(on: first) && first <= today,
                hasRegular: !regular.isEmpty, includedContent: regular.contains { $0.includedContent })
        }
        quarters = (1...4).map { q in
            let first = LocalDate(year: year, month: q * 3 - 2, day: 1)!
            let last = first.adding(months: 3).adding(days: -1)
            let lastsThrough = first >= foundedOn && (dissolvedOn.map { $0 > last } ?? true)
            return Quarter(
                quarter: q, expected: lastsThrough && last < today,
                thematicCount: mine.filter { $0.kind == .thematic && $0.heldOn.quarter == q }.count)
        }
    }
}
