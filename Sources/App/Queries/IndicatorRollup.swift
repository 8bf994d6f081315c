import Domain
import Fluent
import SQLKit

/// Where and when a rollup counts (DESIGN.md §2): one or more columns, each the records dated
/// in a period of the units under a root, all over the tree as it stood on one day
/// (`unit_closure_history`, where a unit dissolved earlier hangs under its successors).
///
/// A rollup table's year columns, total and branches are the columns of one rollup, so each
/// indicator is one statement grouped by column (`columnsSQL`, `join`, `Indicators.rows`)
/// instead of one statement per column: the database reads each table once for the whole table.
struct IndicatorRollup: Sendable {
    struct Column: Sendable, Hashable {
        let root: Int
        let period: IndicatorPeriod
    }

    let columns: [Column]
    /// The day whose tree decides what lies under each root: the period's last day, or, for the
    /// year columns of a longer period, that longer period's last day (so the columns add up).
    let treeDay: LocalDate

    init(columns: [Column], treeDay: LocalDate) {
        precondition(!columns.isEmpty, "a rollup has at least one column")
        self.columns = columns
        self.treeDay = treeDay
    }

    /// One column: `root`'s subtree over `period`.
    init(root: Int, period: IndicatorPeriod, treeDay: LocalDate? = nil) {
        self.init(columns: [Column(root: root, period: period)], treeDay: treeDay ?? period.to)
    }

    // MARK: - Grouped statements (every column at once)

    /// The first and last day any column counts, and the years any column touches: a filter on
    /// every column at once, so an index on a record's day or year narrows the rows before they
    /// are joined to the columns.
    var firstDay: LocalDate { columns.map(\.period.from).min()! }
    var lastDay: LocalDate { columns.map(\.period.to).max()! }
    var years: ClosedRange<Int> { firstDay.year...lastDay.year }

    /// One row per column: `col` (its index), `anc` (its root), `d1`, `d2` (its first and last
    /// day, ISO text), `y1`, `y2` (the first and last calendar year it touches) and `yd1`, `yd2`
    /// (the first day of `y1` and the last day of `y2`). One `VALUES` list (named columns read from
    /// `column1`… as both databases name them): PostgreSQL keeps it one scan, where a `UNION ALL` of
    /// constant rows is pulled up into one sub-plan per column.
    var columnsSQL: SQLQueryString {
        let rows: [SQLQueryString] = columns.enumerated().map { index, column in
            let p = column.period
            return """
                (\(literal: index), \(literal: column.root), \(literal: p.from.iso), \(literal: p.to.iso), \
                \(literal: p.years.lowerBound), \(literal: p.years.upperBound), \
                \(literal: LocalDate.firstOf(year: p.years.lowerBound).iso), \(literal: LocalDate.lastOf(year: p.years.upperBound).iso))
                """
        }
        return """
            SELECT v.column1 AS col, v.column2 AS anc, v.column3 AS d1, v.column4 AS d2, v.column5 AS y1, v.column6 AS y2, \
            v.column7 AS yd1, v.column8 AS yd2 FROM (VALUES \(rows.joined(separator: ", "))) AS v
            """
    }

    /// Joins the unit id `unit` (an expression of the query) to every column whose root has it
    /// in its subtree on the tree day: a row of the query becomes one row per such column, the
    /// column's fields under the alias `c` (see `columnsSQL`; the closure row is `h`). Pass other
    /// aliases for a second join in the same statement.
    func join(_ unit: SQLQueryString, as c: String = "c", closure h: String = "h") -> SQLQueryString {
        let roots: [SQLQueryString] = Array(Set(columns.map(\.root))).sorted().map { "\(literal: $0)" }
        return """
            JOIN unit_closure_history \(ident: h) ON \(ident: h).descendant_id = \(unit) \
            AND \(ident: h).ancestor_id IN (\(roots.joined(separator: ", "))) AND \(ident: h).valid_from <= \(literal: treeDay.iso) \
            AND (\(ident: h).valid_to IS NULL OR \(ident: h).valid_to > \(literal: treeDay.iso)) \
            JOIN (\(columnsSQL)) \(ident: c) ON \(ident: c).anc = \(ident: h).ancestor_id
            """
    }

    // MARK: - One column (the review's lists of one unit and period)

    private var only: Column {
        precondition(columns.count == 1, "a one-column rollup is expected here")
        return columns[0]
    }

    var root: Int { only.root }
    var period: IndicatorPeriod { only.period }
    var from: LocalDate { period.from }
    var to: LocalDate { period.to }
    var range: ClosedRange<LocalDate> { period.from...period.to }

    /// Condition: the unit id `column` lies under the root on the tree day.
    func under(_ column: SQLQueryString) -> SQLQueryString {
        "\(column) IN (\(TreeIndex.descendantsSQL(of: root, on: treeDay)))"
    }

    /// Condition: the unit id `column` lies under the unit `ancestor` (an SQL expression, e.g. a
    /// column of the enclosing query) on the tree day.
    func under(_ column: SQLQueryString, ancestor: SQLQueryString) -> SQLQueryString {
        "\(column) IN (\(TreeIndex.descendantsSQL(ofSQL: ancestor, on: treeDay)))"
    }

    /// `unit_id, year, first_day, last_day` of the units expected to make a plan, one row per
    /// year the period touches, limited to the subtree.
    func planUnitYears() -> SQLQueryString {
        let years: [SQLQueryString] = period.years.map { year in
            """
            SELECT e.unit_id AS unit_id, \(literal: year) AS year, \(bind: LocalDate.firstOf(year: year).iso) AS first_day, \
            \(bind: LocalDate.lastOf(year: year).iso) AS last_day FROM (\(Expected.planUnitsSQL(year: year))) e \
            WHERE \(under("e.unit_id"))
            """
        }
        return years.joined(separator: " UNION ALL ")
    }

}

/// The indicators of `IndicatorDefinition.all`, each computed by one SQL statement grouped by
/// the rollup's columns (the `Indicators+…` files), C.1 from three of them. Nothing is counted
/// in Swift: a statement returns one row of figures per column.
enum Indicators {
    /// Every indicator for a one-column rollup, in `IndicatorCode` order.
    static func compute(_ rollup: IndicatorRollup, on db: any Database) async throws -> [IndicatorResult] {
        try await columns(rollup, on: db)[0]
    }

    /// The indicators `codes` for each column of `rollup`: per column, their results in
    /// `IndicatorCode` order. Each indicator is one statement for all the columns; the statements
    /// are independent reads and run side by side as far as the connections of `db`'s event loop
    /// allow (PostgreSQL: four, `configure`), so none waits in the pool's queue long enough to
    /// time out; SQLite has one connection an event loop, and a transaction one: one at a time
    /// there. A derived indicator (C.1) is made from its sources' results, with no statement of
    /// its own.
    static func columns(_ rollup: IndicatorRollup, codes: Set<IndicatorCode> = Set(IndicatorCode.allCases),
                        on db: any Database) async throws -> [[IndicatorResult]] {
        let sql = db as! any SQLDatabase
        let needed = Set(codes.flatMap { derived.contains($0) ? sources(of: $0) : [$0] })
        let jobs = IndicatorCode.allCases.filter(needed.contains)
        let width = db.inTransaction || sql.dialect.name == "sqlite" ? 1 : 4
        var byCode: [IndicatorCode: [IndicatorResult]] = [:]
        try await withThrowingTaskGroup(of: (IndicatorCode, [IndicatorResult]).self) { group in
            var next = 0
            func start() {
                guard next < jobs.count else { return }
                let code = jobs[next]
                next += 1
                group.addTask { (code, try await compute(code, rollup, on: sql)) }
            }
            for _ in 0..<width { start() }
            while let (code, results) = try await group.next() {
                byCode[code] = results
                start()
            }
        }
        return rollup.columns.indices.map { col in
            var results = byCode.mapValues { $0[col] }
            addDerived(to: &results)
            return IndicatorCode.allCases.filter(codes.contains).map { results[$0]! }
        }
    }

    /// One indicator for each column of `r`, in column order.
    static func compute(_ code: IndicatorCode, _ r: IndicatorRollup, on sql: any SQLDatabase) async throws -> [IndicatorResult] {
        switch code {
        case .guidanceDocuments: try await guidanceDocuments(r, sql)
        case .unitPlans: try await unitPlans(r, sql)
        case .breakthroughGoals: try await breakthroughGoals(r, sql)
        case .conductCodes: try await conductCodes(r, sql)
        case .studySessions: try await studySessions(r, sql)
        case .studyParticipation: try await studyParticipation(r, sql)
        case .grassrootsStudy: try await grassrootsStudy(r, sql)
        case .monthlyContent: try await monthlyContent(r, sql)
        case .thematicMeetings: try await thematicMeetings(r, sql)
        case .thematicDiscussion: try await thematicDiscussion(r, sql)
        case .personalPlans: try await personalPlans(r, sql)
        case .personalPlansFulfilled: try await personalPlansFulfilled(r, sql)
        case .practiceModels: try await practiceModels(r, sql)
        case .exemplars: try await exemplars(r, sql)
        case .gradings: try await gradings(r, sql)
        case .outreach: try await outreach(r, sql)
        case .contests: try await contests(r, sql)
        case .commendations: try await commendations(r, sql)
        case .praise: try await praise(r, sql)
        case .reporting: try await reporting(r, sql)
        }
    }

    /// One row of figures a statement returns, read by column name; a column of a grouped
    /// statement without rows reads as zeros.
    struct Row {
        let row: (any SQLRow)?

        static func of(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> Row {
            guard let row = try await sql.raw(query).first() else { throw IndicatorQueryError.noRow }
            return Row(row: row)
        }

        /// SQLite answers NULL for a SUM over no rows; every count reads as 0 then.
        func int(_ column: String) throws -> Int {
            guard let row else { return 0 }
            return try row.decodeNil(column: column) ? 0 : row.decode(column: column, as: Int.self)
        }
    }

    /// The rows of a statement grouped by column (it selects `c.col AS col`, `IndicatorRollup.join`),
    /// one per column of `r` in column order; a column the statement gave no row reads as zeros.
    static func rows(_ query: SQLQueryString, _ r: IndicatorRollup, on sql: any SQLDatabase) async throws -> [Row] {
        var out = r.columns.map { _ in Row(row: nil) }
        for row in try await sql.raw(query).all() {
            out[try row.decode(column: "col", as: Int.self)] = Row(row: row)
        }
        return out
    }

    /// `CASE WHEN <condition> THEN 1 ELSE 0 END`, summed by the enclosing query.
    static func flag(_ condition: SQLQueryString) -> SQLQueryString {
        "CASE WHEN \(condition) THEN 1 ELSE 0 END"
    }

    /// Columns counting the rows of each value of `column` (`prefix`0, `prefix`1… in `values` order).
    static func countsBy(_ column: SQLQueryString, _ values: [String], prefix: String = "c") -> SQLQueryString {
        values.enumerated().map { index, value -> SQLQueryString in
            "COALESCE(SUM(\(flag("\(column) = \(bind: value)"))), 0) AS \(ident: "\(prefix)\(index)")"
        }.joined(separator: ", ")
    }

    /// One count sub-figure per value, labelled, read from the `countsBy` columns.
    static func parts(_ row: Row, _ labels: [String], noun: String, prefix: String = "c") throws -> [IndicatorFigure] {
        try labels.enumerated().map { index, label in .count(try row.int("\(prefix)\(index)"), noun, label: label) }
    }
}

enum IndicatorQueryError: Error {
    case noRow
}
