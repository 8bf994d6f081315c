@testable import App
import Domain
import Fluent
import Testing
import Vapor

/// Issue 7 §3: the expected sets of units computed once for every column of a rollup
/// (`IndicatorRollup+Units`) clip to each column as the one-column sets did — a cell founded in
/// the middle of a month of a year column, a cell dissolved in the middle of a quarter, a cell
/// that lived only before the period's first day of its month, unit-years counted by the whole
/// year, units alive on each column's own last day — against hand counts, on SQLite and PostgreSQL.
@Suite struct GroupedRollupUnitsTests {
    /// Columns: 2023 (from 15/11), 2024, 2025 (to 20/8), the total, then A and B.
    static let period = try! IndicatorPeriod(from: day("2023-11-15"), to: day("2025-08-20"))

    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    /// Fixtures' tree (TU → A → A1, TU → B → B1, from 2020) and two short-lived cells:
    /// A2 (20/3/2024 – 9/5/2025, merged into A1) and B2 (10/11 – 13/11/2023, merged into B1).
    static func insert(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_CO_SO", parent: tree.a, founded: day("2024-03-20"))
        let b2 = try await Fixtures.unit(app, "B2", "Chi bộ B2", kind: "CB_CO_SO", parent: tree.b, founded: day("2023-11-10"))
        for (unit, dissolved, successor) in [(a2, "2025-05-10", tree.a1), (b2, "2023-11-14", tree.b1)] {
            unit.dissolvedOn = day(dissolved)
            unit.successorID = successor.id
            try await unit.save(on: app.db)
        }
        try await TreeIndex.rebuild(on: app.db)
        let regular: [(OrgUnit, String, Bool)] = [
            (tree.a1, "2023-11-05", true), (tree.a1, "2024-01-10", true),
            (tree.a1, "2025-08-25", true), (a2, "2024-03-25", false), (a2, "2025-05-05", true), (a2, "2025-06-05", true),
            (tree.b1, "2024-06-10", true), (b2, "2023-11-12", true),
        ]
        // Two opinions raised at each meeting (II.6 counts them).
        for (unit, held, content) in regular {
            try await CellMeetingTestSupport.meeting(app, unit: unit, .regular, held, content: content, opinions: 2)
        }
        let thematic: [(OrgUnit, String)] = [
            (tree.a1, "2023-10-05"), (tree.a1, "2024-02-01"), (tree.a1, "2024-05-01"), (tree.a1, "2024-08-01"),
            (tree.a1, "2024-11-01"), (tree.a1, "2025-02-01"), (tree.a1, "2025-05-01"), (tree.a1, "2025-08-25"),
            (a2, "2024-03-25"), (a2, "2024-05-01"), (a2, "2024-11-01"), (a2, "2025-02-01"), (a2, "2025-04-01"),
            (tree.b1, "2023-12-01"),
        ]
        for (unit, held) in thematic { try await CellMeetingTestSupport.meeting(app, unit: unit, .thematic, held, opinions: 2) }
        let code = ConductCode()
        code.unitID = tree.b1.id!
        code.scope = .ethicsAndLifestyle
        code.title = "Chuẩn mực B1"
        code.documentNumber = "1-QĐ/B1"
        code.issuedOn = day("2024-06-01")
        code.summary = ""
        try await code.create(on: app.db)
        return tree
    }

    /// The value's numerator and denominator, then each part's, of one indicator.
    static func numbers(_ results: [IndicatorResult], _ code: IndicatorCode) -> [Int] {
        let result = results.first { $0.definition.code == code }!
        return ([result.value] + result.parts).flatMap { [$0.numerator, $0.denominator ?? 0] }
    }

    /// The root TU's rollup over `period`: the codes of the branches, and every column's results
    /// (the years, the total, then the branches).
    static func rootColumns(_ app: Application, _ period: IndicatorPeriod) async throws -> (branches: [String], columns: [[IndicatorResult]]) {
        let root = try await RollupSpeedTests.unit("TU", on: app.db)
        let table = try await IndicatorTables.rollup(root, period, on: app.db)
        return (table.branches.map(\.code), table.years.map(\.results) + [table.total] + table.branches.map(\.results))
    }

    @Test func expectedUnitsClipToEachColumn() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.insert(app)

            // act
            let (branches, columns) = try await Self.rootColumns(app, Self.period)

            // assert
            #expect(branches == ["A", "B"])
            func column(_ code: IndicatorCode) -> [[Int]] { columns.map { Self.numbers($0, code) } }
            // II.4: content months / cell-months, held months / cell-months. A1 and B1: 2 + 12 + 8;
            // A2: March–December 2024, January–May 2025; B2 lived only before 15/11.
            #expect(column(.monthlyContent) == [[1, 4, 1, 4], [2, 34, 3, 34], [2, 21, 2, 21], [5, 59, 6, 59],
                                                [4, 37, 5, 37], [1, 22, 1, 22]])
            // II.5: meetings in the column's days; cells with a meeting in every quarter they lived
            // in (whole quarters: A1's of 5/10/2023 and 25/8/2025 count) / cells.
            #expect(column(.thematicMeetings) == [[1, 0, 2, 2], [7, 0, 1, 3], [4, 0, 2, 3], [12, 0, 1, 3],
                                                  [11, 0, 1, 2], [1, 0, 0, 1]])
            // II.6: opinions / meetings, then both as counts.
            #expect(column(.thematicDiscussion).map { [$0[0], $0[1]] } == [[2, 1], [14, 7], [8, 4], [24, 12], [22, 11], [2, 1]])
            // I.2: no plans / unit-years of the whole years (B2 lived in 2023, A2 in 2024 and 2025).
            #expect(column(.unitPlans).map { $0[1] } == [6, 6, 6, 18, 8, 7])
            // I.4: codes in force / plan-making units alive on the column's last day.
            #expect(column(.conductCodes) == [[0, 5], [1, 6], [1, 5], [1, 5], [0, 2], [1, 2]])
        }
    }

    @Test func aOneColumnRollupEqualsItsColumnInTheTable() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.insert(app)
            let root = try await RollupSpeedTests.unit("TU", on: app.db)
            let table = try await IndicatorTables.rollup(root, Self.period, on: app.db)

            for (slice, column) in zip(RollupTable.yearSlices(of: Self.period), table.years) {
                // act
                let alone = try await Indicators.compute(IndicatorRollup(root: root.id, period: slice.period,
                                                                          treeDay: Self.period.to), on: app.db)

                // assert
                #expect(alone == column.results, "\(slice.title)")
            }
        }
    }
}
