@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// The commendation register downloaded as XLSX and CSV with the import's headers, as filtered
/// and scoped: importing it back changes nothing.
@Suite struct ExportCommendationsTests {
    @Test func theDownloadsImportBackUnchanged() async throws {
        try await withTestApp { app in
            // setup: the good file imported by the officer of A, and a commendation of B
            let w = try await ImportCommendationsTests.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let first = try await web.upload(SiteURL.commendationImport.path, filename: "khen.csv", data: ImportCommendationsTests.goodFile)
            _ = try await web.post(try #require(ImportTestSupport.confirmPath(in: first.body.string)), [:])
            try await CommendationTestSupport.commendation(app, by: w.tree.b1, name: "Tập thể của B1 không được lộ")

            // act
            let list = try await web.get(SiteURL.commendations.with([("nam", "2024")]))
            let csv = try await web.get(SiteURL.commendationsCsv.path)
            let xlsx = try await web.get(SiteURL.commendationsXlsx.path)
            let filtered = try await web.get(SiteURL.commendationsCsv.with([("nam", "2024"), ("hinh-thuc",
                String(try await CommendationTestSupport.formID(app, "Bằng khen")))]))
            let fromCSV = try await ExportUnitsTests.reimport(&web, .commendationImport, "khen-tai-ve.csv", Data(buffer: csv.body))
            let fromXLSX = try await ExportUnitsTests.reimport(&web, .commendationImport, "khen-tai-ve.xlsx", Data(buffer: xlsx.body))

            // assert: the import's headers; every commendation of A's subtree and none of B's
            #expect(list.body.string.contains("Tải về Excel") && list.body.string.contains(SiteURL.commendationsCsv.path + "?nam=2024"))
            #expect(csv.status == .ok && xlsx.status == .ok)
            #expect(xlsx.headers.first(name: .contentType) == FileDownload.xlsx)
            let rows = try ExportUnitsTests.csvRows(Data(buffer: csv.body))
            #expect(rows.first == CommendationRows.columns.map(\.title))
            #expect(rows.count == 6)
            #expect(!csv.body.string.contains("không được lộ"))
            let hoa = try #require(rows.first { $0[5] == "Phạm Thị Hoa" })
            #expect(hoa[4] == "Cá nhân" && hoa[6] == "A1" && hoa[7] == "001079000111" && hoa[8] == "A" && hoa[3] == "10/1/2024")
            let unitRow = try #require(rows.first { $0[4] == CommendationRecipient.unit.label })
            #expect(unitRow[6] == "A1" && unitRow[9] == "2021" && unitRow[10] == "2023" && unitRow[1] == "Ban Thường vụ Tỉnh ủy")
            let only = try ExportUnitsTests.csvRows(Data(buffer: filtered.body))
            #expect(only.count == 2 && only.last?[2] == "20-QĐ/TU")
            // importing either file back: every row known and unchanged, nothing to confirm
            #expect(fromCSV.problems.isEmpty && fromCSV.confirm == nil)
            #expect(fromCSV.lines.count == 5 && fromCSV.lines.allSatisfy { $0[1] == "Bỏ qua" })
            #expect(fromXLSX.problems.isEmpty && fromXLSX.confirm == nil)
            #expect(fromXLSX.lines.count == 5 && fromXLSX.lines.allSatisfy { $0[1] == "Bỏ qua" })
        }
    }
}
