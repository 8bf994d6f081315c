import Foundation

/// What the records say went wrong in a review's period (the seed of part II), as plain values:
/// counts and the first few names of the units concerned.
public struct ReviewFindings: Codable, Hashable, Sendable {
    /// How many units (or unit-years) a finding concerns, and the first names, worst first.
    public struct Units: Codable, Hashable, Sendable {
        public var count: Int
        /// The distinct units behind `count` (a unit may count once per year).
        public var units: Int
        public var names: [String]

        public init(count: Int, units: Int? = nil, names: [String]) {
            self.count = count
            self.units = units ?? count
            self.names = Array(names.prefix(ReviewFindings.namesShown))
        }

        public static let none = Units(count: 0, names: [])
    }

    /// A paragraph names at most this many units, then "và N đơn vị khác".
    public static let namesShown = 5
    /// A cell below this share of months with the programme's content is named (percent).
    public static let contentThreshold = 80

    /// Unit-years expected to hold a year plan that have none submitted.
    public var missingPlans: Units
    /// Unit-years whose plan was first submitted after the binding due date.
    public var latePlans: Units
    /// Cells whose share of cell-months with the content is below `contentThreshold`, lowest first.
    public var lowContentCells: Units
    /// Cells with a quarter of the period without a thematic meeting.
    public var thematicGapCells: Units

    public init(missingPlans: Units, latePlans: Units, lowContentCells: Units, thematicGapCells: Units) {
        self.missingPlans = missingPlans
        self.latePlans = latePlans
        self.lowContentCells = lowContentCells
        self.thematicGapCells = thematicGapCells
    }

    public static let none = ReviewFindings(missingPlans: .none, latePlans: .none, lowContentCells: .none, thematicGapCells: .none)
}

/// One part of a review report (DESIGN.md §5): its heading and its text, paragraphs separated by
/// blank lines. A paragraph of one short line "1. …" is a sub-heading.
public struct ReviewPart: Codable, Hashable, Sendable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }

    /// The four parts' headings, in order.
    public static let titles = [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. HẠN CHẾ, NGUYÊN NHÂN, BÀI HỌC KINH NGHIỆM",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]

    /// The paragraphs of `text`: split at blank lines, lines of one paragraph joined by a space.
    public static func paragraphs(_ text: String) -> [String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = [], current: [String] = []
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// "1. Công tác lãnh đạo, chỉ đạo": a short paragraph numbered "N." reads as a sub-heading.
    public static func isSubheading(_ paragraph: String) -> Bool {
        guard paragraph.count <= 90, !paragraph.hasSuffix(".") else { return false }
        let digits = paragraph.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && paragraph.dropFirst(digits.count).hasPrefix(". ")
    }
}

/// A row of the saved appendix whose figure is no longer what the records give.
public struct FigureChange: Hashable, Sendable {
    public let key: String
    public let label: String
    /// "Tổng", or the year column that differs when the total does not.
    public let column: String
    public let before: String
    public let after: String

    /// "Văn bản chỉ đạo, hướng dẫn ban hành (I.1): 2 → 3".
    public var text: String {
        "\(label)\(column == "Tổng" ? "" : " (\(column))"): \(before) → \(after)"
    }

    /// The rows of `saved` whose values differ in `current` (matched by key), in `saved`'s order,
    /// then rows only `current` has.
    public static func between(saved: FigureTable, current: FigureTable) -> [FigureChange] {
        let now = Dictionary(current.rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let then = Set(saved.rows.map(\.key))
        var changes: [FigureChange] = []
        for row in saved.rows where !row.isHeading {
            let values = now[row.key]?.values ?? row.values.map { _ in nil }
            if let change = change(row, from: row.values, to: values, columns: saved.columns) { changes.append(change) }
        }
        for row in current.rows where !row.isHeading && !then.contains(row.key) {
            if let change = change(row, from: row.values.map { _ in nil }, to: row.values, columns: current.columns) {
                changes.append(change)
            }
        }
        return changes
    }

    private static func change(_ row: FigureRow, from: [Double?], to: [Double?], columns: [String]) -> FigureChange? {
        guard from != to else { return nil }
        let count = max(from.count, to.count)
        let value = { (list: [Double?], i: Int) in i < list.count ? list[i] : nil }
        var index = count - 1
        if value(from, index) == value(to, index), let first = (0..<count).first(where: { value(from, $0) != value(to, $0) }) {
            index = first
        }
        let column = index < columns.count ? columns[index] : "Tổng"
        return FigureChange(key: row.key, label: row.label, column: column,
                            before: FigureRow.text(value(from, index)), after: FigureRow.text(value(to, index)))
    }
}
