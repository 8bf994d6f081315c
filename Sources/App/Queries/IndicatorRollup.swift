import Domain
import Fluent
import SQLKit

/// Where and when a rollup counts (DESIGN.md §2): the records dated in the period of the units
/// under `root` in the tree as it stood on the period's last day (`unit_closure_history`, where a
/// unit dissolved earlier hangs under its successors).
struct IndicatorRollup: Sendable {
    let root: Int
    let period: IndicatorPeriod
    /// The day whose tree decides what lies under the root: the period's last day, or, for a
    /// year column of a longer period, that longer period's last day (so the columns add up).
    let treeDay: LocalDate

    init(root: Int, period: IndicatorPeriod, treeDay: LocalDate? = nil) {
        self.root = root
        self.period = period
        self.treeDay = treeDay ?? period.to
    }

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

    /// Condition: the ISO day `column` lies in the period.
    func dated(_ column: SQLQueryString) -> SQLQueryString {
        "\(column) BETWEEN \(bind: from.iso) AND \(bind: to.iso)"
    }

    /// Condition: the year `column` is one the period touches.
    func inYears(_ column: SQLQueryString) -> SQLQueryString {
        "\(column) BETWEEN \(literal: period.years.lowerBound) AND \(literal: period.years.upperBound)"
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

    /// `person_id, unit_id` of the party members of the subtree at any time of the period.
    func members() -> SQLQueryString {
        Expected.membersSQL(range, within: under)
    }

    /// `person_id, year` of the members expected to write a personal plan, one row per member and
    /// year the period touches, for memberships in the subtree.
    func planMemberYears() -> SQLQueryString {
        let years: [SQLQueryString] = period.years.map { year in
            """
            SELECT DISTINCT em.person_id AS person_id, \(literal: year) AS year \
            FROM (\(Expected.planMembersSQL(year: year, within: under))) em
            """
        }
        return years.joined(separator: " UNION ALL ")
    }
}

/// The indicators of `IndicatorDefinition.all`, each computed by one SQL statement (the
/// `Indicators+…` files), C.1 from three of them. Nothing is counted in Swift: a statement
/// returns one row of figures.
enum Indicators {
    static func compute(_ rollup: IndicatorRollup, on db: any Database) async throws -> [IndicatorResult] {
        try await compute([rollup], on: db)[0]
    }

    /// Every indicator for each rollup, in `IndicatorCode` order. The statements are independent
    /// reads and run side by side as far as the connections of `db`'s event loop allow
    /// (PostgreSQL: four, `configure`), so none waits in the pool's queue long enough to time out;
    /// SQLite has one connection an event loop, and a transaction one: one at a time there. A
    /// derived indicator (C.1) is made from its sources' results, with no statement of its own.
    static func compute(_ rollups: [IndicatorRollup], on db: any Database) async throws -> [[IndicatorResult]] {
        let sql = db as! any SQLDatabase
        let codes = IndicatorCode.allCases.filter { !derived.contains($0) }
        let jobs = rollups.indices.flatMap { r in codes.map { (r, $0) } }
        let width = db.inTransaction || sql.dialect.name == "sqlite" ? 1 : 4
        var results = rollups.map { _ in [IndicatorCode: IndicatorResult]() }
        try await withThrowingTaskGroup(of: (Int, IndicatorResult).self) { group in
            var next = 0
            func start() {
                guard next < jobs.count else { return }
                let (r, code) = jobs[next]
                next += 1
                group.addTask { (r, try await compute(code, rollups[r], on: sql)) }
            }
            for _ in 0..<width { start() }
            while let (r, result) = try await group.next() {
                results[r][result.definition.code] = result
                start()
            }
        }
        return results.map { byCode in
            var byCode = byCode
            addDerived(to: &byCode)
            return IndicatorCode.allCases.map { byCode[$0]! }
        }
    }

    static func compute(_ code: IndicatorCode, _ r: IndicatorRollup, on sql: any SQLDatabase) async throws -> IndicatorResult {
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

    /// The one row an aggregate statement returns, read by column name.
    struct Row {
        let row: any SQLRow

        static func of(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> Row {
            guard let row = try await sql.raw(query).first() else { throw IndicatorQueryError.noRow }
            return Row(row: row)
        }

        /// SQLite answers NULL for a SUM over no rows; every count reads as 0 then.
        func int(_ column: String) throws -> Int {
            try row.decodeNil(column: column) ? 0 : row.decode(column: column, as: Int.self)
        }
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
