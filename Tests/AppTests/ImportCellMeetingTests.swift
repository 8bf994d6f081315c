@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

@Suite struct ImportCellMeetingTests {
    static let header = "Mã chi bộ,Loại sinh hoạt,Ngày sinh hoạt,Thời lượng (phút),Có mặt,Vắng có lý do,Vắng không lý do,"
        + "Có nội dung học tập và làm theo Bác,Nội dung,Số ý kiến,Tóm tắt"

    /// A second cell under A, so one file covers two cells.
    static func world(_ app: Application) async throws -> (Fixtures.Tree, OrgUnit) {
        let tree = try await CellMeetingTestSupport.world(app)
        let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_CO_SO", parent: tree.a, founded: LocalDate("2020-01-01")!)
        try await TreeIndex.rebuild(on: app.db)
        try await Fixtures.user(app, "dangvien", .member, person: try await Fixtures.person(app, "Đảng Viên Một", in: tree.a1))
        return (tree, a2)
    }

    @Test func badRowsAreListedByRowAndColumnAndNothingIsWritten() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            let file = ImportTestSupport.csv([
                Self.header,
                "A1,Thường kỳ,12/03/2024,90,12,1,0,Có,Học tập tấm gương đạo đức Hồ Chí Minh,,Họp tháng 3",
                "A1,Chuyên đề,31/02/2024,120,12,1,0,x,Chuyên đề năm 2024,5,",
                "A2,Thường kỳ,05/03/2024,90,mười,1,0,Không,,,",
                "B1,Thường kỳ,05/03/2024,90,10,0,0,,,,",
                "A2,Họp,06/04/2024,90,10,0,0,,,,",
                "A1,Thường kỳ,25/03/2024,90,11,1,0,,,,",
                "A2,Thường kỳ,10/05/2024,90,10,0,0,Có,,,",
                "A2,Thường kỳ,10/06/2024,5,10,0,0,không,,3,",
            ])

            // act
            let preview = try await web.upload(SiteURL.cellMeetingImport.path, filename: "sinh-hoat.csv", data: file)

            // assert: each bad row named with its column, value and reason; the good row is not enough
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            let byRow = Dictionary(grouping: problems, by: { $0[0] })
            #expect(byRow["2"] == nil)
            #expect(byRow["3"]?.first?[1] == "Ngày sinh hoạt (cột C)")
            #expect(byRow["3"]?.first?[2] == "31/02/2024")
            #expect(byRow["4"]?.first?[1] == "Có mặt (cột E)")
            #expect(byRow["4"]?.first?[3] == "Phải là một số nguyên.")
            #expect(byRow["5"]?.first?[1] == "Mã chi bộ (cột A)")
            #expect(byRow["5"]?.first?[3].contains("không tìm thấy") == true || byRow["5"]?.first?[3].contains("Không tìm thấy") == true)
            #expect(byRow["6"]?.map { $0[1] } == ["Loại sinh hoạt (cột B)"])
            #expect(byRow["7"]?.first?[1] == "Ngày sinh hoạt (cột C)")
            #expect(byRow["7"]?.first?[3].contains("Dòng 2") == true)
            #expect(byRow["8"]?.first?[1] == "Nội dung (cột I)")
            #expect(Set(byRow["9"]?.map { $0[1] } ?? []) == ["Thời lượng (phút) (cột D)", "Số ý kiến (cột J)"])
            #expect(problems.count == 8)
            #expect(ImportTestSupport.confirmPath(in: preview.body.string) == nil)
            #expect(try await CellMeeting.query(on: app.db).count() == 0)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
        }
    }

    /// The same meetings as an Excel file: dates as date cells, figures as numbers.
    static func workbook(summaryOfLast: String = "Chuyên đề quý II") throws -> Data {
        let strings = ["Mã chi bộ", "Loại sinh hoạt", "Ngày sinh hoạt", "Thời lượng (phút)", "Có mặt", "Vắng có lý do", "Vắng không lý do",
                       "Có nội dung học tập và làm theo Bác", "Nội dung", "Số ý kiến", "Tóm tắt", "A1", "Thường kỳ", "Chuyên đề", "A2",
                       "Có", "Kể chuyện về Bác", "Không", summaryOfLast]
        func s(_ ref: String, _ i: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(i)</v></c>" }
        func n(_ ref: String, _ v: Int, style: Int = 0) -> String { "<c r=\"\(ref)\" s=\"\(style)\"><v>\(v)</v></c>" }
        let header = "<row r=\"1\">" + (0..<11).map { s(XLSXFixture.column($0) + "1", $0) }.joined() + "</row>"
        // 45364 = 13/3/2024, 45397 = 15/4/2024, 45444 = 1/6/2024
        let rows = header
            + "<row r=\"2\">\(s("A2", 11))\(s("B2", 12))\(n("C2", 45364, style: 1))\(n("D2", 90))\(n("E2", 12))\(n("F2", 1))\(n("G2", 0))\(s("H2", 15))\(s("I2", 16))</row>"
            + "<row r=\"3\">\(s("A3", 14))\(s("B3", 12))\(n("C3", 45397, style: 2))\(n("D3", 60))\(n("E3", 9))\(n("F3", 0))\(n("G3", 1))\(s("H3", 17))</row>"
            + "<row r=\"4\">\(s("A4", 11))\(s("B4", 13))\(n("C4", 45444, style: 1))\(n("D4", 120))\(n("E4", 13))\(n("F4", 0))\(n("G4", 0))\(s("H4", 15))\(s("I4", 16))\(n("J4", 6))\(s("K4", 18))</row>"
        return try XLSXFixture.workbook(sheets: [("Sinh hoạt", XLSXFixture.sheet(rows))],
                                        sharedStrings: XLSXFixture.sharedStrings(strings), styles: XLSXFixture.styles)
    }

    @Test func aGoodFileIsWrittenWholeWithItsChecksumAndAgainChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let (tree, a2) = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let file = try Self.workbook()
            let checksum = SHA256.hash(data: file).hex

            // act: preview, then confirm
            let preview = try await web.upload(SiteURL.cellMeetingImport.path, filename: "sinh-hoat-2024.xlsx", data: file)
            let lines = ImportTestSupport.lines(in: preview.body.string)
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))
            #expect(try await CellMeeting.query(on: app.db).count() == 0)
            let done = try await web.post(confirm, [:])

            // assert: the preview said what would happen; every row is written, audited once each
            // and once as the import, with the file's checksum and counts
            #expect(preview.status == .ok)
            #expect(lines.map { $0[0] } == ["2", "3", "4"])
            #expect(lines.allSatisfy { $0[1] == "Thêm mới" })
            #expect(preview.body.string.contains(ImportPreviewView.grouped(checksum)))
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == SiteURL.cellMeetings.path)
            let meetings = try await CellMeeting.query(on: app.db).sort(\.$heldOn).all()
            #expect(meetings.map(\.heldOn.iso) == ["2024-03-13", "2024-04-15", "2024-06-01"])
            #expect(meetings.map(\.unitID) == [tree.a1.id!, a2.id!, tree.a1.id!])
            #expect(meetings[1].absentUnexcused == 1 && meetings[1].durationMinutes == 60 && !meetings[1].includedProgrammeContent)
            #expect(meetings[2].kind == .thematic && meetings[2].opinionsRaised == 6 && meetings[2].summary == "Chuyên đề quý II")
            #expect(meetings[0].contentNote == "Kể chuyện về Bác" && meetings[0].present == 12)
            #expect(try await ImportTestSupport.auditEntries(app, entity: .cellMeeting).count == 3)
            let imports = try await ImportTestSupport.auditEntries(app, entity: .dataImport)
            #expect(imports.count == 1)
            let record = try JSONDecoder().decode(ImportAuditRecord.self, from: Data((imports.first?.afterJSON ?? "").utf8))
            #expect(record.sha256 == checksum && record.filename == "sinh-hoat-2024.xlsx")
            #expect(record.created == 3 && record.skipped == 0 && record.rows == 3)
            #expect(imports.first?.action == Audit.Action.importData.rawValue)
            #expect(try await PendingImport.query(on: app.db).count() == 0)

            // act: the same file again
            let again = try await web.upload(SiteURL.cellMeetingImport.path, filename: "sinh-hoat-2024.xlsx", data: file)

            // assert: every row is already there and skipped; nothing to confirm, nothing kept
            #expect(again.status == .ok)
            #expect(ImportTestSupport.lines(in: again.body.string).map { $0[1] } == ["Bỏ qua", "Bỏ qua", "Bỏ qua"])
            #expect(ImportTestSupport.lines(in: again.body.string).allSatisfy { $0[3] == "Đã có, bỏ qua." })
            #expect(ImportTestSupport.confirmPath(in: again.body.string) == nil)
            #expect(try await CellMeeting.query(on: app.db).count() == 3)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            // a confirmed file cannot be confirmed twice
            #expect(try await web.post(confirm, [:]).status == .notFound)
        }
    }

    @Test func aRowFailingWhileWritingRollsBackEveryRow() async throws {
        try await withTestApp { app in
            // setup: the database refuses the last meeting, which the dry run cannot know
            _ = try await Self.world(app)
            try await ImportTestSupport.failInsert(app, summary: "LỖI GHI")
            var web = try await TestClient.login(app, "canbo.a")
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            let preview = try await web.upload(SiteURL.cellMeetingImport.path, filename: "a.xlsx", data: try Self.workbook(summaryOfLast: "LỖI GHI"))
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))

            // act
            let done = try await web.post(confirm, [:])

            // assert: the row is named, the two rows written before it are gone, no audit entry
            #expect(done.status == .unprocessableEntity)
            #expect(ImportTestSupport.problems(in: done.body.string).map { $0[0] } == ["4"])
            #expect(try await CellMeeting.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
            #expect(try await PendingImport.query(on: app.db).count() == 1)
        }
    }

    @Test func whoMayImport() async throws {
        try await withTestApp { app in
            // setup
            let (tree, _) = try await Self.world(app)
            let file = ImportTestSupport.csv([Self.header, "A2,Thường kỳ,12/03/2024,90,12,1,0,,,,"])

            // act & assert: leaders and members may not; the hub card leads to the page
            for name in ["lanhdao.a", "dangvien"] {
                var web = try await TestClient.login(app, name)
                #expect(try await web.get(SiteURL.imports.path).status == .forbidden, "\(name)")
                #expect(try await web.get(SiteURL.cellMeetingImport.path).status == .forbidden, "\(name)")
                #expect(try await web.upload(SiteURL.cellMeetingImport.path, filename: "a.csv", data: file).status == .forbidden, "\(name)")
                #expect(try await web.get(SiteURL.cellMeetingImportTemplate.path).status == .forbidden, "\(name)")
            }
            // a cell secretary imports for their own cell only
            var secretary = try await TestClient.login(app, "bithu.a1")
            #expect(try await secretary.get(SiteURL.imports.path).status == .ok)
            let other = try await secretary.upload(SiteURL.cellMeetingImport.path, filename: "a.csv", data: file)
            #expect(other.status == .unprocessableEntity)
            #expect(ImportTestSupport.problems(in: other.body.string).first?[1] == "Mã chi bộ (cột A)")
            let own = try await secretary.upload(SiteURL.cellMeetingImport.path, filename: "a.csv",
                                                 data: ImportTestSupport.csv([Self.header, "A1,Thường kỳ,12/03/2024,90,12,1,0,,,,"]))
            #expect(own.status == .ok)
            // someone else's preview cannot be confirmed, and a day-old one has expired
            let confirm = try #require(ImportTestSupport.confirmPath(in: own.body.string))
            var officer = try await TestClient.login(app, "canbo.a")
            #expect(try await officer.post(confirm, [:]).status == .notFound)
            let pending = try #require(try await PendingImport.query(on: app.db).first())
            pending.createdAt = Date().addingTimeInterval(-25 * 3600)
            try await pending.update(on: app.db)
            let expired = try await secretary.post(confirm, [:])
            #expect(expired.status == .notFound)
            #expect(expired.body.string.contains("quá 24 giờ"))
            #expect(try await CellMeeting.query(on: app.db).filter(\.$unitID == tree.a1.id!).count() == 0)
        }
    }

    @Test func theTemplateHasTheHeadersTheImportReads() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let template = try await web.get(SiteURL.cellMeetingImportTemplate.path)
            let page = try await web.get(SiteURL.cellMeetingImport.path)

            // assert: a UTF-8 CSV with a BOM whose header row is the columns' titles, which read back
            #expect(template.status == .ok)
            #expect(template.headers.contentType?.subType == "csv")
            #expect(template.headers.first(name: .contentDisposition)?.contains("mau-nhap-sinh-hoat-chi-bo.csv") == true)
            let bytes = Data(buffer: template.body)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let sheet = try CSVReader.read(bytes)
            #expect(sheet.rows.first?.cells.map(\.inputText) == ImportKind.cellMeetings.columns.map(\.title))
            #expect(sheet.rows.first?.cells.map(\.inputText).joined(separator: ",") == Self.header)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("enctype=\"multipart/form-data\""))
            #expect(page.body.string.contains("href=\"\(SiteURL.cellMeetingImportTemplate.path)\""))
        }
    }
}
