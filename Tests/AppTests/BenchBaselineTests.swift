@testable import App
import Domain
import Testing

/// Issue 7: the benchmark's hand-written baseline SQL gives every number of the rollup table (each
/// year column, the total, each branch, every indicator), on the demo data; a broken baseline
/// fails here, not only in scripts/bench.
@Suite struct BenchBaselineTests {
    static let soKet = try! IndicatorPeriod(from: LocalDate("2021-05-18")!, to: LocalDate("2024-05-18")!)
    /// Across the 2025 restructuring: dissolved units hang under their successors.
    static let restructuring = try! IndicatorPeriod(from: LocalDate("2024-03-10")!, to: LocalDate("2025-12-31")!)

    @Test(arguments: [("TU", soKet), ("TU", restructuring), ("X-DL", soKet), ("HU-DL", restructuring)])
    func theBaselineEqualsTheRollup(code: String, period: IndicatorPeriod) async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let unit = try await BenchRollupCommand.unit(code, on: app.db)

            // act
            let table = try await IndicatorTables.rollup(unit, period, on: app.db)
            let baseline = try await BaselineRollup.compute(root: unit.id, period: period, on: app.db)

            // assert
            #expect(baseline.firstDifference(from: table) == nil, "\(code): \(baseline.firstDifference(from: table) ?? "")")
            #expect(baseline.figures.count == IndicatorCode.allCases.count)
            #expect(baseline.branchCodes == table.branches.map(\.code))
        }
    }

    @Test func theBaselineSeesTheDemoRecords() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let unit = try await BenchRollupCommand.unit("TU", on: app.db)

            // act
            let baseline = try await BaselineRollup.compute(root: unit.id, period: Self.soKet, on: app.db)

            // assert: the total column (after the year columns) counts something for every indicator
            let total = baseline.yearCount
            for code in IndicatorCode.allCases {
                #expect(baseline.figures[code]![total][0] > 0, "TU \(code.rawValue) is empty")
            }
            #expect(baseline.branchCodes == ["DUK", "HU-DL", "TP-LH"])
        }
    }

    @Test func aDifferenceIsNamed() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let unit = try await BenchRollupCommand.unit("TU", on: app.db)
            let table = try await IndicatorTables.rollup(unit, Self.soKet, on: app.db)
            let baseline = try await BaselineRollup.compute(root: unit.id, period: Self.soKet, on: app.db)
            var figures = baseline.figures
            figures[.outreach]![baseline.yearCount][0] += 1

            // act
            let broken = BaselineTable(yearCount: baseline.yearCount, branchCodes: baseline.branchCodes, figures: figures)

            // assert
            #expect(broken.firstDifference(from: table)?.contains("cột Tổng, chỉ tiêu IV.1") == true)
        }
    }
}
