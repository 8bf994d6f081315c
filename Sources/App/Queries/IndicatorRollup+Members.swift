import Domain
import SQLKit

/// Grouped expected sets of members (every column at once): each membership is read once and
/// fanned out to the columns whose subtree holds its unit on the tree day (`join`). The rows are
/// one per membership: the caller groups them by column and member (and year), so a member who
/// moved between cells of one column counts once there, after joining what it counts per member.
extension IndicatorRollup {
    /// `col, d1, d2, person_id`: the party members with a membership in the column's subtree open
    /// on at least one day of its period (`Expected.memberOpenSQL`), a row per column and membership.
    func memberColumns() -> SQLQueryString {
        """
        SELECT c.col AS col, c.d1 AS d1, c.d2 AS d2, m.person_id AS person_id FROM memberships m \
        JOIN people p ON p.id = m.person_id \(join("m.unit_id")) \
        WHERE \(Expected.memberOpenSQL(first: "\(bind: firstDay.iso)", last: "\(bind: lastDay.iso)")) \
        AND \(Expected.memberOpenSQL(first: "c.d1", last: "c.d2"))
        """
    }

    /// `col, person_id, year`: the members expected to write a personal plan, a row per column,
    /// membership and year the column touches (a membership in its subtree open on a day of that
    /// calendar year, `Expected.planMembersSQL`).
    func memberYears() -> SQLQueryString {
        let first = LocalDate.firstOf(year: years.lowerBound).iso, last = LocalDate.lastOf(year: years.upperBound).iso
        return """
            SELECT c.col AS col, m.person_id AS person_id, y.y AS year FROM memberships m \
            JOIN people p ON p.id = m.person_id \(join("m.unit_id")) JOIN (\(yearsSQL)) y ON y.y BETWEEN c.y1 AND c.y2 \
            WHERE \(Expected.memberOpenSQL(first: "\(bind: first)", last: "\(bind: last)")) \
            AND \(Expected.memberOpenSQL(first: "y.yf", last: "y.yl"))
            """
    }

    /// `y, yf, yl`: every calendar year a column touches, with its first and last day (one
    /// `VALUES` list, as `columnsSQL`).
    var yearsSQL: SQLQueryString {
        let rows: [SQLQueryString] = years.map { year in
            "(\(literal: year), \(literal: LocalDate.firstOf(year: year).iso), \(literal: LocalDate.lastOf(year: year).iso))"
        }
        return "SELECT v.column1 AS y, v.column2 AS yf, v.column3 AS yl FROM (VALUES \(rows.joined(separator: ", "))) AS v"
    }

    /// `d1, d2`: the distinct periods of the columns (a table's total and branches share one),
    /// so a record dated in a period is matched once per period rather than once per column.
    var periodsSQL: SQLQueryString {
        var seen = Set<IndicatorPeriod>()
        let rows: [SQLQueryString] = columns.map(\.period).filter { seen.insert($0).inserted }.map { p in
            "(\(literal: p.from.iso), \(literal: p.to.iso))"
        }
        return "SELECT v.column1 AS d1, v.column2 AS d2 FROM (VALUES \(rows.joined(separator: ", "))) AS v"
    }
}
