@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Account administration through the pages: administrators only, validated, audited.
@Suite struct AccountsTests {
    @Test func adminCreatesAScopedAccount() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            var web = try await TestClient.login(app, "quan.tri")

            // act
            let response = try await web.post(SiteURL.userNew.path, [
                "username": "Lanh.Dao.B", "displayName": "  Lãnh  đạo   Đảng bộ B ", "role": Role.leader.rawValue, "unit": "B",
                "person": "", "password": "mat-khau-lanh-dao", "password2": "mat-khau-lanh-dao",
            ])
            let list = try await web.get(SiteURL.users.path)
            let found = try await web.get(SiteURL.users.with([("q", "DAO.B")]))
            let literal = try await web.get(SiteURL.users.with([("q", "dao_b")]))

            // assert
            #expect(response.status == .seeOther)
            #expect(AuthTestSupport.location(response) == SiteURL.users.path)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "lanh.dao.b").first())
            #expect(user.displayName == "Lãnh đạo Đảng bộ B")
            #expect(user.role == .leader)
            #expect(user.scopeUnitID == tree.b.id)
            #expect(user.isActive)
            #expect(list.body.string.contains("Đã tạo tài khoản lanh.dao.b."))
            #expect(list.body.string.contains("Đảng bộ B (B)"))
            #expect(found.body.string.contains(">lanh.dao.b</a>") && !found.body.string.contains(">quan.tri</a>"))
            // "_" is a character to find, not LIKE's wildcard.
            #expect(!literal.body.string.contains(">lanh.dao.b</a>"))
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityID == user.id)
                .filter(\.$entityType == Audit.Entity.user.rawValue).first())
            #expect(entry.userID == admin.id)
            #expect(entry.unitID == tree.b.id)
            #expect(entry.action == Audit.Action.create.rawValue)
        }
    }

    @Test func invalidFormsAreShownAgainAndWriteNothing() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quan.tri", .admin)
            var web = try await TestClient.login(app, "quan.tri")
            let usersBefore = try await User.query(on: app.db).count()

            // act
            let mismatch = try await web.post(SiteURL.userNew.path, [
                "username": "moi.mot", "displayName": "Người Mới", "role": Role.admin.rawValue,
                "password": "mat-khau-dai-du", "password2": "mat-khau-khac",
            ])
            let noUnit = try await web.post(SiteURL.userNew.path, [
                "username": "moi.hai", "role": Role.officer.rawValue, "unit": "KHONG-CO",
                "password": "mat-khau-dai-du", "password2": "mat-khau-dai-du",
            ])
            let taken = try await web.post(SiteURL.userNew.path, [
                "username": "quan.tri", "role": Role.admin.rawValue, "password": "mat-khau-dai-du", "password2": "mat-khau-dai-du",
            ])
            let badPerson = try await web.post(SiteURL.userNew.path, [
                "username": "moi.ba", "role": Role.member.rawValue, "person": "abc",
                "password": "mat-khau-dai-du", "password2": "mat-khau-dai-du",
            ])

            // assert
            for response in [mismatch, noUnit, taken, badPerson] {
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("class=\"flash-error\""))
                #expect(!response.body.string.contains("mat-khau-dai-du"))
            }
            #expect(mismatch.body.string.contains("Mật khẩu nhập lại không khớp."))
            #expect(mismatch.body.string.contains("value=\"Người Mới\""))
            #expect(noUnit.body.string.contains("cần mã tổ chức đảng làm phạm vi"))
            #expect(noUnit.body.string.contains("value=\"KHONG-CO\""))
            #expect(taken.body.string.contains("Tên đăng nhập đã được dùng."))
            #expect(badPerson.body.string.contains("Mã số người phải là một số."))
            #expect(try await User.query(on: app.db).count() == usersBefore)
        }
    }

    @Test func editChangesRoleScopeAndStatusWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quan.tri", .admin)
            let officer = try await Fixtures.user(app, "can.bo", .officer, unit: tree.a)
            var session = try await TestClient.login(app, "can.bo")
            var web = try await TestClient.login(app, "quan.tri")

            // act
            let form = try await web.get(SiteURL.userEdit(officer.id).path)
            let response = try await web.post(SiteURL.userEdit(officer.id).path, [
                "displayName": "Lãnh đạo B", "role": Role.leader.rawValue, "unit": "B", "person": "", "isActive": "0",
                "password": "", "password2": "",
            ])
            let again = try await web.post(SiteURL.userEdit(officer.id).path, [
                "displayName": "Lãnh đạo B", "role": Role.leader.rawValue, "unit": "B", "isActive": "0",
            ])

            // assert
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"A\""))
            #expect(response.status == .seeOther)
            let stored = try #require(try await User.find(officer.id, on: app.db))
            #expect(stored.role == .leader)
            #expect(stored.scopeUnitID == tree.b.id)
            #expect(!stored.isActive)
            #expect(stored.passwordHash == officer.passwordHash)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityID == officer.id)
                .filter(\.$action == Audit.Action.update.rawValue).all()
            #expect(entries.count == 1)
            let changed = AuditChanges.changedFields(before: entries.first?.beforeJSON, after: entries.first?.afterJSON)
            #expect(changed == ["displayName", "isActive", "role", "scopeUnitID"])
            #expect(again.status == .seeOther)
            #expect(try await web.get(SiteURL.users.path).body.string.contains("Không có thay đổi nào."))
            // The locked account's open session ends with its next request.
            #expect(try await session.get(SiteURL.home.path).status == .seeOther)
        }
    }

    @Test func adminCannotLockOrDemoteThemself() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            var web = try await TestClient.login(app, "quan.tri")

            // act
            let lock = try await web.post(SiteURL.userEdit(admin.id).path, ["displayName": "Quản trị", "role": Role.admin.rawValue, "isActive": "0"])
            let demote = try await web.post(SiteURL.userEdit(admin.id).path, [
                "displayName": "Quản trị", "role": Role.officer.rawValue, "unit": "A", "isActive": "1",
            ])

            // assert
            #expect(lock.status == .unprocessableEntity)
            #expect(lock.body.string.contains("Bạn không thể tự khóa tài khoản đang dùng."))
            #expect(demote.status == .unprocessableEntity)
            #expect(demote.body.string.contains("Bạn không thể tự hạ quyền quản trị của chính mình."))
            let stored = try #require(try await User.find(admin.id, on: app.db))
            #expect(stored.role == .admin && stored.isActive && stored.displayName == "quan.tri")
        }
    }

    @Test func officersGet403OnAdministration() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            let officer = try await Fixtures.user(app, "can.bo.a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "can.bo.a")
            let api = try await Fixtures.token(app, for: officer)
            let usersBefore = try await User.query(on: app.db).count()

            // act
            let list = try await web.get(SiteURL.users.path)
            let new = try await web.get(SiteURL.userNew.path)
            let edit = try await web.get(SiteURL.userEdit(admin.id).path)
            let create = try await web.post(SiteURL.userNew.path, [
                "username": "leo.thang", "role": Role.admin.rawValue, "password": "mat-khau-leo-thang", "password2": "mat-khau-leo-thang",
            ])
            let promote = try await web.post(SiteURL.userEdit(officer.id).path, ["role": Role.admin.rawValue, "isActive": "1"])
            let apiList = try await api.get("/users")
            let apiCreate = try await api.send(.POST, "/users", AccountCreateDTO(
                username: "leo.thang", displayName: nil, role: Role.admin.rawValue, unitCode: nil, personId: nil, password: "mat-khau-leo-thang"))

            // assert
            for response in [list, new, edit, create, promote, apiList, apiCreate] {
                #expect(response.status == .forbidden)
            }
            #expect(try await User.query(on: app.db).count() == usersBefore)
            #expect(try await User.find(officer.id, on: app.db)?.role == .officer)
        }
    }
}
