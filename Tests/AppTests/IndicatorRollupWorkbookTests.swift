@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor

/// `/chi-tieu/phu-luc.xlsx`: the page's rollup as a workbook, read back with the app's own reader
/// and compared cell by cell with the appendix and the breakdown, and with the hand count.
@Suite struct IndicatorRollupWorkbookTests {
    static let period = IndicatorRollupTests.period

    /// A value cell as the reader gives it back: a number, or nothing where there is no whole.
    func cell(_ value: Double?) -> Cell { value.map(Cell.number) ?? .empty }

    func text(_ s: String) -> Cell { s.isEmpty ? .empty : .text(s) }

    @Test func everyCellEqualsTheRollup() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let tu = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            let person = try await Person.query(on: app.db).filter(\.$fullName == "a1.một").first()!
            try await Fixtures.user(app, "canbo.tu", .officer, unit: tu)
            try await Fixtures.user(app, "dangvien", .member, person: person)
            var web = try await TestClient.login(app, "canbo.tu")
            var member = try await TestClient.login(app, "dangvien")
            let query = [("don-vi", "TU"), ("tu", Self.period.from.iso), ("den", Self.period.to.iso)]
            let table = try await IndicatorTables.rollup(UnitRef(id: tu.id!, code: tu.code, name: tu.name), Self.period, on: app.db)
            let appendix = table.appendix(), breakdown = table.breakdown()

            // act
            let page = try await web.get(SiteURL.indicators.with(query))
            let response = try await web.get(SiteURL.indicatorsWorkbook.with(query))
            let refused = try await member.get(SiteURL.indicatorsWorkbook.with(query))

            // assert: linked from the page, named after the unit and the period
            #expect(page.body.string.contains("href=\"\(H.escapeAttribute(SiteURL.indicatorsWorkbook.with(query)))\""))
            #expect(response.status == .ok && refused.status == .forbidden)
            #expect(response.headers.first(name: .contentDisposition)?.contains("chi-tieu-TU-2024-03-01-2025-09-30.xlsx") == true)
            let data = Data(buffer: response.body)
            let sheet = try XLSXReader.read(data, sheet: "Phụ lục")
            let header = try #require(sheet.rows.first { $0.number == 4 })
            #expect(Array(header.cells.prefix(7)) == ["STT", "Nội dung", "Đơn vị tính", "2024 (từ 1/3)", "2025 (đến 30/9)", "Tổng", "Ghi chú"].map(text))
            for (index, want) in appendix.rows.enumerated() {
                let row = try #require(sheet.rows.first { $0.number == 5 + index }, "\(want.key)")
                #expect(row[0] == text(want.stt) && row[1] == text(want.label) && row[2] == text(want.unit), "\(want.key)")
                let values = (0..<3).map { row[3 + $0] }
                #expect(values == (want.isHeading ? [.empty, .empty, .empty] : want.values.map(cell)), "\(want.key)")
                #expect(row[6] == text(want.note), "\(want.key)")
            }
            // the numbers are the hand count's too
            let counted = RollupCount(root: "TU", period: Self.period, today: LocalDate.today()).appendixValues
            let v1 = try #require(appendix.rows.firstIndex { $0.key == IndicatorCode.commendations.rawValue })
            let v1Row = try #require(sheet.rows.first { $0.number == 5 + v1 })
            #expect((0..<3).map { v1Row[3 + $0] } == counted["V.1"]!.map(cell))

            let units = try XLSXReader.read(data, sheet: "Theo đơn vị")
            #expect(units.rows.count == 1 + breakdown.rows.count && breakdown.rows.map(\.key) == ["A", "B"])
            for (index, want) in breakdown.rows.enumerated() {
                let row = units.rows[1 + index]
                #expect(row[0] == text(want.stt) && row[1] == text(want.label) && row[2] == text(want.unit))
                #expect(want.values.indices.map { row[3 + $0] } == want.values.map(cell), "\(want.key)")
            }
        }
    }
}
