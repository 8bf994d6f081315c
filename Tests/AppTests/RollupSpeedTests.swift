@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

/// Issue 7 §3: the faster paths of the rollup give the same figures as the plain ones — a whole
/// rollup table, every column in one grouped statement per indicator run side by side, with C.1
/// made from I.2, III.1 and II.4, equals each column computed alone, indicator by indicator (also
/// inside a transaction, where they run one at a time) — on IndicatorWorld and the demo, on
/// SQLite and PostgreSQL.
@Suite struct RollupSpeedTests {
    /// Each indicator of a rollup by its own function, one after another (C.1 by its own statements).
    static func oneByOne(_ rollup: IndicatorRollup, on db: any Database) async throws -> [IndicatorResult] {
        var results: [IndicatorResult] = []
        for code in IndicatorCode.allCases {
            results.append(try await Indicators.compute(code, rollup, on: db as! any SQLDatabase)[0])
        }
        return results
    }

    /// Each column and branch of `IndicatorTables.rollup`, computed alone, one indicator after another.
    static func oneByOne(_ unit: UnitRef, _ period: IndicatorPeriod, on db: any Database) async throws -> RollupTable {
        var years: [RollupTable.Column] = []
        for slice in RollupTable.yearSlices(of: period) {
            let results = try await oneByOne(IndicatorRollup(root: unit.id, period: slice.period, treeDay: period.to), on: db)
            years.append(.init(title: slice.title, period: slice.period, results: results))
        }
        var branches: [RollupTable.Branch] = []
        for child in try await IndicatorTables.children(of: unit.id, on: period.to, db: db) {
            branches.append(.init(code: child.code, name: child.name,
                                  results: try await oneByOne(IndicatorRollup(root: child.id, period: period), on: db)))
        }
        return RollupTable(unitCode: unit.code, unitName: unit.name, period: period, years: years,
                           total: try await oneByOne(IndicatorRollup(root: unit.id, period: period), on: db),
                           branches: branches)
    }

    static func unit(_ code: String, on db: any Database) async throws -> UnitRef {
        let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first()!
        return UnitRef(id: unit.id!, code: unit.code, name: unit.name)
    }

    @Test func sideBySideEqualsOneByOneOnIndicatorWorld() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let period = IndicatorRollupTests.period

            for root in ["TU", "A", "B"] {
                let unit = try await Self.unit(root, on: app.db)

                // act
                let table = try await IndicatorTables.rollup(unit, period, on: app.db)
                let inTransaction = try await app.db.transaction { try await IndicatorTables.rollup(unit, period, on: $0) }

                // assert
                let expected = try await Self.oneByOne(unit, period, on: app.db)
                #expect(!table.branches.isEmpty, "\(root)")
                #expect(table == expected, "\(root)")
                #expect(inTransaction == expected, "\(root) in a transaction")
                #expect(table.total.map(\.definition.code) == IndicatorCode.allCases, "\(root)")
            }
        }
    }

    @Test func sideBySideEqualsOneByOneOnTheDemo() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let tu = try await Self.unit("TU", on: app.db)

            // act
            let table = try await IndicatorTables.rollup(tu, RollupDemoTests.soKet, on: app.db)

            // assert
            #expect(table == (try await Self.oneByOne(tu, RollupDemoTests.soKet, on: app.db)))
            #expect(table.branches.map(\.code) == ["DUK", "HU-DL", "TP-LH"])
        }
    }
}
