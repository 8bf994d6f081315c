import Domain
import SQLKit

/// The expected sets of units (DESIGN.md §2) for every column of a rollup at once: the same rules
/// as `Expected`'s one-period sets, either computed once per unit and year (or day) under any
/// column's root and joined to the columns afterwards, or already joined to the columns (`col`)
/// where a column's own days clip them (cell-months, cell-quarters).
extension IndicatorRollup {
    /// Condition: the unit id `unit` lies under one of the columns' roots on the tree day — limits
    /// a set computed once per unit to the units some column counts.
    func underAnyRoot(_ unit: SQLQueryString) -> SQLQueryString {
        let roots: [SQLQueryString] = Set(columns.map(\.root)).sorted().map { "\(literal: $0)" }
        return """
            \(unit) IN (SELECT a.descendant_id FROM unit_closure_history a WHERE a.ancestor_id IN (\(roots.joined(separator: ", "))) \
            AND a.valid_from <= \(literal: treeDay.iso) AND (a.valid_to IS NULL OR a.valid_to > \(literal: treeDay.iso)))
            """
    }

    /// `unit_id, year, first_day, last_day` of the units expected to make a plan
    /// (`Expected.planUnitsSQL`), one row per year any column touches, under any root; a column
    /// takes the rows of its years (`year BETWEEN c.y1 AND c.y2`).
    func planUnitYearsOfColumns() -> SQLQueryString {
        years.map { year -> SQLQueryString in
            """
            SELECT e.unit_id AS unit_id, \(literal: year) AS year, \(literal: LocalDate.firstOf(year: year).iso) AS first_day, \
            \(literal: LocalDate.lastOf(year: year).iso) AS last_day FROM (\(Expected.planUnitsSQL(year: year))) e \
            WHERE \(underAnyRoot("e.unit_id"))
            """
        }.joined(separator: " UNION ALL ")
    }

    /// `unit_id, day` of the plan-making units alive on a column's last day
    /// (`Expected.planUnitsSQL(alive:)`), one row per distinct last day, under any root; a column
    /// takes the rows of its day (`day = c.d2`).
    func planUnitsOnLastDays() -> SQLQueryString {
        Set(columns.map(\.period.to)).sorted().map { day -> SQLQueryString in
            """
            SELECT e.unit_id AS unit_id, \(literal: day.iso) AS day FROM (\(Expected.planUnitsSQL(alive: day...day))) e \
            WHERE \(underAnyRoot("e.unit_id"))
            """
        }.joined(separator: " UNION ALL ")
    }

    /// `col, unit_id, month` of each column's cell-months (`Expected.cellMonthsSQL` of its days):
    /// every month ("2024-03") of which the cell existed on at least one day, clipped to the
    /// column's days, for the cells under the column's root.
    func cellMonthsOfColumns() -> SQLQueryString {
        var values: [SQLQueryString] = []
        var month = firstDay.firstOfMonth
        while month <= lastDay {
            let end = month.adding(months: 1).adding(days: -1)
            values.append("(\(literal: String(month.iso.prefix(7))), \(literal: month.iso), \(literal: end.iso))")
            month = month.adding(months: 1)
        }
        return """
            SELECT c.col AS col, u.id AS unit_id, mo.column1 AS month FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \
            \(join("u.id")) JOIN (VALUES \(values.joined(separator: ", "))) AS mo ON mo.column3 >= c.d1 AND mo.column2 <= c.d2 \
            AND \(Self.alive("u", from: "mo.column2", to: "mo.column3")) WHERE k.is_cell
            """
    }

    /// `col, unit_id, first_day, last_day` of each column's cell-quarters (`Expected.cellQuartersSQL`
    /// of its days): every calendar quarter (its whole days) of which the cell existed on at least
    /// one day within the column's days, for the cells under the column's root.
    func cellQuartersOfColumns() -> SQLQueryString {
        """
        SELECT c.col AS col, u.id AS unit_id, qu.column1 AS first_day, qu.column2 AS last_day FROM org_units u \
        JOIN unit_kinds k ON k.code = u.kind_code \(join("u.id")) JOIN \(quartersSQL) AS qu \
        ON qu.column2 >= c.d1 AND qu.column1 <= c.d2 AND \(Self.alive("u", from: "qu.column1", to: "qu.column2")) WHERE k.is_cell
        """
    }

    /// `(VALUES (first day, last day), …)`: the calendar quarters any column touches, whole.
    var quartersSQL: SQLQueryString {
        var values: [SQLQueryString] = []
        var quarter = LocalDate(year: firstDay.year, month: firstDay.quarter * 3 - 2, day: 1)!
        while quarter <= lastDay {
            values.append("(\(literal: quarter.iso), \(literal: quarter.adding(months: 3).adding(days: -1).iso))")
            quarter = quarter.adding(months: 3)
        }
        return "(VALUES \(values.joined(separator: ", ")))"
    }

    /// Condition: the unit `alias` existed on at least one day of [first, last] ∩ [c.d1, c.d2]
    /// (`Expected.aliveSQL` with the column's days clipping a month or quarter).
    private static func alive(_ alias: String, from first: SQLQueryString, to last: SQLQueryString) -> SQLQueryString {
        Expected.aliveSQL(alias, first: "(CASE WHEN \(first) > c.d1 THEN \(first) ELSE c.d1 END)",
                          last: "(CASE WHEN \(last) < c.d2 THEN \(last) ELSE c.d2 END)")
    }
}

extension Indicators {
    /// One statement from several grouped by column (`parts`, each selecting `col` and the
    /// figures `names`, zeros for the figures it does not count): the sum of each figure per column.
    static func merged(_ parts: [SQLQueryString], _ names: [String]) -> SQLQueryString {
        let sums: [SQLQueryString] = names.map { "CAST(COALESCE(SUM(\(ident: "t").\(ident: $0)), 0) AS BIGINT) AS \(ident: $0)" }
        let union: [SQLQueryString] = parts.map { "\($0)" }
        return """
            SELECT t.col AS col, \(sums.joined(separator: ", ")) FROM (\(union.joined(separator: " UNION ALL "))) t GROUP BY t.col
            """
    }
}
