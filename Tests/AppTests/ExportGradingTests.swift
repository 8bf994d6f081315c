@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// The grades downloaded as XLSX and CSV with the gradings import's headers, scoped: importing
/// either back changes nothing.
@Suite struct ExportGradingTests {
    @Test func theDownloadsImportBackUnchanged() async throws {
        try await withTestApp { app in
            // setup: the good file imported by the officer of A; a grade of B1 they must not see
            let w = try await ImportGradingTests.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let first = try await web.upload(SiteURL.gradingImport.path, filename: "xep-loai.csv",
                                             data: ImportTestSupport.csv(ImportGradingTests.goodRows()))
            _ = try await web.post(try #require(ImportTestSupport.confirmPath(in: first.body.string)), [:])
            let hidden = try await Fixtures.person(app, "Người Của Bê Không Được Lộ", in: w.tree.b1)
            try await GradingTestSupport.sheet(app, unit: w.tree.b1, year: 2024, grades: [(hidden.id!, .good)])

            // act
            let page = try await web.get(SiteURL.gradingImport.path)
            let csv = try await web.get(SiteURL.gradingsCsv.path)
            let xlsx = try await web.get(SiteURL.gradingsXlsx.path)
            let year = try await web.get(SiteURL.gradingsCsv.with([("nam", "2025"), ("don-vi", "A1")]))
            let fromCSV = try await ExportUnitsTests.reimport(&web, .gradingImport, "xep-loai-tai-ve.csv", Data(buffer: csv.body))
            let fromXLSX = try await ExportUnitsTests.reimport(&web, .gradingImport, "xep-loai-tai-ve.xlsx", Data(buffer: xlsx.body))

            // assert: the import's headers; every grade of A's subtree, none of B's
            #expect(page.body.string.contains(SiteURL.gradingsXlsx.path) && page.body.string.contains(SiteURL.gradingsCsv.path))
            #expect(csv.status == .ok && xlsx.headers.first(name: .contentType) == FileDownload.xlsx)
            let rows = try ExportUnitsTests.csvRows(Data(buffer: csv.body))
            #expect(rows.first == GradingRows.columns.map(\.title))
            #expect(rows.count == 15 && !csv.body.string.contains("Không Được Lộ"))
            let first1 = try #require(rows.first { $0[3] == "Đảng Viên Số 1" })
            #expect(first1 == ["2024", "Đảng viên", "A1", "Đảng Viên Số 1", "", "001085000001", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""])
            let unit = try #require(rows.first { $0[1] == "Tổ chức đảng" })
            #expect(unit[2] == "A1" && unit[6] == "Hoàn thành tốt nhiệm vụ")
            let scored = try #require(rows.first { $0[0] == "2025" && $0[3] == "Đảng Viên Số 11" })
            #expect(scored[7] == "80,5" && scored[8] == "Không" && scored[6] == "Hoàn thành tốt nhiệm vụ")
            #expect(try ExportUnitsTests.csvRows(Data(buffer: year.body)).count == 3)
            // importing either file back: every grade known and unchanged, nothing to confirm
            #expect(fromCSV.problems.isEmpty && fromCSV.confirm == nil)
            #expect(fromCSV.lines.count == 14 && fromCSV.lines.allSatisfy { $0[1] == "Bỏ qua" })
            #expect(fromXLSX.problems.isEmpty && fromXLSX.confirm == nil)
            #expect(fromXLSX.lines.count == 14 && fromXLSX.lines.allSatisfy { $0[1] == "Bỏ qua" })
        }
    }
}
