import Domain

/// XLSX stores a date as a number of days (a serial number) and says it is a date only through
/// the cell's number format.
enum DateFormats {
    /// Built-in formats that show a date (ECMA-376 part 1, §18.8.30): 14–22 in every locale
    /// (d/m/yyyy, d-mmm-yy, … m/d/yy h:mm), and 27–36 and 50–58, the East Asian date formats
    /// that Excel writes for files made with those locales.
    static let builtIn: Set<Int> = Set(14...22).union(27...36).union(50...58)

    /// Whether a custom format code shows a date: it has a day, month or year part once literal
    /// text ("…", \x, _x, *x) and bracketed parts ([Red], [$-42A], [h]) are left out. An "m"
    /// next to hours or seconds is minutes ("h:mm", "mm:ss"), not a month.
    static func isDate(_ code: String) -> Bool {
        var kept = ""
        var inQuote = false, inBracket = false, skipNext = false
        for ch in code {
            if skipNext { skipNext = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": skipNext = true
            case ";": return decide(kept) // the first section (positive numbers) decides
            default: kept.append(ch)
            }
        }
        return decide(kept)
    }

    private static func decide(_ section: String) -> Bool {
        let s = section.lowercased()
        if s.contains("d") || s.contains("y") { return true }
        return s.contains("m") && !s.contains("h") && !s.contains("s")
    }

    /// The day a serial number stands for (its time of day dropped). Day 1 is 1900-01-01 in the
    /// 1900 system, which counts a 29 February 1900 that never was (Lotus 1-2-3's error, kept
    /// by Excel): from day 61 on, day 0 is 1899-12-30; day 60 has no real date. Nil when the
    /// number is no day at all.
    static func date(serial: Double, date1904: Bool) -> LocalDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil } // 9999-12-31
        let days = Int(serial.rounded(.down))
        if date1904 { return LocalDate(year: 1904, month: 1, day: 1)!.adding(days: days) }
        switch days {
        case 0, 60: return nil
        case 1..<60: return LocalDate(year: 1899, month: 12, day: 31)!.adding(days: days)
        default: return LocalDate(year: 1899, month: 12, day: 30)!.adding(days: days)
        }
    }
}
