import Foundation

/// Numbers, percentages and dates written the Vietnamese way ("1.000", "95,3%", "18/5/2021"),
/// independent of the machine's locale.
public enum VietnameseFormat {

    /// Shown for NaN and infinite values.
    public static let notANumber = "–"

    /// "1.000", "160.000", "-1.234".
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + group(digits)
    }

    /// Fixed number of fraction digits, "," as decimal mark, "." between thousands:
    /// `number(1234.5, fractionDigits: 1)` → "1.234,5". Halves round away from zero
    /// (2,5 → 3), applied to the binary value (so 1.005 with 2 digits may give "1,00").
    public static func number(_ x: Double, fractionDigits: Int) -> String {
        guard x.isFinite else { return notANumber }
        let digits = max(0, min(fractionDigits, 15))
        // "%.0f" of an integral value is exact and ignores Foundation locales.
        if x.magnitude >= 0x1p52 { // already integral: no fraction to round
            let integral = String(format: "%.0f", x.magnitude) + String(repeating: "0", count: digits)
            return fixedPoint(integral, negative: x < 0, fractionDigits: digits)
        }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        return fixedPoint(String(format: "%.0f", scaled), negative: x < 0, fractionDigits: digits)
    }

    /// Places a decimal comma `fractionDigits` from the right of an unsigned digit string,
    /// groups the integer part, and adds "-" unless the value is zero.
    private static func fixedPoint(_ unsignedDigits: String, negative: Bool, fractionDigits: Int) -> String {
        var digits = unsignedDigits
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits + 1 - digits.count) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -fractionDigits)
        let integerPart = group(String(digits[..<split]))
        let fractionPart = String(digits[split...])
        let sign = negative && digits.contains(where: { $0 != "0" }) ? "-" : ""
        return sign + integerPart + (fractionPart.isEmpty ? "" : "," + fractionPart)
    }

    /// A ratio (0…1) as a percentage: 0.953 → "95,3%", 1 → "100%", 0.5 → "50%".
    /// Trailing zero fraction digits are dropped.
    public static func percent(_ ratio: Double, fractionDigits: Int = 1) -> String {
        guard ratio.isFinite else { return notANumber }
        return droppingZeroFraction(number(ratio * 100, fractionDigits: fractionDigits)) + "%"
    }

    /// `numerator / denominator` as a percentage with one fraction digit, rounded half up in
    /// exact integer arithmetic (1907/2000 → "95,4%"); nil when the denominator is 0.
    public static func percent(numerator: Int, denominator: Int) -> String? {
        guard denominator != 0 else { return nil }
        let n = numerator.magnitude, d = denominator.magnitude
        let (product, overflow) = n.multipliedReportingOverflow(by: 2_000)
        guard !overflow else { return percent(Double(numerator) / Double(denominator)) }
        let tenths = (product + d) / (2 * d) // round(1000 n / d), halves up
        let negative = (numerator < 0) != (denominator < 0)
        return droppingZeroFraction(fixedPoint(String(tenths), negative: negative, fractionDigits: 1)) + "%"
    }

    /// "50,0" → "50", "12,50" → "12,5".
    private static func droppingZeroFraction(_ s: String) -> String {
        guard s.contains(",") else { return s }
        var s = s
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(",") { s.removeLast() }
        return s
    }

    /// "18/5/2021" (no zero padding), for tables.
    public static func date(_ d: LocalDate) -> String {
        "\(d.day)/\(d.month)/\(d.year)"
    }

    /// "ngày 18 tháng 5 năm 2021", for prose.
    public static func proseDate(_ d: LocalDate) -> String {
        "ngày \(d.day) tháng \(d.month) năm \(d.year)"
    }

    /// "18/5/2021 14:05" in Vietnam time (hour and minute two digits).
    public static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .vietnam
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let hour = c.hour ?? 0, minute = c.minute ?? 0
        return "\(c.day ?? 0)/\(c.month ?? 0)/\(c.year ?? 0) "
            + (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// "160.000 lượt".
    public static func count(_ n: Int, unit: String) -> String {
        number(n) + " " + unit
    }

    /// Inserts "." every three digits from the right into a string of ASCII digits.
    private static func group(_ digits: String) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }
}
