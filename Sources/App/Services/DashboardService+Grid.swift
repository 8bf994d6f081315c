import Domain
import Fluent

/// II.4 by unit and month for one year: a row per unit directly below the dashboard's unit, and
/// one for the unit's own cell-months when it is a cell; a column per month, each the share of the
/// row's cell-months expected that month whose regular meeting carried the programme's content.
struct ComplianceGrid: Sendable {
    let year: Int
    /// The dashboard's unit.
    let root: Int
    let rows: [Row]

    struct Row: Sendable {
        let unit: UnitRef
        /// Months 1–12 in order.
        let months: [Month]

        /// The row's II.4 for the year: the sum of its months.
        var total: IndicatorFigure {
            IndicatorCode.monthlyContent.definition.figure(months.reduce(0) { $0 + $1.content },
                                                           of: months.reduce(0) { $0 + $1.expected })
        }
    }

    struct Month: Sendable {
        let month: Int
        /// Cell-months expected (0: the month is still ahead, or no cell of the row existed then).
        let expected: Int
        let content: Int

        var figure: IndicatorFigure { IndicatorCode.monthlyContent.definition.figure(content, of: expected) }
    }

    /// How many lagging units the dashboard names.
    static let laggingCount = 5

    /// The units below with the lowest II.4 share for the year (rows with nothing expected have no
    /// share), lowest first, by code among equals.
    var lagging: [Row] {
        let rated = rows.filter { $0.unit.id != root }.compactMap { row in row.total.rate.map { (row, $0) } }
        return Array(rated.sorted { ($0.1, $0.0.unit.code) < ($1.1, $1.0.unit.code) }.prefix(Self.laggingCount).map(\.0))
    }

    /// Two statements: the units directly below on the period's last day, then the grouped counts.
    /// The unit's own row leads when it has cell-months of its own, or stands alone when nothing
    /// is below it.
    static func load(_ unit: UnitRef, _ period: IndicatorPeriod, on db: any Database) async throws -> ComplianceGrid {
        let children = try await IndicatorTables.children(of: unit.id, on: period.to, db: db)
        let counts = try await DashboardQueries.complianceGrid(root: unit.id, period: period, on: db)
        let ownRow = children.isEmpty || counts.contains { $0.row_id == unit.id }
        let rowUnits = (ownRow ? [unit] : []) + children
        var byRow: [Int: [Int: DashboardQueries.GridCount]] = [:]
        for count in counts {
            guard let month = Int(count.month.suffix(2)) else { continue }
            byRow[count.row_id, default: [:]][month] = count
        }
        let rows = rowUnits.map { rowUnit in
            Row(unit: rowUnit, months: (1...12).map { m in
                let count = byRow[rowUnit.id]?[m]
                return Month(month: m, expected: count?.expected ?? 0, content: count?.content ?? 0)
            })
        }
        return ComplianceGrid(year: period.to.year, root: unit.id, rows: rows)
    }
}
