@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct ImportAttendanceTests {
    struct World {
        let tree: Fixtures.Tree
        let session: StudySession
        let anOlder: Person
        let anYounger: Person
        let binh: Person
        let cuong: Person
    }

    /// A conference of TU expecting all of TU: two namesakes and Bình (already marked excused)
    /// in A1, Cường in B1.
    static func world(_ app: Application) async throws -> World {
        let tree = try await StudySessionTestSupport.world(app)
        let anOlder = try await person(app, "Nguyễn Văn An", in: tree.a1, born: "1980-01-01")
        let anYounger = try await person(app, "Nguyễn Văn An", in: tree.a1, born: "1985-06-02")
        let binh = try await person(app, "Trần Thị Bình", in: tree.a1, born: "1990-03-04")
        let cuong = try await person(app, "Lê Văn Cường", in: tree.b1, born: "1979-09-09")
        let session = try await StudySessionTestSupport.session(app, by: tree.root, expected: [tree.root])
        try await Attendance(sessionID: session.id!, personID: binh.id!, status: .excused).create(on: app.db)
        return World(tree: tree, session: session, anOlder: anOlder, anYounger: anYounger, binh: binh, cuong: cuong)
    }

    static func person(_ app: Application, _ name: String, in unit: OrgUnit, born: String) async throws -> Person {
        let p = try await Fixtures.person(app, name, in: unit)
        p.birthDate = LocalDate(born)
        try await p.update(on: app.db)
        return p
    }

    static let header = "Họ và tên,Ngày sinh,Chi bộ,Điểm danh"

    @Test func aSecretaryMarksTheirMembersAndNoOneElse() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "bithu.a1")
            let path = SiteURL.attendanceImport(w.session.id).path
            let bad = ImportTestSupport.csv([
                "DANH SÁCH ĐIỂM DANH,,,",
                Self.header,
                "NGUYEN VAN AN,01/01/1980,,x",
                "Nguyễn Văn An,2/6/1985,A1,Vắng có lý do",
                "Trần Thị Bình,,,Có mặt",
                "Lê Văn Cường,,,Có mặt",
                "Nguyễn Văn An,,,Có mặt",
                "Phạm Văn Dũng,,,có mặt",
                "Trần Thị Bình,,,Vắng",
            ])

            // act: the page, then a file with people the secretary may not mark
            let page = try await web.get(path)
            let rejected = try await web.upload(path, filename: "diem-danh.csv", data: bad)

            // assert: each row named; nothing marked
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<dd>3</dd>"))
            #expect(rejected.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: rejected.body.string)
            #expect(problems.map { $0[0] } == ["6", "7", "8", "9"])
            #expect(problems[0][1] == "Họ và tên (cột A)" && problems[0][2] == "Lê Văn Cường")
            #expect(problems[0][3].hasPrefix("Không có trong danh sách"))
            #expect(problems[1][3].hasPrefix("Có 2 đảng viên cùng họ tên"))
            #expect(problems[2][3].hasPrefix("Không có trong danh sách"))
            #expect(problems[3][1] == "Điểm danh (cột D)" && problems[3][2] == "Vắng")
            #expect(try await StudySessionTestSupport.marks(app, w.session) == [w.binh.id!: .excused])

            // act: the file without those rows
            let good = ImportTestSupport.csv(Array(["DANH SÁCH ĐIỂM DANH,,,", Self.header,
                                                    "NGUYEN VAN AN,01/01/1980,,x", "Nguyễn Văn An,2/6/1985,A1,Vắng có lý do",
                                                    "Trần Thị Bình,,,Có mặt"]))
            let preview = try await web.upload(path, filename: "diem-danh.csv", data: good)
            let lines = ImportTestSupport.lines(in: preview.body.string)
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))
            let done = try await web.post(confirm, [:])

            // assert: the right people marked, in one import entry plus the marks' own entry
            #expect(preview.status == .ok)
            #expect(lines.map { $0[1] } == ["Thêm mới", "Thêm mới", "Cập nhật"])
            #expect(lines[2][3] == "Trước đây: vắng có lý do.")
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == SiteURL.studySession(w.session.id).path)
            #expect(try await StudySessionTestSupport.marks(app, w.session)
                == [w.anOlder.id!: .present, w.anYounger.id!: .excused, w.binh.id!: .present])
            let imports = try await ImportTestSupport.auditEntries(app, entity: .dataImport)
            #expect(imports.count == 1)
            #expect(imports.first?.unitID == w.tree.a1.id)
            let record = try JSONDecoder().decode(ImportAuditRecord.self, from: Data((imports.first?.afterJSON ?? "").utf8))
            #expect(record.sessionID == w.session.id && record.created == 2 && record.updated == 1)
            #expect(record.sha256 == SHA256.hash(data: good).hex)
            #expect(try await ImportTestSupport.auditEntries(app, entity: .studySession).count == 1)

            // act & assert: the same file again changes nothing
            let again = try await web.upload(path, filename: "diem-danh.csv", data: good)
            #expect(ImportTestSupport.lines(in: again.body.string).map { $0[1] } == ["Bỏ qua", "Bỏ qua", "Bỏ qua"])
            #expect(ImportTestSupport.confirmPath(in: again.body.string) == nil)
        }
    }

    @Test func anOfficerAboveMarksBothCellsFromAnExcelFile() async throws {
        try await withTestApp { app in
            // setup: blank marks are left alone; the cell tells the namesakes apart
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.tu")
            let file = try XLSXFixture.inlineWorkbook([
                ["STT", "Họ tên", "Mã chi bộ", "Tình trạng"],
                ["1", "Lê Văn Cường", "B1", "Có mặt"],
                ["2", "Trần Thị Bình", "", ""],
                ["3", "Nguyễn Văn An", "", "vắng không lý do"],
            ])

            // act
            let preview = try await web.upload(SiteURL.attendanceImport(w.session.id).path, filename: "dd.xlsx", data: file)

            // assert: the namesakes need more than a name
            #expect(preview.status == .unprocessableEntity)
            #expect(ImportTestSupport.problems(in: preview.body.string).map { $0[0] } == ["4"])

            // act: without the ambiguous row
            let fixed = try XLSXFixture.inlineWorkbook([
                ["STT", "Họ tên", "Mã chi bộ", "Tình trạng"],
                ["1", "Lê Văn Cường", "B1", "Có mặt"],
                ["2", "Trần Thị Bình", "", ""],
            ])
            let ok = try await web.upload(SiteURL.attendanceImport(w.session.id).path, filename: "dd.xlsx", data: fixed)
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: ok.body.string)), [:])

            // assert
            #expect(done.status == .seeOther)
            #expect(try await StudySessionTestSupport.marks(app, w.session) == [w.cuong.id!: .present, w.binh.id!: .excused])
        }
    }

    @Test func readOnlyRolesGet403AndOtherSubtrees404() async throws {
        try await withTestApp { app in
            // setup: a session of B that A cannot see
            let w = try await Self.world(app)
            let sessionB = try await StudySessionTestSupport.session(app, by: w.tree.b, expected: [w.tree.b], title: "Hội nghị của B")
            let file = ImportTestSupport.csv([Self.header, "Lê Văn Cường,,,Có mặt"])
            try await Fixtures.user(app, "dangvien", .member, person: w.binh)

            // act & assert
            for name in ["lanhdao.a", "dangvien"] {
                var web = try await TestClient.login(app, name)
                #expect(try await web.get(SiteURL.attendanceImport(w.session.id).path).status == .forbidden, "\(name)")
                #expect(try await web.upload(SiteURL.attendanceImport(w.session.id).path, filename: "a.csv", data: file).status == .forbidden, "\(name)")
            }
            var officerA = try await TestClient.login(app, "canbo.a")
            #expect(try await officerA.get(SiteURL.attendanceImport(sessionB.id).path).status == .notFound)
            #expect(try await officerA.upload(SiteURL.attendanceImport(sessionB.id).path, filename: "a.csv", data: file).status == .notFound)
            // B's officer previews; A's officer cannot confirm it
            var officerB = try await TestClient.login(app, "canbo.b")
            let preview = try await officerB.upload(SiteURL.attendanceImport(sessionB.id).path, filename: "a.csv", data: file)
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))
            #expect(try await officerA.post(confirm, [:]).status == .notFound)
            #expect(try await StudySessionTestSupport.marks(app, sessionB).isEmpty)
            // the session's page offers the import to those who mark
            #expect(try await officerB.get(SiteURL.studySession(sessionB.id).path).body.string
                .contains("href=\"\(SiteURL.attendanceImport(sessionB.id).path)\""))
        }
    }
}
