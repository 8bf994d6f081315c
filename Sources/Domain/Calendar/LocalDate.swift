import Foundation

extension TimeZone {
    /// Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975, so the
    /// fixed offset is an exact fallback where the system has no time zone database.
    public static let vietnam: TimeZone =
        TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
}

/// A calendar day without time or time zone (proleptic Gregorian calendar, years 1–9999).
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    LosslessStringConvertible
{
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the day exists (leap years included) and the year is in 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly "YYYY-MM-DD".
    public init?(_ iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = LocalDate.digits(parts[0]), let m = LocalDate.digits(parts[1]),
              let d = LocalDate.digits(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, timeZone: TimeZone = .vietnam) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(unchecked: c.year!, c.month!, c.day!)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Accepts "YYYY-MM-DD", or day/month/year as "d/m/yyyy" or "dd/mm/yyyy" with "/", "-" or "."
    /// as separator (the same one twice). Surrounding whitespace is ignored.
    public static func parse(_ input: String) -> LocalDate? {
        let s = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = LocalDate(s) { return iso }
        for separator in ["/", "-", "."] as [Character] {
            let parts = s.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            guard (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4,
                  let d = digits(parts[0]), let m = digits(parts[1]), let y = digits(parts[2])
            else { return nil }
            return LocalDate(year: y, month: m, day: d)
        }
        return nil
    }

    public static func today(in timeZone: TimeZone = .vietnam) -> LocalDate {
        LocalDate(Date(), timeZone: timeZone)
    }

    /// "2021-05-18".
    public var iso: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public var description: String { iso }

    // MARK: Arithmetic

    public func adding(days: Int) -> LocalDate {
        LocalDate.fromDayNumber(dayNumber + days)
    }

    /// Adds calendar months, clamping the day to the target month's length (31/1 + 1 → 28 or 29/2).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total.floorDiv(12)
        let m = total - y * 12 + 1
        return LocalDate(unchecked: y, m, min(day, LocalDate.daysIn(year: y, month: m)))
    }

    /// Number of days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    public var firstOfMonth: LocalDate { LocalDate(unchecked: year, month, 1) }

    /// 1...4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    public static func firstOf(year: Int) -> LocalDate { LocalDate(unchecked: year, 1, 1) }

    public static func lastOf(year: Int) -> LocalDate { LocalDate(unchecked: year, 12, 31) }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Codable (a single ISO string)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let date = LocalDate(string) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a date as YYYY-MM-DD, got \"\(string)\"")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: Internals

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func digits(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func fromDayNumber(_ n: Int) -> LocalDate {
        let z = n + 719_468
        let era = z.floorDiv(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return LocalDate(unchecked: y, m, d)
    }
}

private extension Int {
    func floorDiv(_ d: Int) -> Int {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

/// A half-open range of days [from, to); `to == nil` means open-ended.
public struct DateRange: Hashable, Sendable, Codable {
    public var from: LocalDate
    /// Exclusive end; nil = open.
    public var to: LocalDate?

    public init(from: LocalDate, to: LocalDate?) {
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool {
        if let to { return to <= from }
        return false
    }

    public func contains(_ d: LocalDate) -> Bool {
        guard d >= from else { return false }
        if let to { return d < to }
        return true
    }

    /// True when some day lies in both ranges.
    public func overlaps(_ other: DateRange) -> Bool {
        if isEmpty || other.isEmpty { return false }
        if let to, other.from >= to { return false }
        if let otherTo = other.to, from >= otherTo { return false }
        return true
    }
}
