@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// Issue 5 §2: the rollup over a period of several years — a column per year, the total, the
/// units directly below — equals the hand count of `IndicatorWorld`, on both databases.
@Suite struct IndicatorRollupTests {
    /// Across the merger of B2 into A1 (1/7/2025): every year column takes the tree of 30/9/2025.
    static let period = try! IndicatorPeriod(from: LocalDate("2024-03-01")!, to: LocalDate("2025-09-30")!)

    func unit(_ app: Application, _ code: String) async throws -> UnitRef {
        let unit = try await OrgUnit.query(on: app.db).filter(\.$code == code).first()!
        return UnitRef(id: unit.id!, code: unit.code, name: unit.name)
    }

    @Test func everyColumnAndBranchEqualsTheHandCount() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let today = LocalDate.today()

            for root in ["TU", "A"] {
                // act
                let table = try await IndicatorTables.rollup(try await unit(app, root), Self.period, on: app.db)

                // assert
                let count = RollupCount(root: root, period: Self.period, today: today)
                #expect(table.years.map(\.title) == ["2024 (từ 1/3)", "2025 (đến 30/9)"])
                for (column, year) in zip(table.years, count.years) {
                    RollupCount.expectSame(column.results, year.counted, "\(root) \(year.title)")
                }
                RollupCount.expectSame(table.total, count.total, "\(root) tổng")
                #expect(table.branches.map(\.code) == count.children, "\(root)")
                for branch in table.branches {
                    RollupCount.expectSame(branch.results, count.branch(branch.code), "\(root) → \(branch.code)")
                }

                let appendix = table.appendix()
                #expect(appendix.columns == ["2024 (từ 1/3)", "2025 (đến 30/9)", "Tổng"])
                let counted = count.appendixValues
                for (key, values) in counted {
                    let row = appendix.rows.first { $0.key == key }
                    #expect(row?.values == values, "\(root) \(key): \(row?.values ?? []) counted \(values)")
                }
                for code in IndicatorCode.allCases where count.total[code]?.value.measure == .share {
                    let figure = count.total[code]!.value
                    let note = "\(VietnameseFormat.number(figure.numerator))/\(VietnameseFormat.number(figure.denominator!)) \(figure.noun)"
                    #expect(appendix.rows.first { $0.key == code.rawValue }?.note == note, "\(root) \(code.rawValue)")
                }

                let breakdown = table.breakdown()
                #expect(breakdown.rows.map(\.key) == count.children)
                for row in breakdown.rows {
                    let branch = count.branch(row.key)
                    for (index, code) in IndicatorCode.allCases.enumerated() where branch[code] != nil {
                        #expect(row.values[index] == RollupCount.cell(branch[code]!.value), "\(root) → \(row.key) \(code.rawValue)")
                    }
                }
            }
        }
    }

    /// The hand count itself, on paper: A's 2024 column takes the tree of 30/9/2025, where B2
    /// (merged into A1) stands under A, so B2's praise of 1/6/2024 counts there and not in A's
    /// own year 2024.
    @Test func aYearColumnTakesThePeriodsTree() {
        let today = LocalDate("2026-11-21")!
        let count = RollupCount(root: "A", period: Self.period, today: today)
        let own2024 = IndicatorCount(root: "A", period: .year(2024, today: today), today: today).all()
        #expect(count.years[0].counted[.praise]?.value.text == "1 tập thể, cá nhân")
        #expect(own2024[.praise]?.value.text == "0 tập thể, cá nhân")
        #expect(count.children == ["A1", "A4"])
        // TU over the period: giấy khen 31/12/2024 (A), 1/1 and 30/9/2025 (A1), 10/3/2025 (B2), 1/3/2024 (B1);
        // bằng khen 5/9/2024 (A41); bằng khen 1/1/2024 (TU) and 29/2/2024 (B2) fall before it, 1/1/2026 (A4) after.
        // A: all but B1's (B2 stands under A1 on 30/9/2025).
        let v1 = count.total[.commendations]!
        let tu = IndicatorCount(root: "TU", period: Self.period, today: today).all()[.commendations]!
        #expect(tu.value.text == "6 tập thể, cá nhân")
        #expect(tu.parts.map(\.labelledText).contains("Hình thức: Giấy khen: 5 tập thể, cá nhân"))
        #expect(v1.value.numerator == 5)
    }
}
