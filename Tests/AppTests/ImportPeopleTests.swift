@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

@Suite struct ImportPeopleTests {
    static let header = "Họ và tên,Ngày sinh,Giới tính,Chi bộ,Đối tượng,Ngày vào Đảng,Ngày chính thức,Số CCCD,Số điện thoại,Email"

    /// An officer of A; an existing member of A1 without identity number; one in B1 with one.
    static func world(_ app: Application) async throws -> (tree: Fixtures.Tree, known: Person, outside: Person) {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        let known = try await Fixtures.person(app, "Phạm Thị Hoa", in: tree.a1)
        known.birthDate = LocalDate("1979-04-30")
        try await known.save(on: app.db)
        let outside = try await Fixtures.person(app, "Đỗ Văn Ngoài", in: tree.b1)
        outside.identityNumber = "001080000999"
        try await outside.save(on: app.db)
        return (tree, known, outside)
    }

    static let goodFile = ImportTestSupport.csv([
        header,
        "Nguyễn Văn Mới,12/3/1985,Nam,A1,Đảng viên,3/2/2010,3/2/2011,001085012345,0912 345 678,moi@donvi.vn",
        "Trần Thị Hai,01/01/1990,nữ,A1,can_bo,,,,,",
        "Phạm Thị Hoa,30/04/1979,Nữ,A1,Đảng viên,,,,0988000111,",
    ])

    static func people(_ app: Application) async throws -> [String: Person] {
        Dictionary(uniqueKeysWithValues: try await Person.query(on: app.db).all().map { ($0.fullName, $0) })
    }

    @Test func aGoodFileIsWrittenWholeAndAgainChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let checksum = SHA256.hash(data: Self.goodFile).hex

            // act
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi-2025.csv", data: Self.goodFile)
            let lines = ImportTestSupport.lines(in: preview.body.string)
            #expect(try await Person.query(on: app.db).count() == 2)
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: preview.body.string)), [:])

            // assert: two created, the known person (name, birth date, cell) updated
            #expect(preview.status == .ok)
            #expect(lines.map { $0[1] } == ["Thêm mới", "Thêm mới", "Cập nhật"])
            #expect(lines[2][3] == "Đổi giới tính, số điện thoại.")
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == SiteURL.people.path)
            let people = try await Self.people(app)
            #expect(people.count == 4)
            let moi = try #require(people["Nguyễn Văn Mới"])
            #expect(moi.birthDate?.iso == "1985-03-12" && moi.gender == .male && moi.category == .partyMember)
            #expect(moi.partyJoinedOn?.iso == "2010-02-03" && moi.partyOfficialOn?.iso == "2011-02-03")
            #expect(moi.identityNumber == "001085012345" && moi.phone == "0912 345 678" && moi.email == "moi@donvi.vn")
            #expect(moi.currentUnitID == w.tree.a1.id)
            #expect(people["Trần Thị Hai"]?.category == .cadre && people["Trần Thị Hai"]?.gender == .female)
            let memberships = try await Membership.query(on: app.db).filter(\.$personID == moi.id!).all()
            #expect(memberships.map(\.validFrom) == [LocalDate.today()] && memberships.map(\.unitID) == [w.tree.a1.id!])
            let hoa = try #require(people["Phạm Thị Hoa"])
            #expect(hoa.id == w.known.id && hoa.phone == "0988000111" && hoa.gender == .female)
            #expect(try await ImportTestSupport.auditEntries(app, entity: .person).map(\.action) == [Audit.Action.create, .create, .update].map(\.rawValue))
            let imports = try await ImportTestSupport.auditEntries(app, entity: .dataImport)
            #expect(imports.count == 1)
            let record = try JSONDecoder().decode(ImportAuditRecord.self, from: Data((imports.first?.afterJSON ?? "").utf8))
            #expect(record.sha256 == checksum && record.filename == "nguoi-2025.csv" && record.kind == "can_bo_dang_vien")
            #expect(record.created == 2 && record.updated == 1 && record.skipped == 0 && record.rows == 3)

            // act: the same file again
            let auditCount = try await AuditEntry.query(on: app.db).count()
            let again = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi-2025.csv", data: Self.goodFile)

            // assert: everyone is there unchanged; nothing to confirm, nothing written
            #expect(again.status == .ok)
            #expect(ImportTestSupport.lines(in: again.body.string).map { $0[1] } == ["Bỏ qua", "Bỏ qua", "Bỏ qua"])
            #expect(ImportTestSupport.confirmPath(in: again.body.string) == nil)
            #expect(try await Person.query(on: app.db).count() == 4)
            #expect(try await Membership.query(on: app.db).count() == 4)
            #expect(try await AuditEntry.query(on: app.db).count() == auditCount)
        }
    }

    @Test func anEditedRowUpdatesExactlyThatPerson() async throws {
        try await withTestApp { app in
            // setup: the good file imported
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let first = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi.csv", data: Self.goodFile)
            _ = try await web.post(try #require(ImportTestSupport.confirmPath(in: first.body.string)), [:])
            let before = try await Self.people(app).mapValues(PersonSnapshot.init)
            let edited = ImportTestSupport.csv([
                Self.header,
                "Nguyễn Văn Mới,12/3/1985,Nam,A1,Đảng viên,3/2/2010,3/2/2011,001085012345,0912 999 999,moi@donvi.vn",
                "Trần Thị Hai,01/01/1990,nữ,A1,can_bo,,,,,",
                "Phạm Thị Hoa,30/04/1979,Nữ,A1,Đảng viên,,,,0988000111,",
            ])

            // act
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi-sua.csv", data: edited)
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: preview.body.string)), [:])

            // assert: only that person's phone changed
            #expect(ImportTestSupport.lines(in: preview.body.string).map { $0[1] } == ["Cập nhật", "Bỏ qua", "Bỏ qua"])
            #expect(done.status == .seeOther)
            let after = try await Self.people(app).mapValues(PersonSnapshot.init)
            #expect(after.count == before.count)
            for (name, snapshot) in after where name != "Nguyễn Văn Mới" { #expect(snapshot == before[name]) }
            #expect(after["Nguyễn Văn Mới"]?.phone == "0912 999 999")
            #expect(after["Nguyễn Văn Mới"]?.id == before["Nguyễn Văn Mới"]?.id)
        }
    }

    @Test func aRowTheDatabaseRefusesRollsBackTheWholeFile() async throws {
        try await withTestApp { app in
            // setup: the second new person cannot be inserted
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi.csv", data: Self.goodFile)
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))
            try await ImportTestSupport.failInsert(app, into: "people", when: "full_name", is: "Trần Thị Hai")
            let auditBefore = try await AuditEntry.query(on: app.db).count()

            // act
            let done = try await web.post(confirm, [:])

            // assert: the row is named; the first row's person and the later update are not kept
            #expect(done.status == .unprocessableEntity)
            #expect(ImportTestSupport.problems(in: done.body.string).map { $0[0] } == ["3"])
            #expect(try await Person.query(on: app.db).count() == 2)
            #expect(try await Membership.query(on: app.db).count() == 2)
            #expect(try await Person.find(w.known.id, on: app.db)?.phone == "")
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
        }
    }

    @Test func aTCVN3ExcelFileCreatesPeopleWithTheirDiacritics() async throws {
        try await withTestApp { app in
            // setup: the header and the names in .VnTime; codes and categories plain
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let file = try XLSXFixture.inlineWorkbook([
                [LegacyBytes.view(LegacyBytes.hoVaTen), LegacyBytes.view(LegacyBytes.chiBo), "Loai", "Ngay sinh"],
                [LegacyBytes.view(LegacyBytes.binh), "A1", "dang vien", "02/06/1985"],
                [LegacyBytes.view(LegacyBytes.cuong), "A1", "Can bo", "15/8/1970"],
            ])

            // act
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "dang-vien-abc.xlsx", data: file)
            let html = preview.body.string
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: html)), [:])

            // assert
            #expect(html.contains("Cột “Họ và tên”: chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(ImportTestSupport.lines(in: html).map { $0[2] } == ["Trần Thị Bình (A1)", "Lê Văn Cường (A1)"])
            #expect(done.status == .seeOther)
            let people = try await Self.people(app)
            #expect(people["Trần Thị Bình"]?.category == .partyMember && people["Trần Thị Bình"]?.birthDate?.iso == "1985-06-02")
            #expect(people["Lê Văn Cường"]?.category == .cadre && people["Lê Văn Cường"]?.currentUnitID == w.tree.a1.id)
            #expect(people["Lê Văn Cường"]?.nameFolded == VietnameseText.fold("Lê Văn Cường"))
        }
    }

    @Test func theTemplateHasTheHeadersTheImportReads() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")

            // act: download the template, fill one row, upload it
            let template = try await web.get(SiteURL.peopleImportTemplate.path)
            let data = Data(buffer: template.body)
            let sheet = try SpreadsheetReader.read(data, filename: "mau.csv", limits: ImportService.limits)
            let table = try HeaderMatcher.table(sheet, columns: ImportKind.people.columns)
            var filled = data
            filled.append(Data("Hoàng Văn Mẫu,1/2/1991,Nam,A1,Đảng viên,,,,,,\n".utf8))
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "mau.csv", data: filled)

            // assert: every column found, in the template's order; the filled template previews
            #expect(template.status == .ok)
            #expect(table.columns.count == ImportKind.people.columns.count)
            #expect(ImportKind.people.columns.enumerated().allSatisfy { table.columns[$0.element.key] == $0.offset })
            #expect(ImportTestSupport.lines(in: preview.body.string).map { $0[1] } == ["Thêm mới"])
        }
    }
}
