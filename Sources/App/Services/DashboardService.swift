import Domain
import Fluent
import SQLKit
import Vapor

/// `/tong-quan`: a unit's year at a glance (DESIGN.md §3's key indicators), their trend over five
/// years, the unit × month grid of II.4 and the units lagging most.
struct Dashboard: Sendable {
    let unit: UnitRef
    let period: IndicatorPeriod
    /// The key indicators of the year, in `DashboardService.keyCodes` order.
    let glance: [IndicatorResult]
    /// One series per key share, oldest year first.
    let trend: [Series]
    let grid: ComplianceGrid

    var year: Int { period.to.year }

    struct Series: Sendable {
        let code: IndicatorCode
        let label: String
        let points: [Point]
    }

    struct Point: Sendable {
        let year: Int
        let figure: IndicatorFigure
    }
}

enum DashboardService {
    /// What the dashboard shows at a glance: plans, study, monthly content, thematic meetings,
    /// personal plans, reporting, commendations.
    static let keyCodes: [IndicatorCode] = [
        .unitPlans, .studyParticipation, .monthlyContent, .thematicMeetings, .personalPlans, .reporting, .commendations,
    ]

    /// Years the trend covers, the selected one included.
    static let trendYears = 5

    /// II.5's headline counts meetings; the dashboard shows its rule, the share of cells holding
    /// one every quarter (its first sub-figure). Every other key indicator shows its headline.
    static func keyFigure(_ result: IndicatorResult) -> IndicatorFigure {
        result.definition.code == .thematicMeetings ? (result.parts.first ?? result.value) : result.value
    }

    static func keyLabel(_ result: IndicatorResult) -> String {
        result.definition.code == .thematicMeetings ? (result.parts.first?.label ?? result.definition.label) : result.definition.label
    }

    /// The unit and year as `/chi-tieu` takes them (`IndicatorReport.scope`): members 403; a unit
    /// outside the scope or unknown 404; without a unit, the account's scope root (an
    /// administrator: the first root); without a year, this year to today. A year after this one
    /// has nothing to show and is refused (422). What is returned is `shown` of the dashboard; with
    /// a cache, that is kept while the data version is the one it was computed at (the key is the
    /// unit the access check resolved), so `shown` must depend on the dashboard only.
    static func load<Shown: Sendable>(unit code: String?, year: String?, access: Access, cache: DashboardCache<Shown>? = nil,
                                      today: LocalDate = .today(),
                                      shown: @escaping @Sendable (Dashboard) -> Shown) async throws -> Shown {
        let (unit, period) = try await IndicatorReport.scope(.init(unit: code, year: year), access: access, today: today)
        guard period.to.year <= today.year else {
            throw InvalidInput([ValidationFailure(field: "year", message: "Năm không được sau năm hiện tại (\(today.year)).")])
        }
        let db = access.db
        guard let cache else { return shown(try await compute(unit, period, today: today, on: db)) }
        return try await cache.dashboard(.init(unit: unit.id, from: period.from, to: period.to, today: today),
                                         version: try await DataVersion.current(on: db),
                                         keep: { try await DataVersion.settled(on: db) },
                                         compute: { shown(try await compute(unit, period, today: today, on: db)) })
    }

    /// The figures and the grid, from the database.
    private static func compute(_ unit: UnitRef, _ period: IndicatorPeriod, today: LocalDate,
                                on db: any Database) async throws -> Dashboard {
        let results = try await keyResults(unit, period, today: today, on: db)
        let glance = keyCodes.map { results[period.to.year]![$0]! }
        let trend = trendCodes.map { code in
            Dashboard.Series(code: code, label: keyLabel(results[period.to.year]![code]!), points: results.keys.sorted().map { year in
                Dashboard.Point(year: year, figure: keyFigure(results[year]![code]!))
            })
        }
        let grid = try await ComplianceGrid.load(unit, period, on: db)
        return Dashboard(unit: unit, period: period, glance: glance, trend: trend, grid: grid)
    }

    /// The key indicators whose trend is drawn: the shares.
    static let trendCodes = keyCodes.filter { $0 == .thematicMeetings || $0.definition.measure == .share }

    /// The key indicators of the selected year and of the years before, by year: the years are
    /// the columns of one rollup, so each key indicator is one statement for all five
    /// (`Indicators.columns`; C.1 made from its sources'). The years before are counted over the
    /// selected period's tree, so a unit formed by a merger shows the history of what it took in.
    private static func keyResults(_ unit: UnitRef, _ period: IndicatorPeriod, today: LocalDate,
                                   on db: any Database) async throws -> [Int: [IndicatorCode: IndicatorResult]] {
        let years = Array((period.to.year - trendYears + 1)...period.to.year)
        let columns = years.map { year in
            IndicatorRollup.Column(root: unit.id, period: year == period.to.year ? period : .year(year, today: today))
        }
        let results = try await Indicators.columns(IndicatorRollup(columns: columns, treeDay: period.to), codes: Set(keyCodes), on: db)
        return Dictionary(uniqueKeysWithValues: zip(years, results).map { year, results in
            (year, Dictionary(uniqueKeysWithValues: results.map { ($0.definition.code, $0) }))
        })
    }
}
