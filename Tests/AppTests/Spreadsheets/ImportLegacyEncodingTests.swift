@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// Attendance lists typed years ago in TCVN3 fonts import with their diacritics, through the
/// web import, from Excel and from CSV.
@Suite struct ImportLegacyEncodingTests {
    @Test func aTCVN3ExcelFileMarksTheRightPeople() async throws {
        try await withTestApp { app in
            // setup: the header and the names in .VnTime; the cells' codes plain
            let w = try await ImportAttendanceTests.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let file = try XLSXFixture.inlineWorkbook([
                [LegacyBytes.view(LegacyBytes.hoVaTen), LegacyBytes.view(LegacyBytes.chiBo), LegacyBytes.view(LegacyBytes.diemDanh)],
                [LegacyBytes.view(LegacyBytes.binh), "A1", LegacyBytes.view(LegacyBytes.coMat)],
                [LegacyBytes.view(LegacyBytes.cuong), "B1", LegacyBytes.view(LegacyBytes.vangCoLyDo)],
            ])

            // act
            let preview = try await web.upload(SiteURL.attendanceImport(w.session.id).path, filename: "diem-danh-abc.xlsx", data: file)

            // assert: the conversion is said, the people are found by their real names
            #expect(preview.status == .ok)
            let html = preview.body.string
            #expect(html.contains("Cột “Họ và tên”: chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(html.contains("Cột “Điểm danh”: chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(ImportTestSupport.lines(in: html).map { $0[2] } == ["Trần Thị Bình (A1): Có mặt", "Lê Văn Cường (B1): Vắng có lý do"])

            // act: confirm
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: html)), [:])

            // assert
            #expect(done.status == .seeOther)
            #expect(try await StudySessionTestSupport.marks(app, w.session) == [w.binh.id!: .present, w.cuong.id!: .excused])
        }
    }

    @Test func aTCVN3CSVFileMarksTheRightPeople() async throws {
        try await withTestApp { app in
            // setup: a CSV saved from a .VnTime sheet: bytes, not UTF-8; the namesakes told apart by cell and birth date
            let w = try await ImportAttendanceTests.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let file = LegacyBytes.csv([
                [LegacyBytes.hoVaTen, Array("Ngay sinh".utf8), LegacyBytes.diemDanh],
                [LegacyBytes.an, Array("01/01/1980".utf8), LegacyBytes.coMat],
                [LegacyBytes.an, Array("02/06/1985".utf8), LegacyBytes.vangCoLyDo],
                [LegacyBytes.binh, [], LegacyBytes.coMat],
            ])

            // act
            let preview = try await web.upload(SiteURL.attendanceImport(w.session.id).path, filename: "diem-danh.csv", data: file)
            let html = preview.body.string
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: html)), [:])

            // assert: the file was read whole as TCVN3, and the preview says so of each column with
            // letters beyond ASCII, as it does for an Excel file (the dates' column is plain ASCII)
            #expect(ImportTestSupport.problems(in: html).isEmpty)
            #expect(html.contains("Cột “Họ và tên”: chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(html.contains("Cột “Điểm danh”: chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(!html.contains("Cột “Ngay sinh”: chuyển từ"))
            #expect(ImportTestSupport.lines(in: html).map { $0[2] }
                == ["Nguyễn Văn An (A1): Có mặt", "Nguyễn Văn An (A1): Vắng có lý do", "Trần Thị Bình (A1): Có mặt"])
            #expect(done.status == .seeOther)
            #expect(try await StudySessionTestSupport.marks(app, w.session)
                == [w.anOlder.id!: .present, w.anYounger.id!: .excused, w.binh.id!: .present])
        }
    }

    @Test func anUndecidedColumnIsAProblemAndNothingCanBeConfirmed() async throws {
        try await withTestApp { app in
            // setup: a name column mixing TCVN3 and Unicode
            let w = try await ImportAttendanceTests.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let file = try XLSXFixture.inlineWorkbook([
                ["Họ và tên", "Điểm danh"],
                [LegacyBytes.view(LegacyBytes.binh), "Có mặt"],
                ["Lê Văn Cường", "Có mặt"],
                [LegacyBytes.view(LegacyBytes.an), "Có mặt"],
            ])

            // act
            let preview = try await web.upload(SiteURL.attendanceImport(w.session.id).path, filename: "lan.xlsx", data: file)

            // assert
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            #expect(problems.count == 1)
            #expect(problems.first?[3].hasPrefix("Không xác định được bảng mã của cột “Họ và tên” (cột A): Lẫn nhiều bảng mã") == true)
            #expect(problems.first?[3].contains("Ví dụ: dòng 3.") == true)
            #expect(ImportTestSupport.confirmPath(in: preview.body.string) == nil)
            #expect(try await StudySessionTestSupport.marks(app, w.session) == [w.binh.id!: .excused])
        }
    }
}
