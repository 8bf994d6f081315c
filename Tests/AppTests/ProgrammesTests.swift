@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Programmes: seeded on migration, read by everyone, changed by administrators only.
@Suite struct ProgrammesTests {
    static func programmeForm(_ number: String, title: String = "Chỉ thị thử nghiệm", issued: String = "2024-01-10",
                              starts: String = "2024-01-10", ends: String = "") -> [String: String] {
        ["documentNumber": number, "title": title, "issuedOn": issued, "startsOn": starts, "endsOn": ends, "summary": ""]
    }

    @Test func seededProgrammesArePresentAfterMigration() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let member = try await Fixtures.person(app, "Nguyễn Thị Đảng Viên", in: tree.a1)
            let account = try await Fixtures.user(app, "dangvien.a1", .member, person: member)
            var web = try await TestClient.login(app, "dangvien.a1")
            let api = try await Fixtures.token(app, for: account)

            // act
            let programmes = try await Programme.query(on: app.db).sort(\.$startsOn).all()
            let page = try await web.get(SiteURL.programmes.path)
            let list = try DocumentsFixtures.json(try await api.get("/programmes").body.string)

            // assert
            #expect(programmes.map(\.documentNumber) == ["05-CT/TW", "01-KL/TW"])
            #expect(programmes.map(\.issuedOn.iso) == ["2016-05-15", "2021-05-18"])
            #expect(programmes.first?.endsOn?.iso == "2021-05-18")
            #expect(programmes.last?.endsOn == nil)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("05-CT/TW") && html.contains("01-KL/TW"))
            #expect(html.contains("15/5/2016 – 18/5/2021"))
            #expect(html.contains("Từ 18/5/2021"))
            #expect(!html.contains("Thêm chương trình"))
            #expect(list["total"] as? Int == 2)
            let items = list["items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["documentNumber"] as? String } == ["01-KL/TW", "05-CT/TW"])
            #expect(items.first?["startsOn"] as? String == "2021-05-18")
        }
    }

    @Test func onlyAdministratorsCreateProgrammes() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            _ = world
            var officer = try await TestClient.login(app, "canbo.tu")
            var admin = try await TestClient.login(app, "quantri")
            let officerAPI = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.tu").first()!)

            // act
            let officerForm = try await officer.get(SiteURL.programmeNew.path)
            let officerPost = try await officer.post(SiteURL.programmeNew.path, Self.programmeForm("03-CT/TW"))
            let officerAPIPost = try await officerAPI.send(.POST, "/programmes", ProgrammeBody(
                documentNumber: "04-CT/TW", title: "Chỉ thị", issuedOn: "2024-01-10", startsOn: "2024-01-10"))
            let created = try await admin.post(SiteURL.programmeNew.path,
                                               Self.programmeForm("03-CT/TW", starts: "2024-02-01", ends: "2026-12-31"))

            // assert
            #expect(officerForm.status == .forbidden)
            #expect(officerPost.status == .forbidden)
            #expect(officerAPIPost.status == .forbidden)
            #expect(created.status == .seeOther)
            let stored = try #require(try await Programme.query(on: app.db).filter(\.$documentNumber == "03-CT/TW").first())
            #expect(stored.startsOn.iso == "2024-02-01")
            #expect(stored.endsOn?.iso == "2026-12-31")
            #expect(created.headers.first(name: .location) == SiteURL.programme(stored.id).path)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.programme.rawValue).all()
            #expect(audit.count == 1)
            #expect(audit.first?.afterJSON?.contains("\"documentNumber\":\"03-CT/TW\"") == true)
            #expect(try await Programme.query(on: app.db).count() == 3)
        }
    }

    @Test func programmeNumberDatesAndUniquenessAreChecked() async throws {
        try await withTestApp { app in
            // setup
            _ = try await DocumentsFixtures.world(app)
            var admin = try await TestClient.login(app, "quantri")
            let cases: [([String: String], String)] = [
                (Self.programmeForm("123/QĐ-UBND"), "Số hiệu văn bản: chương trình là văn bản của Đảng"),
                (Self.programmeForm("Số 03-CT/TW"), "không nhập chữ “Số”"),
                (Self.programmeForm("03-ct/tw"), "chữ in hoa"),
                (Self.programmeForm("05-CT/TW"), "Số hiệu văn bản: đã có chương trình mang số 05-CT/TW."),
                (Self.programmeForm("03-CT/TW", starts: "2024-05-01", ends: "2024-04-30"), "Ngày kết thúc: phải sau ngày bắt đầu (1/5/2024)."),
                (Self.programmeForm("03-CT/TW", title: ""), "Tên chương trình: chưa nhập."),
                (Self.programmeForm("03-CT/TW", issued: "31/2/2024"), "Ngày ban hành: không đúng dạng ngày"),
            ]

            // act & assert
            for (form, message) in cases {
                let response = try await admin.post(SiteURL.programmeNew.path, form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await Programme.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.programme.rawValue).count() == 0)
        }
    }

    @Test func editingAProgrammeIsAuditedAndKeepsItsTopicsInside() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            var admin = try await TestClient.login(app, "quantri")
            let kl01 = try await Programme.find(world.programmeID, on: app.db)!
            _ = try await admin.post(SiteURL.topicNew.path, ProgrammesTopicsTests.wholeTerm(world.programmeID))

            // act
            let tooLate = try await admin.post(SiteURL.programmeEdit(kl01.id).path,
                                               Self.programmeForm("01-KL/TW", title: kl01.title, issued: "2021-05-18", starts: "2022-01-01"))
            let saved = try await admin.post(SiteURL.programmeEdit(kl01.id).path,
                                             Self.programmeForm("01-KL/TW", title: "Kết luận 01-KL/TW (sửa)", issued: "2021-05-18",
                                                                starts: "2021-05-18", ends: "2026-05-18"))

            // assert
            #expect(tooLate.status == .unprocessableEntity)
            #expect(tooLate.body.string.contains("Ngày bắt đầu: chương trình đã có chuyên đề từ năm 2021"))
            #expect(saved.status == .seeOther)
            let stored = try await Programme.find(kl01.id, on: app.db)
            #expect(stored?.title == "Kết luận 01-KL/TW (sửa)")
            #expect(stored?.endsOn?.iso == "2026-05-18")
            let entry = try #require(try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.programme.rawValue).filter(\.$action == Audit.Action.update.rawValue).first())
            #expect(entry.beforeJSON?.contains("\"endsOn\"") == false)
            #expect(entry.beforeJSON?.contains(kl01.title) == true)
            #expect(entry.afterJSON?.contains("\"endsOn\":\"2026-05-18\"") == true)
        }
    }
}
