@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// The unit list downloaded as XLSX and CSV with the import's headers: importing it back changes nothing.
@Suite struct ExportUnitsTests {
    /// The data rows of a CSV download, header first, without the byte-order mark.
    static func csvRows(_ data: Data) throws -> [[String]] {
        let sheet = try SpreadsheetReader.read(data, filename: "tep.csv", limits: ImportService.limits)
        return sheet.rows.map { $0.cells.map(\.inputText) }
    }

    /// Imports `data` as `kind` and returns the preview's lines and problems, without confirming.
    static func reimport(_ web: inout TestClient, _ url: SiteURL, _ filename: String, _ data: Data) async throws
        -> (lines: [[String]], problems: [[String]], confirm: String?) {
        let preview = try await web.upload(url.path, filename: filename, data: data)
        let html = preview.body.string
        return (ImportTestSupport.lines(in: html), ImportTestSupport.problems(in: html), ImportTestSupport.confirmPath(in: html))
    }

    @Test func theDownloadsImportBackUnchanged() async throws {
        try await withTestApp { app in
            // setup: the fixture tree and three units imported below A, one under another, with a note
            _ = try await ImportUnitsTests.world(app)
            try await Fixtures.user(app, "quantri.t", .admin)
            var officer = try await TestClient.login(app, "canbo.a")
            let first = try await officer.upload(SiteURL.unitImport.path, filename: "to-chuc.csv", data: ImportUnitsTests.goodFile)
            _ = try await officer.post(try #require(ImportTestSupport.confirmPath(in: first.body.string)), [:])
            var admin = try await TestClient.login(app, "quantri.t")

            // act
            let list = try await officer.get(SiteURL.units.with([("q", "A3")]))
            let csv = try await officer.get(SiteURL.unitsCsv.path)
            let xlsx = try await admin.get(SiteURL.unitsXlsx.path)
            let search = try await officer.get(SiteURL.unitsCsv.with([("q", "A3")]))
            let fromCSV = try await Self.reimport(&officer, .unitImport, "to-chuc-tai-ve.csv", Data(buffer: csv.body))
            let fromXLSX = try await Self.reimport(&admin, .unitImport, "to-chuc-tai-ve.xlsx", Data(buffer: xlsx.body))

            // assert: the import's headers; the officer's file holds A's subtree only, parents first
            #expect(list.body.string.contains("href=\"\(SiteURL.unitsXlsx.with([("q", "A3")]))\""))
            #expect(csv.status == .ok && xlsx.status == .ok)
            #expect(csv.headers.first(name: .contentType) == FileDownload.csv)
            #expect(xlsx.headers.first(name: .contentType) == FileDownload.xlsx)
            let rows = try Self.csvRows(Data(buffer: csv.body))
            #expect(rows.first == UnitRows.columns.map(\.title))
            #expect(rows.dropFirst().map { $0[0] } == ["A", "A1", "A3", "A2", "A31"])
            #expect(rows.dropFirst().first?[3] == "TU")
            #expect(rows.last?[3] == "A3" && rows.last?[4] == "2/6/2024" && rows.last?[2] == "Chi bộ trực thuộc")
            #expect(Set(try Self.csvRows(Data(buffer: search.body)).dropFirst().map { $0[0] }) == ["A3", "A31"])
            // importing either file back: every row known and unchanged, nothing to confirm
            #expect(fromCSV.problems.isEmpty && fromCSV.confirm == nil)
            #expect(fromCSV.lines.count == 5 && fromCSV.lines.allSatisfy { $0[1] == "Bỏ qua" })
            #expect(fromXLSX.problems.isEmpty && fromXLSX.confirm == nil)
            #expect(fromXLSX.lines.count == 8 && fromXLSX.lines.allSatisfy { $0[1] == "Bỏ qua" })
        }
    }
}
