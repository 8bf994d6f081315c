import Domain
import Vapor

/// The page number of every list, on pages (?trang=) and in the API (?page=): one rule, so no list
/// computes an offset from an unchecked number (a huge page number once overflowed and stopped the
/// server).
enum PageNumber {
    /// Far beyond any real list (200 a page × 100.000 pages = 20 million rows), and small enough
    /// that `(page - 1) * perPage` never overflows.
    static let maximum = 100_000

    static func clamp(_ page: Int) -> Int { min(max(1, page), maximum) }

    /// A page number as typed in a URL; anything unreadable is the first page.
    static func from(_ raw: String?) -> Int { clamp(raw.flatMap { Int($0) } ?? 1) }
}

/// The year a list asks for (?nam=): one rule for every page; a year missing, unreadable or
/// outside `range` is this year.
enum ListYear {
    static let range = 1945...9999

    static func from(_ text: String?, in range: ClosedRange<Int> = ListYear.range) -> Int {
        Int((text ?? "").trimmingCharacters(in: .whitespaces)).flatMap { range.contains($0) ? $0 : nil } ?? LocalDate.today().year
    }
}

/// The query of the lists asked for by unit, year and page (?don-vi=X-DL-01&nam=2025&trang=2):
/// one declaration for every page that takes these three.
struct UnitYearPageQuery: Content {
    var donVi: String?
    var nam: String?
    var trang: String?

    enum CodingKeys: String, CodingKey {
        case nam, trang
        case donVi = "don-vi"
    }
}
