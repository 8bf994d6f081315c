import Domain
import Fluent
import SQLKit

/// The due date that binds a record: the one set (in `due_dates`) by the nearest unit above the
/// record's unit — or the unit itself, for kinds whose setter's own records are bound (personal
/// plans). A due date earlier than the unit's founding does not bind it: a unit founded in July is
/// not late for January's date (the nearest setter whose date it lived to see applies, if any).
/// One definition for deadline pages, "late" flags and the on-time shares of indicators.
enum DueDates {
    /// SQL scalar subquery: the binding due date (ISO text, or NULL) of kind `kind` for the year
    /// `yearSQL` and the unit `unitSQL` (both expressions of the enclosing query).
    static func dueSQL(_ kind: DueKind, unitSQL: SQLQueryString, yearSQL: SQLQueryString) -> SQLQueryString {
        let minDepth = kind.includesSetter ? 0 : 1
        return """
            (SELECT dd.due_on FROM due_dates dd JOIN unit_closure dc ON dc.ancestor_id = dd.unit_id \
            WHERE dc.descendant_id = \(unitSQL) AND dc.depth >= \(literal: minDepth) \
            AND dd.kind = \(bind: kind.rawValue) AND dd.year = \(yearSQL) \
            AND dd.due_on >= (SELECT fu.founded_on FROM org_units fu WHERE fu.id = \(unitSQL)) ORDER BY dc.depth LIMIT 1)
            """
    }

    /// `unit_id, year, due_on`: the binding due date of each (unit, year) pair `pairs` selects
    /// (`SELECT DISTINCT … AS unit_id, … AS year`), `dueSQL` looked up once per pair instead of once
    /// per record: a statement over many records of few units groups them by (unit, year) first.
    static func byUnitYearSQL(_ kind: DueKind, pairs: SQLQueryString) -> SQLQueryString {
        "SELECT k.unit_id AS unit_id, k.year AS year, \(dueSQL(kind, unitSQL: "k.unit_id", yearSQL: "k.year")) AS due_on FROM (\(pairs)) k"
    }

    /// The binding due date for `unitID`'s record of `kind` and `year`; nil when none is set.
    static func due(_ kind: DueKind, unit unitID: Int, year: Int, on db: any Database) async throws -> LocalDate? {
        struct Row: Decodable { let due: String? }
        let sql: SQLQueryString = "SELECT \(dueSQL(kind, unitSQL: "u.id", yearSQL: "\(bind: year)")) AS due FROM org_units u WHERE u.id = \(bind: unitID)"
        let row = try await (db as! any SQLDatabase).raw(sql).first(decoding: Row.self)
        return row?.due.flatMap(LocalDate.init)
    }
}
