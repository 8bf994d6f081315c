import Domain
import SQLKit

/// Who and what is expected to hold a record in a year (DESIGN.md §2: each unit and member is
/// counted only for the time it existed). The one definition for deadline pages, secretaries'
/// overviews and the indicators' denominators.
enum Expected {
    /// A unit makes a yearly plan unless it is a chi bộ trực thuộc (a cell inside a grassroots
    /// committee, whose plan is its committee's): condition on `k`, the unit's `unit_kinds` row.
    static let planMakingKind: SQLQueryString = "NOT (k.is_cell AND NOT k.is_grassroots)"

    /// `SELECT u.id AS unit_id` of the units expected to have a plan for `year`: a plan-making
    /// kind, in existence on at least one day of the year.
    static func planUnitsSQL(year: Int) -> SQLQueryString {
        """
        SELECT u.id AS unit_id FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \
        WHERE \(planMakingKind) AND \(aliveSQL("u", LocalDate.firstOf(year: year), LocalDate.lastOf(year: year)))
        """
    }

    /// `SELECT DISTINCT m.person_id AS person_id, m.unit_id AS unit_id` of the party members
    /// expected to write a personal plan for `year`: a membership open on at least one day of the
    /// year. A member who moved during the year has a row for each unit.
    static func planMembersSQL(year: Int) -> SQLQueryString {
        membersSQL(LocalDate.firstOf(year: year)...LocalDate.lastOf(year: year))
    }

    /// `SELECT u.id AS unit_id, mo.column1 AS month` of the cell-months expected to hold a
    /// regular meeting within `range` (months as "2024-03"): every month of which the cell
    /// existed on at least one day, clipped to `range`.
    static func cellMonthsSQL(_ range: ClosedRange<LocalDate>) -> SQLQueryString {
        var values: [SQLQueryString] = []
        var month = range.lowerBound.firstOfMonth
        while month <= range.upperBound {
            let end = month.adding(months: 1).adding(days: -1)
            values.append("(\(bind: String(month.iso.prefix(7))), \(bind: max(month, range.lowerBound).iso), \(bind: min(end, range.upperBound).iso))")
            month = month.adding(months: 1)
        }
        return """
            SELECT u.id AS unit_id, mo.column1 AS month FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \
            JOIN (VALUES \(values.joined(separator: ", "))) AS mo ON u.founded_on <= mo.column3 \
            AND (u.dissolved_on IS NULL OR u.dissolved_on > mo.column2) WHERE k.is_cell
            """
    }

    /// `SELECT u.id AS unit_id` of the plan-making units in existence on at least one day of
    /// `range` (for "alive on day b", a one-day range).
    static func planUnitsSQL(alive range: ClosedRange<LocalDate>) -> SQLQueryString {
        """
        SELECT u.id AS unit_id FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \
        WHERE \(planMakingKind) AND \(aliveSQL("u", range.lowerBound, range.upperBound))
        """
    }

    /// `SELECT u.id AS unit_id` of the TCCS (đảng bộ cơ sở, chi bộ cơ sở: `is_grassroots`
    /// kinds) in existence on at least one day of `range`.
    static func grassrootsUnitsSQL(_ range: ClosedRange<LocalDate>) -> SQLQueryString {
        """
        SELECT u.id AS unit_id FROM org_units u JOIN unit_kinds k ON k.code = u.kind_code \
        WHERE k.is_grassroots AND \(aliveSQL("u", range.lowerBound, range.upperBound))
        """
    }

    /// `SELECT u.id AS unit_id, qu.column1 AS first_day, qu.column2 AS last_day` of the
    /// cell-quarters expected to hold a thematic meeting within `range`: every calendar quarter
    /// (first and last day as ISO text) of which the cell existed on at least one day, clipped to
    /// `range` — the quarterly twin of `cellMonthsSQL`.
    static func cellQuartersSQL(_ range: ClosedRange<LocalDate>) -> SQLQueryString {
        var values: [SQLQueryString] = []
        var quarter = LocalDate(year: range.lowerBound.year, month: range.lowerBound.quarter * 3 - 2, day: 1)!
        while quarter <= range.upperBound {
            let end = quarter.adding(months: 3).adding(days: -1)
            values.append("(\(bind: quarter.iso), \(bind: end.iso), \(bind: max(quarter, range.lowerBound).iso), \(bind: min(end, range.upperBound).iso))")
            quarter = quarter.adding(months: 3)
        }
        return """
            SELECT u.id AS unit_id, qu.column1 AS first_day, qu.column2 AS last_day FROM org_units u \
            JOIN unit_kinds k ON k.code = u.kind_code \
            JOIN (VALUES \(values.joined(separator: ", "))) AS qu ON u.founded_on <= qu.column4 \
            AND (u.dissolved_on IS NULL OR u.dissolved_on > qu.column3) WHERE k.is_cell
            """
    }

    /// `SELECT DISTINCT m.person_id AS person_id, m.unit_id AS unit_id` of the party members
    /// with a membership open on at least one day of `range` (`planMembersSQL` for any period).
    static func membersSQL(_ range: ClosedRange<LocalDate>) -> SQLQueryString {
        """
        SELECT DISTINCT m.person_id AS person_id, m.unit_id AS unit_id FROM memberships m \
        JOIN people p ON p.id = m.person_id \
        WHERE \(memberOpenSQL(first: "\(bind: range.lowerBound.iso)", last: "\(bind: range.upperBound.iso)"))
        """
    }

    /// Condition on `m` (a `memberships` row) and `p` (its person): a party member's membership
    /// open on at least one day of [first, last] (ISO text expressions: binds, or columns of a
    /// grouped statement, `IndicatorRollup.memberYears`).
    static func memberOpenSQL(first: SQLQueryString, last: SQLQueryString) -> SQLQueryString {
        """
        p.category = \(bind: PersonCategory.partyMember.rawValue) \
        AND m.valid_from <= \(last) AND (m.valid_to IS NULL OR m.valid_to > \(first))
        """
    }

    /// Condition: the unit `alias` existed on at least one day of [first, last]
    /// (`dissolved_on` is the first day it no longer exists).
    static func aliveSQL(_ alias: String, _ first: LocalDate, _ last: LocalDate) -> SQLQueryString {
        aliveSQL(alias, first: "\(bind: first.iso)", last: "\(bind: last.iso)")
    }

    /// The same, for days given as SQL expressions (ISO text: binds, or columns of a grouped
    /// statement such as `c.d1`, `c.d2`).
    static func aliveSQL(_ alias: String, first: SQLQueryString, last: SQLQueryString) -> SQLQueryString {
        "\(ident: alias).founded_on <= \(last) AND (\(ident: alias).dissolved_on IS NULL OR \(ident: alias).dissolved_on > \(first))"
    }
}
