@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A people file the import refuses: every problem by row and column, nothing written; and who may import.
@Suite struct ImportPeopleCheckTests {
    @Test func badRowsAreListedByRowAndColumnAndNothingIsWritten() async throws {
        try await withTestApp { app in
            // setup
            let w = try await ImportPeopleTests.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            let file = ImportTestSupport.csv([
                ImportPeopleTests.header,
                "Nguyễn Văn Mới,12/3/1985,Nam,A1,Đảng viên,,,,,",
                "Lê Văn Ba,1/1/1980,Nam,ZZ9,Đảng viên,,,,,",
                "Lê Văn Bốn,1/1/1980,Nam,B1,Đảng viên,,,,,",
                "Lê Văn Năm,31/02/1980,Nam,A1,Đảng viên,,,,,",
                ",1/1/1980,Nam,A1,Đảng viên,,,,,",
                "Lê Văn Bảy,1/1/1980,Nam,A1,Lãnh đạo,,,,,",
                "Lê Văn Tám,1/1/1980,Nam,A1,Đảng viên,,,\(w.outside.identityNumber!),,",
            ])

            // act
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi.csv", data: file)

            // assert: each bad row named with its column, value and the form's reason
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            let byRow = Dictionary(grouping: problems, by: { $0[0] })
            #expect(byRow["2"] == nil)
            #expect(byRow["3"]?.map { $0[1] } == ["Chi bộ (cột D)"])
            #expect(byRow["3"]?.first?[2] == "ZZ9")
            #expect(byRow["3"]?.first?[3] == "Không tìm thấy tổ chức đảng có mã “ZZ9” trong phạm vi của bạn.")
            #expect(byRow["4"]?.map { $0[1] } == ["Chi bộ (cột D)"])
            #expect(byRow["4"]?.first?[3] == "Không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn.")
            #expect(byRow["5"]?.map { $0[1] } == ["Ngày sinh (cột B)"])
            #expect(byRow["5"]?.first?[2] == "31/02/1980")
            #expect(byRow["6"]?.map { $0[1] } == ["Họ và tên (cột A)"])
            #expect(byRow["6"]?.first?[3] == "Vui lòng nhập.")
            #expect(byRow["7"]?.map { $0[1] } == ["Đối tượng (cột E)"])
            #expect(byRow["7"]?.first?[3] == "Loại “Lãnh đạo” không hợp lệ.")
            #expect(byRow["8"]?.map { $0[1] } == ["Số CCCD (cột H)"])
            #expect(problems.count == 6)
            #expect(ImportTestSupport.confirmPath(in: preview.body.string) == nil)
            #expect(try await Person.query(on: app.db).count() == 2)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
            // the person outside scope was neither matched nor changed
            #expect(try await Person.find(w.outside.id, on: app.db)?.fullName == "Đỗ Văn Ngoài")
        }
    }

    @Test func theSamePersonTwiceInOneFileIsAProblem() async throws {
        try await withTestApp { app in
            // setup: the same new person twice, and the known person by name and by a new identity number
            _ = try await ImportPeopleTests.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let file = ImportTestSupport.csv([
                ImportPeopleTests.header,
                "Nguyễn Văn Mới,12/3/1985,Nam,A1,Đảng viên,,,,,",
                "nguyen van moi,12/03/1985,Nam,A1,Đảng viên,,,,,",
                "Phạm Thị Hoa,30/4/1979,Nữ,A1,Đảng viên,,,,,",
                "Phạm Thị Hoa,30/4/1979,Nữ,A1,Đảng viên,,,001079000123,,",
            ])

            // act
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi.csv", data: file)

            // assert
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            #expect(problems.map { $0[0] } == ["3", "5"])
            #expect(problems.map { $0[3] } == ["Trùng người với dòng 2.", "Trùng người với dòng 4."])
            #expect(try await Person.query(on: app.db).count() == 2)
        }
    }

    @Test func aDissolvedCellTakesNoNewPeople() async throws {
        try await withTestApp { app in
            // setup: A2 under A, dissolved
            let w = try await ImportPeopleTests.world(app)
            let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_CO_SO", parent: w.tree.a, founded: LocalDate("2020-01-01")!)
            a2.dissolvedOn = LocalDate("2024-01-01")
            try await a2.save(on: app.db)
            try await TreeIndex.rebuild(on: app.db)
            var web = try await TestClient.login(app, "canbo.a")
            let file = ImportTestSupport.csv([ImportPeopleTests.header, "Vũ Văn Cũ,1/1/1980,Nam,A2,Đảng viên,,,,,"])

            // act
            let preview = try await web.upload(SiteURL.peopleImport.path, filename: "nguoi.csv", data: file)

            // assert
            #expect(preview.status == .unprocessableEntity)
            #expect(ImportTestSupport.problems(in: preview.body.string).map { $0[1] } == ["Chi bộ (cột D)"])
            #expect(try await Person.query(on: app.db).count() == 2)
        }
    }

    @Test func readOnlyRolesAreRefused() async throws {
        try await withTestApp { app in
            _ = try await ImportPeopleTests.world(app)
            var web = try await TestClient.login(app, "lanhdao.a")
            #expect(try await web.get(SiteURL.peopleImport.path).status == .forbidden)
            #expect(try await web.upload(SiteURL.peopleImport.path, filename: "nguoi.csv", data: ImportPeopleTests.goodFile).status == .forbidden)
            #expect(try await web.get(SiteURL.peopleImportTemplate.path).status == .forbidden)
            #expect(try await Person.query(on: app.db).count() == 2)
        }
    }
}
