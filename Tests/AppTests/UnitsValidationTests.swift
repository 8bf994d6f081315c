@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// Creating and editing units: every message in Vietnamese naming its field, nothing half-written.
@Suite struct UnitsValidationTests {
    @Test func badCreateShowsEveryMessageAndWritesNothing() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            let before = try await UnitsTest.Counts.of(app)

            // act
            let response = try await web.post(SiteURL.unitNew.path, [
                "parentCode": "A", "code": "a b", "name": "  ", "kindCode": "XYZ", "attachment": "co_quan", "foundedOn": "31/2/2024",
            ])

            // assert
            let html = response.body.string
            #expect(response.status == .unprocessableEntity)
            #expect(html.contains("Mã đơn vị chỉ gồm chữ in hoa không dấu"))
            #expect(html.contains("Tên đơn vị là bắt buộc."))
            #expect(html.contains("Loại tổ chức đảng “XYZ” không có trong danh mục."))
            #expect(html.contains("Ngày thành lập không hợp lệ"))
            #expect(html.contains(#"value="a b""#), "the code typed is shown again")
            #expect(html.contains(#"id="e-code""#) && html.contains(#"id="e-foundedOn""#))
            #expect(try await UnitsTest.Counts.of(app) == before)
        }
    }

    @Test func duplicateCodeAndMissingParentNameTheirFields() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let officer = try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            let api = try await Fixtures.token(app, for: officer)
            let before = try await UnitsTest.Counts.of(app)
            func body(code: String, parent: Int?) -> UnitWriteDTO {
                UnitWriteDTO(code: code, name: "Chi bộ mới", kindCode: "CB_TRUC_THUOC", attachment: "co_quan", foundedOn: "2024-05-01", parentId: parent)
            }

            // act
            let duplicate = try await api.send(.POST, "/units", body(code: "A1", parent: tree.a.id))
            let noParent = try await api.send(.POST, "/units", body(code: "A2", parent: nil))
            let earlyParent = try await api.send(.POST, "/units", UnitWriteDTO(
                code: "A2", name: "Chi bộ sớm", kindCode: "CB_TRUC_THUOC", attachment: "co_quan", foundedOn: "2019-05-01", parentId: tree.a.id))
            let badKind = try await api.send(.POST, "/units", UnitWriteDTO(
                code: "A2", name: "Chi bộ A2", kindCode: "KHONG_CO", attachment: "co_quan", foundedOn: "2024-05-01", parentId: tree.a.id))

            // assert
            func error(_ r: TestingHTTPResponse) throws -> (String?, String?) {
                let e = try UnitsTest.json(r)["error"] as? [String: Any]
                return (e?["field"] as? String, e?["message"] as? String)
            }
            #expect(duplicate.status == .unprocessableEntity)
            #expect(try error(duplicate) == ("code", "Mã đơn vị “A1” đã được dùng cho tổ chức đảng khác."))
            #expect(noParent.status == .unprocessableEntity)
            #expect(try error(noParent).0 == "parentId")
            #expect(try error(noParent).1?.contains("Đơn vị cấp trên là bắt buộc") == true)
            #expect(try error(earlyParent).0 == "parentId")
            #expect(try error(badKind) == ("kindCode", "Loại tổ chức đảng “KHONG_CO” không có trong danh mục."))
            #expect(try await UnitsTest.Counts.of(app) == before)
        }
    }

    @Test func officerCreatesUnderTheScopeWithLinkClosureAndAudit() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")
            let form = try await web.get(SiteURL.unitNew.with([("cap-tren", String(tree.a1.id!))]))

            // act: a lower-case code is taken in upper case; the parent is typed as a code
            let response = try await web.post(SiteURL.unitNew.path, [
                "parentCode": "a1", "code": "đ-a1.x", "name": "Tổ  đảng   Ánh Dương", "kindCode": "CB_TRUC_THUOC",
                "attachment": "doanh_nghiep", "foundedOn": "15/3/2024", "note": "",
            ])

            // assert
            #expect(form.status == .ok)
            #expect(form.body.string.contains(#"name="parentCode""#) && form.body.string.contains(#"value="A1""#))
            #expect(response.status == .seeOther)
            let unit = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "Đ-A1.X").first())
            #expect(unit.name == "Tổ đảng Ánh Dương")
            #expect(unit.nameFolded == "to dang anh duong")
            #expect(unit.attachment == .enterprise)
            #expect(try await UnitsTest.links(app, of: unit).map { "\($0.parent ?? 0)@\($0.from)" } == ["\(tree.a1.id!)@2024-03-15"])
            #expect(try await Access.isDescendant(unit.id!, of: tree.a.id!, on: app.db))
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityType == "don_vi").first())
            #expect(entry.action == "tao_moi" && entry.entityID == unit.id && entry.beforeJSON == nil)
            #expect(entry.afterJSON?.contains(#""parentID":\#(tree.a1.id!)"#) == true)
        }
    }

    @Test func foundingDateMovesOnlyWithoutConflicts() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            func fields(_ unit: OrgUnit, founded: String) -> [String: String] {
                ["code": unit.code, "name": unit.name, "kindCode": unit.kindCode, "attachment": unit.attachment.rawValue,
                 "foundedOn": founded, "note": "Sửa ngày"]
            }
            let before = try await UnitsTest.Counts.of(app)

            // act: A has A1 since 2020, so it cannot start in 2021; TU did not exist in 2019
            let later = try await web.post(SiteURL.unitEdit(tree.a.id).path, fields(tree.a, founded: "2021-01-01"))
            let earlier = try await web.post(SiteURL.unitEdit(tree.a.id).path, fields(tree.a, founded: "2019-01-01"))
            let refusedCounts = try await UnitsTest.Counts.of(app)
            let fine = try await web.post(SiteURL.unitEdit(tree.b1.id).path, fields(tree.b1, founded: "2020-06-01"))

            // assert
            #expect(later.status == .unprocessableEntity)
            #expect(later.body.string.contains("trước ngày thành lập mới"))
            #expect(earlier.status == .unprocessableEntity)
            #expect(earlier.body.string.contains("Đơn vị cấp trên Tỉnh ủy Thử Nghiệm chưa thành lập"))
            #expect(refusedCounts == before)
            #expect(fine.status == .seeOther)
            #expect(try await UnitsTest.reload(app, tree.b1).foundedOn == UnitsTest.day("2020-06-01"))
            #expect(try await UnitsTest.links(app, of: tree.b1).map(\.from) == ["2020-06-01"])
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityType == "don_vi").filter(\.$entityID == tree.b1.id!).first())
            #expect(entry.beforeJSON?.contains(#""foundedOn":"2020-01-01""#) == true)
            #expect(entry.afterJSON?.contains(#""foundedOn":"2020-06-01""#) == true)
        }
    }
}
