import Domain

/// What `/chi-tieu` shows: the filters as typed, their problems, the quick periods, and the
/// rollup when the filters are fine.
struct IndicatorPageModel: Sendable {
    /// The filters as typed, by form field (don-vi, nam, tu, den).
    var values: [String: String] = [:]
    var errors = FormErrors()
    var rollup: IndicatorRollupModel?
    var years: [IndicatorQuickPeriod] = []
    /// The programme in force ("01-KL/TW") and its stages reached so far.
    var programme: String?
    var stages: [IndicatorQuickPeriod] = []

    /// The page's form fields, by the API's names the report's problems carry.
    static let fields = ["unit": "don-vi", "year": "nam", "from": "tu", "to": "den"]

    /// The link to this page for `unit` (nil: the account's own) and a quick period.
    static func link(unit: String?, _ period: IndicatorQuickPeriod) -> String {
        SiteURL.indicators.with([("don-vi", unit)] + period.query)
    }
}

/// One unit's rollup as the page lays it out.
struct IndicatorRollupModel: Sendable {
    let unit: UnitRef
    let table: RollupTable
    let appendix: FigureTable
    let breakdown: FigureTable
    /// The period's query items, as asked (a year, or dates), for drill-down and download links.
    let periodQuery: [(String, String?)]

    init(unit: UnitRef, table: RollupTable, byDates: Bool) {
        self.unit = unit
        self.table = table
        appendix = table.appendix()
        breakdown = table.breakdown()
        periodQuery = byDates ? [("tu", table.period.from.iso), ("den", table.period.to.iso)]
            : [("nam", String(table.period.from.year))]
    }

    /// This page for a unit below, same period.
    func drillDown(_ code: String) -> String { SiteURL.indicators.with([("don-vi", code)] + periodQuery) }

    var workbook: String { SiteURL.indicatorsWorkbook.with([("don-vi", unit.code)] + periodQuery) }

    /// C.1 of the unit, then of each unit below: (code, name, result).
    var reporting: [(code: String, name: String, result: IndicatorResult?)] {
        [(unit.code, unit.name, table.total(.reporting))]
            + table.branches.map { branch in (branch.code, branch.name, branch.results.first { $0.definition.code == .reporting }) }
    }
}
