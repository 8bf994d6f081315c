@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// The commendation register from a file: each row checked by the register's rules, matched by
/// decision and recipient so a re-import changes nothing; bad rows listed, nothing written.
@Suite struct ImportCommendationsTests {
    static let header = "Hình thức,Cấp khen,Số quyết định,Ngày quyết định,Đối tượng,Tên người hoặc tập thể,Mã đơn vị được khen,"
        + "Số CCCD,Mã đơn vị ghi sổ,Từ năm,Đến năm,Đợt/sự kiện,Lý do"

    struct World {
        let tree: Fixtures.Tree
        let hoa: Person
        let tu: Person
        let known: Commendation
    }

    /// An officer and a leader of A; two people of A1 (one with an identity number), one of B1;
    /// a commendation recorded by A already.
    static func world(_ app: Application) async throws -> World {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        let hoa = try await Fixtures.person(app, "Phạm Thị Hoa", in: tree.a1)
        hoa.identityNumber = "001079000111"
        try await hoa.save(on: app.db)
        let tu = try await Fixtures.person(app, "Lê Văn Tư", in: tree.a1)
        _ = try await Fixtures.person(app, "Đỗ Văn Ngoài", in: tree.b1)
        let known = try await CommendationTestSupport.commendation(app, by: tree.a)
        return World(tree: tree, hoa: hoa, tu: tu, known: known)
    }

    static let goodFile = ImportTestSupport.csv([
        header,
        "Giấy khen,Đảng ủy cơ sở,16-QĐ/ĐUK,10/1/2024,Tập thể,Hội Cựu chiến binh phường,,,A,2023,,Tổng kết năm 2023,Có thành tích xuất sắc",
        "Bằng khen,Ban Thường vụ Tỉnh ủy,20-QĐ/TU,15/1/2024,Tổ chức đảng,,A1,,A,2021,2023,,Hoàn thành xuất sắc nhiệm vụ 3 năm",
        "giấy khen,ĐẢNG ỦY CƠ SỞ,17-QĐ/ĐUK,10/1/2024,Cá nhân,Phạm Thị Hoa,,001079000111,A,2023,,,Đảng viên hoàn thành xuất sắc nhiệm vụ",
        "Giấy khen,Đảng ủy cơ sở,17-QĐ/ĐUK,10/1/2024,cá nhân,Lê Văn Tư,A1,,A,2023,,,Đảng viên hoàn thành xuất sắc nhiệm vụ",
        "Giấy khen,Đảng ủy cơ sở,15-QĐ/ĐUK,15/1/2024,Tập thể,Hội Nông dân thôn Thử Nghiệm,,,A,2023,,,Thành tích mới ghi lại",
    ])

    @Test func aGoodFileIsWrittenWholeAndAgainChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let checksum = SHA256.hash(data: Self.goodFile).hex

            // act
            let preview = try await web.upload(SiteURL.commendationImport.path, filename: "khen-2024.csv", data: Self.goodFile)
            let lines = ImportTestSupport.lines(in: preview.body.string)
            #expect(try await Commendation.query(on: app.db).count() == 1)
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: preview.body.string)), [:])

            // assert: four created (a named collective, a unit, a person by identity number, one by name and unit), one updated
            #expect(preview.status == .ok)
            #expect(ImportTestSupport.problems(in: preview.body.string).isEmpty)
            #expect(lines.map { $0[1] } == ["Thêm mới", "Thêm mới", "Thêm mới", "Thêm mới", "Cập nhật"])
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == SiteURL.commendations.path)
            let all = try await Commendation.query(on: app.db).sort(\.$id).all()
            #expect(all.count == 5)
            #expect(all.first { $0.id == w.known.id }?.reason == "Thành tích mới ghi lại")
            let unit = try #require(all.first { $0.recipientKind == .unit })
            #expect(unit.recipientUnitID == w.tree.a1.id && unit.fromYear == 2021 && unit.toYear == 2023 && unit.decisionNumber == "20-QĐ/TU")
            #expect(Set(all.compactMap(\.personID)) == [w.hoa.id!, w.tu.id!])
            let collective = try #require(all.first { $0.recipientName == "Hội Cựu chiến binh phường" })
            #expect(collective.event == "Tổng kết năm 2023" && collective.decidedOn.iso == "2024-01-10" && collective.unitID == w.tree.a.id)
            #expect(try await ImportTestSupport.auditEntries(app, entity: .commendation).map(\.action)
                == [Audit.Action.create, .create, .create, .create, .update].map(\.rawValue))
            let imports = try await ImportTestSupport.auditEntries(app, entity: .dataImport)
            #expect(imports.count == 1)
            let record = try JSONDecoder().decode(ImportAuditRecord.self, from: Data((imports.first?.afterJSON ?? "").utf8))
            #expect(record.sha256 == checksum && record.filename == "khen-2024.csv" && record.kind == "khen_thuong")
            #expect(record.created == 4 && record.updated == 1 && record.skipped == 0 && record.rows == 5)

            // act: the same file again
            let auditCount = try await AuditEntry.query(on: app.db).count()
            let again = try await web.upload(SiteURL.commendationImport.path, filename: "khen-2024.csv", data: Self.goodFile)

            // assert: nothing to confirm, nothing written
            #expect(ImportTestSupport.lines(in: again.body.string).map { $0[1] } == Array(repeating: "Bỏ qua", count: 5))
            #expect(ImportTestSupport.confirmPath(in: again.body.string) == nil)
            #expect(try await AuditEntry.query(on: app.db).count() == auditCount)
            #expect(try await Commendation.query(on: app.db).count() == 5)
        }
    }

    @Test func badRowsAreListedByRowAndColumnAndNothingIsWritten() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            let file = ImportTestSupport.csv([
                Self.header,
                "Giấy khen,Đảng ủy cơ sở,16-QĐ/ĐUK,10/1/2024,Tập thể,Hội Cựu chiến binh phường,,,A,2023,,,Có thành tích",
                "Huân chương,Đảng ủy cơ sở,18-QĐ/ĐUK,10/1/2024,Tập thể,Hội Phụ nữ,,,A,2023,,,Có thành tích",
                "Giấy khen,Bộ Lạ,18-QĐ/ĐUK,10/1/2024,Tập thể,Hội Phụ nữ,,,A,2023,,,Có thành tích",
                "Giấy khen,Đảng ủy cơ sở,18-QĐ/ĐUK,32/1/2024,Tập thể,Hội Phụ nữ,,,A,2023,,,Có thành tích",
                "Giấy khen,Đảng ủy cơ sở,18-QĐ/ĐUK,10/1/2024,Tập thể,Hội Phụ nữ,,,B,2023,,,Có thành tích",
                "Giấy khen,Đảng ủy cơ sở,18-QĐ/ĐUK,10/1/2024,Cá nhân,Đỗ Văn Ngoài,B1,,A,2023,,,Có thành tích",
                "Giấy khen,Đảng ủy cơ sở,16-QĐ/ĐUK,10/1/2024,Tập thể,Hội Cựu chiến binh phường,,,A,2023,,,Có thành tích",
                "Giấy khen,Đảng ủy cơ sở,quyết định 18,10/1/2024,Tập thể,Hội Phụ nữ,,,A,2023,,,Có thành tích",
            ])

            // act
            let preview = try await web.upload(SiteURL.commendationImport.path, filename: "khen-loi.csv", data: file)

            // assert: each bad row named with its column, value and reason; nothing written
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            let byRow = Dictionary(grouping: problems, by: { $0[0] })
            #expect(byRow["2"] == nil)
            #expect(byRow["3"]?.map { $0[1] } == ["Hình thức (cột A)"])
            #expect(byRow["3"]?.first?[2] == "Huân chương")
            #expect(byRow["3"]?.first?[3].hasPrefix("Không có trong danh mục; ghi một trong: “Giấy khen”") == true)
            #expect(byRow["4"]?.map { $0[1] } == ["Cấp khen (cột B)"])
            #expect(byRow["5"]?.map { $0[1] } == ["Ngày quyết định (cột D)"])
            #expect(byRow["5"]?.first?[2] == "32/1/2024")
            #expect(byRow["6"]?.map { $0[1] } == ["Mã đơn vị ghi sổ (cột I)"])
            #expect(byRow["6"]?.first?[3] == "Không tìm thấy tổ chức đảng có mã “B” trong phạm vi của bạn.")
            #expect(byRow["7"]?.map { $0[1] } == ["Tên người hoặc tập thể (cột F)"])
            #expect(byRow["7"]?.first?[3].hasPrefix("Không tìm thấy người này trong phạm vi của bạn") == true)
            #expect(byRow["8"]?.map { $0[1] } == ["Số quyết định (cột C)"])
            #expect(byRow["8"]?.first?[3] == "Trùng quyết định và người hoặc tập thể được khen với dòng 2.")
            #expect(byRow["9"]?.map { $0[1] } == ["Số quyết định (cột C)"])
            #expect(problems.count == 7)
            #expect(ImportTestSupport.confirmPath(in: preview.body.string) == nil)
            #expect(try await Commendation.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
        }
    }

    @Test func aTCVN3NameIsConvertedAndReadOnlyRolesCannotImport() async throws {
        try await withTestApp { app in
            // setup: the authors' names typed in .VnTime
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let file = try XLSXFixture.inlineWorkbook([
                ["Hinh thuc", "Cap khen", "So quyet dinh", "Ngay quyet dinh", "Doi tuong", "Ten nguoi hoac tap the", "Ma don vi ghi so",
                 "Tu nam", "Ly do"],
                ["Giấy khen", "Đảng ủy cơ sở", "21-QĐ/ĐUK", "5/2/2024", "Nhóm tác giả", LegacyBytes.view(LegacyBytes.binh), "A", "2023",
                 "Bài dự thi đạt giải"],
                ["Giấy khen", "Đảng ủy cơ sở", "21-QĐ/ĐUK", "5/2/2024", "Nhóm tác giả", LegacyBytes.view(LegacyBytes.cuong), "A", "2023",
                 "Bài dự thi đạt giải"],
            ])

            // act
            let preview = try await web.upload(SiteURL.commendationImport.path, filename: "khen-abc.xlsx", data: file)
            let html = preview.body.string
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: html)), [:])
            var leader = try await TestClient.login(app, "lanhdao.a")
            let refused = try await leader.get(SiteURL.commendationImport.path)

            // assert
            #expect(html.contains("chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(done.status == .seeOther)
            let names = try await Commendation.query(on: app.db).filter(\.$recipientKind == .authors).all().map(\.recipientName)
            #expect(Set(names) == ["Trần Thị Bình", "Lê Văn Cường"])
            #expect(refused.status == .forbidden)
        }
    }
}
