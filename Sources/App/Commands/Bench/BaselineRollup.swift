import Domain
import Fluent
import SQLKit

/// The benchmark's baseline (issue 7 §2): the numbers of `IndicatorTables.rollup`, computed by
/// hand-written set-based SQL of its own. The subtrees of the root and of each unit directly below
/// are read once from `unit_closure_history` into a temporary table; then each indicator is one
/// grouped statement (two for a few) that yields every year column, the total and every branch at
/// once. Each column holds, per indicator, the figures flattened as `BaselineTable.flatten` does.
struct BaselineRollup {
    let sql: any SQLDatabase
    let root: Int
    let period: IndicatorPeriod
    /// The year columns, then the total, then the branches.
    let columnCount: Int

    var treeDay: String { period.to.iso }
    var from: String { period.from.iso }
    var to: String { period.to.iso }
    var firstYear: Int { period.years.lowerBound }
    var lastYear: Int { period.years.upperBound }

    /// The whole table, in one transaction (temporary tables live on one connection).
    static func compute(root: Int, period: IndicatorPeriod, on db: any Database) async throws -> BaselineTable {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let branches = try await children(of: root, on: period.to, sql)
            let years = RollupTable.yearSlices(of: period).map(\.period)
            let baseline = BaselineRollup(sql: sql, root: root, period: period, columnCount: years.count + 1 + branches.count)
            try await baseline.createTables(years: years, branches: branches.map(\.id))
            var figures = try await baseline.plans()
            figures.merge(try await baseline.records(), uniquingKeysWith: { a, _ in a })
            figures.merge(try await baseline.meetings(), uniquingKeysWith: { a, _ in a })
            figures[.reporting] = baseline.reporting(figures)
            try await baseline.dropTables()
            return BaselineTable(yearCount: years.count, branchCodes: branches.map(\.code), figures: figures)
        }
    }

    /// The units directly below `root` in the tree of `day`, by code.
    static func children(of root: Int, on day: LocalDate, _ sql: any SQLDatabase) async throws -> [(id: Int, code: String)] {
        struct Row: Decodable { let id: Int; let code: String }
        return try await sql.raw("""
            SELECT u.id, u.code FROM org_units u WHERE u.id IN (SELECT h.descendant_id FROM unit_closure_history h \
            WHERE h.ancestor_id = \(bind: root) AND h.depth = 1 AND h.valid_from <= \(bind: day.iso) \
            AND (h.valid_to IS NULL OR h.valid_to > \(bind: day.iso))) ORDER BY u.code
            """).all(decoding: Row.self).map { ($0.id, $0.code) }
    }

    private static let tables = ["bench_tree", "bench_cols", "bench_years", "bench_months", "bench_quarters"]

    /// bench_tree (anc, unit_id): the subtree of the root and of each branch on the tree day;
    /// bench_cols: each column's ancestor, days and years; bench_years, bench_months,
    /// bench_quarters: the calendar pieces of the period (months and quarters unclipped).
    private func createTables(years: [IndicatorPeriod], branches: [Int]) async throws {
        try await dropTables()
        try await sql.raw("CREATE TEMPORARY TABLE bench_tree (anc INTEGER NOT NULL, unit_id INTEGER NOT NULL)").run()
        try await sql.raw("""
            CREATE TEMPORARY TABLE bench_cols (col INTEGER NOT NULL, anc INTEGER NOT NULL, d1 TEXT NOT NULL, d2 TEXT NOT NULL, \
            y1 INTEGER NOT NULL, y2 INTEGER NOT NULL, yd1 TEXT NOT NULL, yd2 TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE TEMPORARY TABLE bench_years (y INTEGER NOT NULL, yf TEXT NOT NULL, yl TEXT NOT NULL)").run()
        try await sql.raw("CREATE TEMPORARY TABLE bench_months (month TEXT NOT NULL, mf TEXT NOT NULL, ml TEXT NOT NULL)").run()
        try await sql.raw("CREATE TEMPORARY TABLE bench_quarters (qf TEXT NOT NULL, ql TEXT NOT NULL)").run()
        let ancestors = [root] + branches
        try await sql.raw("""
            INSERT INTO bench_tree (anc, unit_id) SELECT DISTINCT h.ancestor_id, h.descendant_id FROM unit_closure_history h \
            WHERE h.ancestor_id IN (\(binds: ancestors)) AND h.valid_from <= \(bind: treeDay) \
            AND (h.valid_to IS NULL OR h.valid_to > \(bind: treeDay))
            """).run()
        try await sql.raw("CREATE INDEX bench_tree_unit ON bench_tree (unit_id, anc)").run()
        let cols: [(anc: Int, period: IndicatorPeriod)] = years.map { (root, $0) } + [(root, period)] + branches.map { ($0, period) }
        let colRows: [SQLQueryString] = cols.enumerated().map { index, c in
            let p = c.period
            return """
                (\(literal: index), \(literal: c.anc), \(bind: p.from.iso), \(bind: p.to.iso), \(literal: p.years.lowerBound), \
                \(literal: p.years.upperBound), \(bind: LocalDate.firstOf(year: p.years.lowerBound).iso), \
                \(bind: LocalDate.lastOf(year: p.years.upperBound).iso))
                """
        }
        for chunk in colRows.chunked(into: 100) {
            try await sql.raw("INSERT INTO bench_cols (col, anc, d1, d2, y1, y2, yd1, yd2) VALUES \(Array(chunk).joined(separator: ", "))").run()
        }
        let yearRows: [SQLQueryString] = period.years.map { y in
            "(\(literal: y), \(bind: LocalDate.firstOf(year: y).iso), \(bind: LocalDate.lastOf(year: y).iso))"
        }
        try await sql.raw("INSERT INTO bench_years (y, yf, yl) VALUES \(yearRows.joined(separator: ", "))").run()
        var monthRows: [SQLQueryString] = [], month = period.from.firstOfMonth
        while month <= period.to {
            monthRows.append("(\(bind: String(month.iso.prefix(7))), \(bind: month.iso), \(bind: month.adding(months: 1).adding(days: -1).iso))")
            month = month.adding(months: 1)
        }
        try await sql.raw("INSERT INTO bench_months (month, mf, ml) VALUES \(monthRows.joined(separator: ", "))").run()
        var quarterRows: [SQLQueryString] = []
        var quarter = LocalDate(year: period.from.year, month: period.from.quarter * 3 - 2, day: 1)!
        while quarter <= period.to {
            quarterRows.append("(\(bind: quarter.iso), \(bind: quarter.adding(months: 3).adding(days: -1).iso))")
            quarter = quarter.adding(months: 3)
        }
        try await sql.raw("INSERT INTO bench_quarters (qf, ql) VALUES \(quarterRows.joined(separator: ", "))").run()
        if sql.dialect.name == "postgresql" {
            // Temporary tables are never analysed by autovacuum; the planner needs their sizes.
            for table in Self.tables { try await sql.raw("ANALYZE \(ident: table)").run() }
        }
    }

    /// The tables `materialise` makes.
    private static let materialised = ["bench_due", "bench_pres", "bench_sy"]

    private func dropTables() async throws {
        for table in Self.tables + Self.materialised { try await sql.raw("DROP TABLE IF EXISTS \(ident: table)").run() }
    }

    /// Makes the temporary table `table` of `select`'s rows, indexed on `key`. A table, not a
    /// CTE: SQLite joins a CTE without an index, once per row of the other side. Literals only in
    /// `select`: PostgreSQL takes no bound parameters in CREATE TABLE … AS.
    func materialise(_ table: String, key: [String], _ select: SQLQueryString) async throws {
        precondition(Self.materialised.contains(table))
        try await sql.raw("DROP TABLE IF EXISTS \(ident: table)").run()
        try await sql.raw("CREATE TEMPORARY TABLE \(ident: table) AS \(select)").run()
        let columns = key.map { SQLQueryString("\(ident: $0)") }.joined(separator: ", ")
        try await sql.raw("CREATE INDEX \(ident: table + "_key") ON \(ident: table) (\(columns))").run()
        if sql.dialect.name == "postgresql" { try await sql.raw("ANALYZE \(ident: table)").run() }
    }

    /// Joins a record's unit `column` to the columns whose subtree holds it (aliases t, c).
    func under(_ column: SQLQueryString) -> SQLQueryString {
        "JOIN bench_tree t ON t.unit_id = \(column) JOIN bench_cols c ON c.anc = t.anc"
    }

    /// Reads one number of a row by column name; NULL (a SUM over nothing) reads as 0.
    typealias Get = (String) throws -> Int

    /// Runs a statement grouped by `col` and makes each column's figures with `shape`; a column
    /// without rows gets `shape` of zeros.
    func grouped(_ query: SQLQueryString, _ shape: (Get) throws -> [Int]) async throws -> [[Int]] {
        var out = Array(repeating: try shape { _ in 0 }, count: columnCount)
        for row in try await sql.raw(query).all() {
            let col = try row.decode(column: "col", as: Int.self)
            out[col] = try shape { name in try row.decodeNil(column: name) ? 0 : row.decode(column: name, as: Int.self) }
        }
        return out
    }

    /// `SUM(CASE WHEN condition THEN 1 ELSE 0 END) AS name`.
    func count(_ condition: SQLQueryString, as name: String) -> SQLQueryString {
        "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END) AS \(ident: name)"
    }

    /// One counting column per value of `column`, named `prefix`0, `prefix`1…
    func counts(_ column: SQLQueryString, _ values: [String], _ prefix: String) -> SQLQueryString {
        values.enumerated().map { i, v in count("\(column) = \(bind: v)", as: "\(prefix)\(i)") }.joined(separator: ", ")
    }

    /// The figures of those columns as counts (numerator, 0).
    func countFigures(_ get: Get, _ n: Int, _ prefix: String) throws -> [Int] {
        try (0..<n).flatMap { [try get("\(prefix)\($0)"), 0] }
    }
}
