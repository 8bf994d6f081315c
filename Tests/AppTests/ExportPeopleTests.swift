@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// The people list as .xlsx and .csv with the people import's own columns: the file imported
/// again changes nothing, with or without identity numbers.
@Suite struct ExportPeopleTests {
    /// People of A and A1 with every fact the import reads (and some without); people of B1.
    static func world(_ app: Application) async throws -> (tree: Fixtures.Tree, inA: [Person], officer: User) {
        let tree = try await Fixtures.tree(app)
        let officer = try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        let member = try await Fixtures.person(app, "Lê Thị Đảng Viên", in: tree.a1)
        try await Fixtures.user(app, "dangvien.a", .member, person: member)
        let full = try await Fixtures.person(app, "Nguyễn Văn Đủ", in: tree.a1)
        full.birthDate = LocalDate("1985-03-12")
        full.gender = .male
        full.partyJoinedOn = LocalDate("2010-02-03")
        full.partyOfficialOn = LocalDate("2011-02-03")
        full.identityNumber = "001085012345"
        full.phone = "0912 345 678"
        full.email = "du@donvi.vn"
        full.note = "Bí thư, kiêm \"tổ trưởng\"; chuyển về 2020"
        try await full.save(on: app.db)
        let cadre = try await Fixtures.person(app, "Trần Thị Cán Bộ", in: tree.a)
        cadre.category = .cadre
        cadre.gender = .female
        cadre.birthDate = LocalDate("1990-01-01")
        cadre.identityNumber = "012345678"
        try await cadre.save(on: app.db)
        for name in ["Đỗ Văn Ngoài", "Phạm Thị Xa"] {
            let outside = try await Fixtures.person(app, name, in: tree.b1)
            outside.identityNumber = name == "Đỗ Văn Ngoài" ? "001080000999" : nil
            try await outside.save(on: app.db)
        }
        return (tree, [member, full, cadre], officer)
    }

    static func sheet(_ data: Data, _ filename: String) throws -> [[String]] {
        try SpreadsheetReader.read(data, filename: filename).rows.map { $0.cells.map(\.inputText) }
    }

    /// The file previewed as a people import by `user`.
    static func reimport(_ app: Application, _ data: Data, _ filename: String, as user: User) async throws -> ImportPreview {
        let access = Access(user: CurrentUser(user), db: app.db)
        return try await ImportService.preview(ImportUpload(filename: filename, data: data), kind: .people, params: ImportParams(), access: access).0
    }

    @Test func bothFilesHaveTheImportsColumnsAndImportAgainUnchanged() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let list = try await web.get(SiteURL.people.path)

            // act
            let xlsx = try await web.get(SiteURL.peopleXlsx.path)
            let csv = try await web.get(SiteURL.peopleCsv.path)
            let xlsxData = Data(buffer: xlsx.body), csvData = Data(buffer: csv.body)
            let fromXLSX = try await Self.reimport(app, xlsxData, "nguoi.xlsx", as: w.officer)
            let fromCSV = try await Self.reimport(app, csvData, "nguoi.csv", as: w.officer)

            // assert: the list offers both; the files are the import's table, scoped to A
            #expect(list.body.string.contains(SiteURL.peopleXlsx.path) && list.body.string.contains("Tải về CSV"))
            #expect(xlsx.status == .ok && xlsx.headers.first(name: .contentType) == FileDownload.xlsx)
            #expect(csv.status == .ok && csv.headers.first(name: .contentType) == FileDownload.csv)
            #expect(xlsx.headers.first(name: .contentDisposition)?.contains(".xlsx") == true)
            for rows in [try Self.sheet(xlsxData, "nguoi.xlsx"), try Self.sheet(csvData, "nguoi.csv")] {
                #expect(rows.first == PeopleRows.columns.map(\.title))
                #expect(rows.count == 1 + w.inA.count)
                #expect(Set(rows.dropFirst().map { $0[0] }) == Set(w.inA.map(\.fullName)))
                let du = try #require(rows.first { $0[0] == "Nguyễn Văn Đủ" })
                #expect(du == ["Nguyễn Văn Đủ", "12/3/1985", "Nam", "A1", "Đảng viên", "3/2/2010", "3/2/2011",
                               "001085012345", "0912 345 678", "du@donvi.vn", "Bí thư, kiêm \"tổ trưởng\"; chuyển về 2020"])
                #expect(rows.contains { $0[0] == "Trần Thị Cán Bộ" && $0[3] == "A" && $0[4] == "Cán bộ" && $0[7] == "012345678" })
            }
            for body in [String(decoding: csvData, as: UTF8.self)] {
                #expect(!body.contains("Ngoài") && !body.contains("Phạm Thị Xa") && !body.contains("001080000999"))
            }
            for preview in [fromXLSX, fromCSV] {
                #expect(preview.problems == [])
                #expect(preview.counts.changes == 0 && preview.counts.skipped == w.inA.count)
            }
        }
    }

    @Test func withoutIdentityNumbersPeopleAreFoundByNameBirthDateAndUnit() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            let admin = try await Fixtures.user(app, "quantri.x", .admin)
            let people = try await Person.query(on: app.db).sort(\.$sortKey).all()
            let units = try await OrgUnit.query(on: app.db).all()
            let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code) })

            // act
            let rows = PeopleExport.rows(people, unitCodes: codes, identityNumbers: false)
            let preview = try await Self.reimport(app, try SheetExport.data(.people, rows: rows, format: .csv), "khong-cccd.csv", as: admin)
            let xlsxPreview = try await Self.reimport(app, try SheetExport.data(.people, rows: rows, format: .xlsx), "khong-cccd.xlsx",
                                                      as: admin)

            // assert: the identity column is there and empty; every person matched, nothing changes
            let identity = try #require(PeopleRows.columns.firstIndex { $0.key == "identityNumber" })
            #expect(rows.allSatisfy { $0.count == PeopleRows.columns.count && $0[identity] == "" })
            #expect(people.contains { $0.identityNumber != nil })
            for p in [preview, xlsxPreview] {
                #expect(p.problems == [])
                #expect(p.counts.changes == 0 && p.counts.skipped == people.count)
            }
            #expect(people.count == w.inA.count + 2)
        }
    }

    @Test func filtersScopeAndRoles() async throws {
        try await withTestApp { app in
            // setup
            try await Self.world(app)
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a")

            // act
            let a1 = try await officer.get(SiteURL.peopleCsv.with([("don-vi", "A1")]))
            let cadres = try await leader.get(SiteURL.peopleCsv.with([("loai", PersonCategory.cadre.rawValue)]))
            let named = try await officer.get(SiteURL.peopleXlsx.with([("q", "nguyen van du")]))
            let outside = try await officer.get(SiteURL.peopleCsv.with([("don-vi", "B1")]))
            let forMember = try await member.get(SiteURL.peopleCsv.path)

            // assert
            #expect(try Self.sheet(Data(buffer: a1.body), "a.csv").dropFirst().map { $0[0] }.sorted()
                    == ["Lê Thị Đảng Viên", "Nguyễn Văn Đủ"])
            #expect(try Self.sheet(Data(buffer: cadres.body), "c.csv").dropFirst().map { $0[0] } == ["Trần Thị Cán Bộ"])
            #expect(try Self.sheet(Data(buffer: named.body), "n.xlsx").dropFirst().map { $0[0] } == ["Nguyễn Văn Đủ"])
            #expect(outside.status == .notFound && !outside.body.string.contains("Ngoài"))
            #expect(forMember.status == .forbidden)
        }
    }

    @Test func everyImportColumnHasItsValue() {
        // setup
        let person = Person()
        person.fullName = "X"
        person.category = .partyMember
        person.phone = ""
        person.email = ""
        person.note = ""

        // act
        let values = PeopleExport.values(person, unitCode: "A1", identityNumbers: true)

        // assert: a column added to the import without its export would break the round trip
        #expect(Set(values.keys) == Set(PeopleRows.columns.map(\.key)))
    }
}

