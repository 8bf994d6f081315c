@testable import App
import Domain
import Fluent
import Foundation
import Spreadsheets
import Testing
import Vapor
import VaporTesting

/// Organisation units from a file: created under parents in scope (or earlier rows), updated by
/// code, re-import changing nothing; every problem by row and column, nothing written.
@Suite struct ImportUnitsTests {
    static let header = "Mã,Tên tổ chức đảng,Loại,Mã đơn vị cấp trên,Ngày thành lập,Ngày giải thể,Gắn với,Ghi chú"

    /// The fixture tree, an officer and a leader of A.
    static func world(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        return tree
    }

    static let goodFile = ImportTestSupport.csv([
        header,
        "A2,Chi bộ A2,Chi bộ trực thuộc,A,1/3/2024,,Cơ quan,",
        "A3,Đảng bộ bộ phận A3,DB_BO_PHAN,A,1/6/2024,,doanh_nghiep,Mới lập",
        "A31,Chi bộ A31,Chi bộ trực thuộc,A3,2/6/2024,,Doanh nghiệp,",
        "A1,Chi bộ A1 (đổi tên),Chi bộ cơ sở,A,1/1/2020,,Cơ quan,",
        "A,Đảng ủy Khối A,Đảng bộ trực thuộc,TU,1/1/2020,,Cơ quan,",
    ])

    static func unit(_ app: Application, _ code: String) async throws -> OrgUnit? {
        try await OrgUnit.query(on: app.db).filter(\.$code == code).first()
    }

    @Test func aGoodFileIsWrittenWholeAndAgainChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let checksum = SHA256.hash(data: Self.goodFile).hex

            // act
            let preview = try await web.upload(SiteURL.unitImport.path, filename: "to-chuc.csv", data: Self.goodFile)
            let lines = ImportTestSupport.lines(in: preview.body.string)
            #expect(try await OrgUnit.query(on: app.db).count() == 5)
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: preview.body.string)), [:])

            // assert: three created (one under a unit of the same file), A1 renamed, A unchanged
            #expect(preview.status == .ok)
            #expect(lines.map { $0[1] } == ["Thêm mới", "Thêm mới", "Thêm mới", "Cập nhật", "Bỏ qua"])
            #expect(lines[3][3] == "Đổi tên.")
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == SiteURL.units.path)
            #expect(try await OrgUnit.query(on: app.db).count() == 8)
            let a3 = try #require(try await Self.unit(app, "A3"))
            let a31 = try #require(try await Self.unit(app, "A31"))
            #expect(a3.kindCode == "DB_BO_PHAN" && a3.attachment == .enterprise && a3.note == "Mới lập" && a3.foundedOn.iso == "2024-06-01")
            #expect(a31.kindCode == "CB_TRUC_THUOC" && a31.nameFolded == VietnameseText.fold("Chi bộ A31"))
            #expect(try await Access.isDescendant(a31.id!, of: a3.id!, on: app.db))
            #expect(try await Access.isDescendant(a31.id!, of: tree.a.id!, on: app.db))
            let link = try await UnitParentLink.query(on: app.db).filter(\.$unitID == a31.id!).all()
            #expect(link.map(\.parentID) == [a3.id] && link.map(\.validFrom.iso) == ["2024-06-02"])
            #expect(try await Self.unit(app, "A1")?.name == "Chi bộ A1 (đổi tên)")
            #expect(try await ImportTestSupport.auditEntries(app, entity: .unit).map(\.action)
                == [Audit.Action.create, .create, .create, .update].map(\.rawValue))
            let imports = try await ImportTestSupport.auditEntries(app, entity: .dataImport)
            #expect(imports.count == 1)
            let record = try JSONDecoder().decode(ImportAuditRecord.self, from: Data((imports.first?.afterJSON ?? "").utf8))
            #expect(record.sha256 == checksum && record.filename == "to-chuc.csv" && record.kind == "to_chuc_dang")
            #expect(record.created == 3 && record.updated == 1 && record.skipped == 1 && record.rows == 5)

            // act: the same file again
            let auditCount = try await AuditEntry.query(on: app.db).count()
            let again = try await web.upload(SiteURL.unitImport.path, filename: "to-chuc.csv", data: Self.goodFile)

            // assert: nothing to confirm, nothing written
            #expect(again.status == .ok)
            #expect(ImportTestSupport.lines(in: again.body.string).map { $0[1] } == Array(repeating: "Bỏ qua", count: 5))
            #expect(ImportTestSupport.confirmPath(in: again.body.string) == nil)
            #expect(try await AuditEntry.query(on: app.db).count() == auditCount)
            #expect(try await OrgUnit.query(on: app.db).count() == 8)
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
                "A2,Chi bộ A2,Chi bộ trực thuộc,A,1/3/2024,,Cơ quan,",
                "A5,Chi bộ A5,Chi bộ trực thuộc,A,31/2/2024,,Cơ quan,",
                "A6,Chi bộ A6,Chi bộ trực thuộc,ZZ,1/1/2024,,Cơ quan,",
                "A7,Chi bộ A7,Loại lạ,A,1/1/2024,,Cơ quan,",
                "A8,Chi bộ A8,Chi bộ trực thuộc,B,1/1/2024,,Cơ quan,",
                "A2,Chi bộ A2 lần hai,Chi bộ trực thuộc,A,1/3/2024,,Cơ quan,",
                "A1,Chi bộ A1,Chi bộ cơ sở,TU,1/1/2020,,Cơ quan,",
                "A1X,Chi bộ A1X,Chi bộ trực thuộc,A,1/1/2024,1/7/2025,Cơ quan,",
                "B1,Chi bộ B1,Chi bộ cơ sở,B,1/1/2020,,Cơ quan,",
                "A,Đảng ủy Khối A,Đảng bộ trực thuộc,TU,5/5/2021,,Cơ quan,",
                "A10,Chi bộ A10,Chi bộ trực thuộc,,1/1/2024,,Cơ quan,",
            ])

            // act
            let preview = try await web.upload(SiteURL.unitImport.path, filename: "to-chuc-loi.csv", data: file)

            // assert: each bad row named with its column, value and reason
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            let byRow = Dictionary(grouping: problems, by: { $0[0] })
            #expect(byRow["2"] == nil)
            #expect(byRow["3"]?.map { $0[1] } == ["Ngày thành lập (cột E)"])
            #expect(byRow["3"]?.first?[2] == "31/2/2024")
            #expect(byRow["3"]?.first?[3].hasPrefix("Ngày thành lập không hợp lệ") == true)
            #expect(byRow["4"]?.map { $0[1] } == ["Mã đơn vị cấp trên (cột D)"])
            #expect(byRow["4"]?.first?[3].hasPrefix("Không tìm thấy tổ chức đảng có mã “ZZ” trong phạm vi của bạn") == true)
            #expect(byRow["5"]?.map { $0[1] } == ["Loại (cột C)"])
            #expect(byRow["5"]?.first?[3] == "Loại tổ chức đảng “Loại lạ” không có trong danh mục.")
            #expect(byRow["6"]?.map { $0[1] } == ["Mã đơn vị cấp trên (cột D)"])
            #expect(byRow["6"]?.first?[3].hasPrefix("Không tìm thấy tổ chức đảng có mã “B” trong phạm vi của bạn") == true)
            #expect(byRow["7"]?.map { $0[1] } == ["Mã (cột A)"])
            #expect(byRow["7"]?.first?[3] == "Trùng mã với dòng 2.")
            #expect(byRow["8"]?.map { $0[1] } == ["Mã đơn vị cấp trên (cột D)"])
            #expect(byRow["8"]?.first?[3].contains("Chuyển đơn vị cấp trên") == true)
            #expect(byRow["9"]?.map { $0[1] } == ["Ngày giải thể (cột F)"])
            #expect(byRow["10"]?.map { $0[1] } == ["Mã (cột A)"])
            #expect(byRow["10"]?.first?[3] == "Mã “B1” đã được dùng cho một tổ chức đảng ngoài phạm vi của bạn.")
            #expect(byRow["11"]?.map { $0[1] } == ["Ngày thành lập (cột E)"])
            #expect(byRow["12"]?.first?[3] == "Đơn vị cấp trên là bắt buộc: chỉ quản trị hệ thống được tạo tổ chức đảng cấp cao nhất.")
            #expect(problems.count == 10)
            #expect(ImportTestSupport.confirmPath(in: preview.body.string) == nil)
            #expect(try await OrgUnit.query(on: app.db).count() == 5)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
        }
    }

    @Test func aTCVN3NameIsConvertedAndReadOnlyRolesCannotImport() async throws {
        try await withTestApp { app in
            // setup: the names typed in .VnTime ("Chi bé th«n §«ng" = "Chi bộ thôn Đông")
            let name: ([UInt8]) -> String = { LegacyBytes.view(LegacyBytes.chiBo + [0x20, 0x74, 0x68, 0xAB, 0x6E, 0x20, 0xA7, 0xAB, 0x6E, 0x67] + $0) }
            _ = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let file = try XLSXFixture.inlineWorkbook([
                ["Ma", "Ten to chuc dang", "Loai", "Ma don vi cap tren", "Ngay thanh lap", "Gan voi"],
                ["A8", name(Array(" A8".utf8)), "CB_TRUC_THUOC", "A", "1/1/2024", "Cơ quan"],
                ["A9", name(Array(" A9".utf8)), "CB_TRUC_THUOC", "A", "1/1/2024", "Cơ quan"],
            ])

            // act
            let preview = try await web.upload(SiteURL.unitImport.path, filename: "to-chuc-abc.xlsx", data: file)
            let html = preview.body.string
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: html)), [:])
            var leader = try await TestClient.login(app, "lanhdao.a")
            let refused = try await leader.get(SiteURL.unitImport.path)

            // assert
            #expect(html.contains("chuyển từ TCVN3 (ABC) sang Unicode"))
            #expect(done.status == .seeOther)
            #expect(try await Self.unit(app, "A8")?.name == "Chi bộ thôn Đông A8")
            #expect(try await Self.unit(app, "A9")?.name == "Chi bộ thôn Đông A9")
            #expect(refused.status == .forbidden)
        }
    }
}
