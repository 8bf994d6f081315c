@testable import App
import Domain
import Testing

/// Issue 5: every figure of a review's tables equals an independent count of the demo records
/// (`DemoCount`, plain Swift over plain rows), on SQLite and PostgreSQL.
@Suite struct RollupDemoTests {
    /// Kết luận 01-KL/TW of 18/5/2021: its sơ kết 3 năm runs to 18/5/2024.
    static let soKet = try! IndicatorPeriod(from: LocalDate("2021-05-18")!, to: LocalDate("2024-05-18")!)

    @Test func theProvincesSoKetEqualsCountsOfTheDemoRecords() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let rows = try await DemoRows.load(app.db)
            let tu = rows.units.first { $0.code == "TU" }!

            // act
            let table = try await IndicatorTables.rollup(UnitRef(id: tu.id, code: tu.code, name: tu.name), Self.soKet, on: app.db)

            // assert
            let total = RollupTableCheck(rows: rows, unit: tu, period: Self.soKet, table: table).run()
            // The demo exercises every indicator over these three years, so no comparison is of zeros.
            for code in IndicatorCode.allCases {
                #expect(total[code]!.value.numerator > 0, "TU \(code.rawValue) is empty")
            }
            // 2021 to 2024 in the tree of 18/5/2024: the district and the bloc committee are still there.
            #expect(table.branches.map(\.code) == ["DUK", "HU-DL", "TP-LH"])
        }
    }

    /// 2025, the year of the restructuring: in the tree of 31/12/2025 the communes hang under the
    /// province, the new committees take the bloc's units, and a merged cell's records count
    /// through its successor.
    @Test func theProvincesYearOfTheRestructuringEqualsCountsOfTheDemoRecords() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let rows = try await DemoRows.load(app.db)
            let tu = rows.units.first { $0.code == "TU" }!
            let year = try IndicatorPeriod(from: LocalDate("2025-01-01")!, to: LocalDate("2025-12-31")!)

            // act
            let table = try await IndicatorTables.rollup(UnitRef(id: tu.id, code: tu.code, name: tu.name), year, on: app.db)

            // assert
            RollupTableCheck(rows: rows, unit: tu, period: year, table: table).run()
            #expect(table.branches.map(\.code) == ["DU-CQD", "DU-UBND", "DUK", "HU-DL", "TP-LH", "X-DH", "X-DL", "X-DP"])
            let merged = rows.units.first { $0.code == "DUK-CQ" }!
            #expect(DemoCount(rows, root: rows.units.first { $0.code == "DU-CQD" }!.id, period: year).subtree.contains(merged.id))
        }
    }

    /// Đảng ủy xã Đông Phong gained the village cell of Bến Đò on 1/4/2023: in the tree of
    /// 18/5/2024 its records of 2021–2023 count for Đông Phong too.
    @Test func aCommunesSoKetEqualsCountsOfTheDemoRecords() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let rows = try await DemoRows.load(app.db)
            let commune = rows.units.first { $0.code == "X-DP" }!

            // act
            let table = try await IndicatorTables.rollup(
                UnitRef(id: commune.id, code: commune.code, name: commune.name), Self.soKet, on: app.db)

            // assert
            let total = RollupTableCheck(rows: rows, unit: commune, period: Self.soKet, table: table).run()
            #expect(table.branches.map(\.code) == ["X-DH-04", "X-DP-01", "X-DP-02", "X-DP-03", "X-DP-04"])
            #expect(total[.monthlyContent]!.value.denominator! > 0)
        }
    }
}
