@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Practice models: validation, the list's counts, scope, audit, escaping, API.
@Suite struct PracticeModelTests {
    @Test func invalidInputIsRefusedWithMessagesNamingTheField() async throws {
        try await withTestApp { app in
            // setup
            _ = try await PracticeModelFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let nextYear = String(LocalDate.today().year + 1)
            let cases: [([String: String], String, String)] = [
                (PracticeModelFixtures.modelForm(year: "2015"), "year", "Năm: phải là một năm từ 2016 đến"),
                (PracticeModelFixtures.modelForm(year: nextYear), "year", "Năm: phải là một năm từ 2016 đến"),
                (PracticeModelFixtures.modelForm(year: ""), "year", "Năm: chưa nhập."),
                (PracticeModelFixtures.modelForm(kind: "khac"), "kind", "Loại mô hình: chưa chọn."),
                (PracticeModelFixtures.modelForm(title: "  "), "title", "Tên mô hình: chưa nhập."),
                (PracticeModelFixtures.modelForm(unit: "B1"), "unit", "Đơn vị đăng ký: không tìm thấy tổ chức đảng có mã “B1”"),
            ]

            // act & assert
            for (form, field, message) in cases {
                let response = try await web.post(SiteURL.practiceModelNew.path, form)
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.body.string.contains(message), "\(field)")
                #expect(response.body.string.contains("id=\"e-\(field)\""), "\(field)")
            }
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))
            let refused = try await api.send(.POST, "/practice-models", PracticeModelBody(
                unit: "A1", year: 2015, kind: "mo_hinh_hay", title: "Mô hình", description: nil, results: nil))
            #expect(refused.status == .unprocessableEntity)
            let error = try PracticeModelFixtures.json(refused.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "year")
            #expect((error?["message"] as? String)?.hasPrefix("Năm:") == true)
            #expect(try await PracticeModel.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.practiceModel.rawValue).count() == 0)
        }
    }

    @Test func listCountsModelsAndDistinctUnitsOfTheFilteredSet() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let t = world.tree
            let data: [(OrgUnit, Int, String)] = [
                (t.a1, 2023, "Tủ sách Bác Hồ"), (t.a1, 2023, "Bữa cơm nghĩa tình"), (t.a1, 2024, "Thắp sáng đường quê"),
                (t.a, 2024, "Dân vận khéo hiến đất"), (t.b1, 2024, "Ngày thứ bảy văn minh"), (t.b, 2023, "Đường hoa"),
            ]
            for (unit, year, title) in data { try await PracticeModelFixtures.model(app, unit: unit, year: year, title: title) }
            func expected(_ keep: ((OrgUnit, Int, String)) -> Bool) -> String {
                let rows = data.filter(keep)
                return "\(rows.count) mô hình của \(Set(rows.map { $0.0.id! }).count) đơn vị"
            }
            var tu = try await TestClient.login(app, "canbo.tu")
            var a = try await TestClient.login(app, "canbo.a")

            // act
            let all = try await tu.get(SiteURL.practiceModels.path).body.string
            let in2024 = try await tu.get(SiteURL.practiceModels.with([("nam", "2024")])).body.string
            let underA = try await tu.get(SiteURL.practiceModels.with([("don-vi", "A")])).body.string
            let searched = try await tu.get(SiteURL.practiceModels.with([("q", "duong")])).body.string
            let seenByA = try await a.get(SiteURL.practiceModels.path).body.string

            // assert
            #expect(all.contains(expected { _ in true }))
            #expect(in2024.contains(expected { $0.1 == 2024 }))
            #expect(underA.contains(expected { [t.a.id, t.a1.id].contains($0.0.id) }))
            #expect(searched.contains(expected { VietnameseText.fold($0.2).contains("duong") }))
            #expect(searched.contains("Thắp sáng đường quê") && !searched.contains("Tủ sách"))
            #expect(seenByA.contains(expected { [t.a.id, t.a1.id].contains($0.0.id) }))
            #expect(!seenByA.contains("Ngày thứ bảy văn minh") && !seenByA.contains("Đường hoa"))
        }
    }

    @Test func outsideTheSubtreeIsNotFoundAndLeadersCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let ours = try await PracticeModelFixtures.model(app, unit: world.tree.a1, year: 2024, title: "Mô hình của A1")
            let theirs = try await PracticeModelFixtures.model(app, unit: world.tree.b1, year: 2024, title: "Mô hình của B1")
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))

            // act & assert
            #expect(try await officer.get(SiteURL.practiceModel(theirs.id).path).status == .notFound)
            #expect(try await officer.get(SiteURL.practiceModelEdit(theirs.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.practiceModelEdit(theirs.id).path, PracticeModelFixtures.modelForm()).status == .notFound)
            #expect(try await api.get("/practice-models/\(theirs.id!)").status == .notFound)
            let list = try await api.get("/practice-models?perPage=200")
            #expect(list.body.string.contains("Mô hình của A1") && !list.body.string.contains("Mô hình của B1"))
            #expect(try await leader.get(SiteURL.practiceModel(ours.id).path).status == .ok)
            #expect(try await leader.get(SiteURL.practiceModelNew.path).status == .forbidden)
            #expect(try await leader.post(SiteURL.practiceModelNew.path, PracticeModelFixtures.modelForm()).status == .forbidden)
            #expect(try await leader.post(SiteURL.practiceModelEdit(ours.id).path, PracticeModelFixtures.modelForm()).status == .forbidden)
            #expect(try await member.get(SiteURL.practiceModels.path).status == .forbidden)
            #expect(try await PracticeModel.query(on: app.db).count() == 2)
            #expect(try await PracticeModel.find(ours.id, on: app.db)?.title == "Mô hình của A1")
        }
    }

    @Test func changesAreAuditedAndTheAPIWrites() async throws {
        try await withTestApp { app in
            // setup
            _ = try await PracticeModelFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let created = try await web.post(SiteURL.practiceModelNew.path, PracticeModelFixtures.modelForm(title: "Mô hình ban đầu"))
            let model = try #require(try await PracticeModel.query(on: app.db).first())
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))

            // act
            let edited = try await web.post(SiteURL.practiceModelEdit(model.id).path,
                                            PracticeModelFixtures.modelForm(year: "2023", title: "Mô hình đã sửa"))
            let put = try await api.send(.PUT, "/practice-models/\(model.id!)", PracticeModelBody(
                unit: "A", year: 2022, kind: "cach_lam_hieu_qua", title: "Cách làm qua API", description: "", results: "Tốt"))
            let posted = try await api.send(.POST, "/practice-models", PracticeModelBody(
                unit: "A1", year: 2021, kind: "mo_hinh_hay", title: "Mô hình mới", description: nil, results: nil))

            // assert
            #expect(created.status == .seeOther && edited.status == .seeOther)
            #expect(edited.headers.first(name: .location) == SiteURL.practiceModel(model.id).path)
            #expect(put.status == .ok && posted.status == .created)
            let body = try PracticeModelFixtures.json(put.body.string)
            #expect(body["unitCode"] as? String == "A" && body["year"] as? Int == 2022 && body["kind"] as? String == "cach_lam_hieu_qua")
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.practiceModel.rawValue).filter(\.$entityID == model.id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue, Audit.Action.update.rawValue])
            #expect(entries[1].beforeJSON?.contains("Mô hình ban đầu") == true)
            #expect(entries[1].afterJSON?.contains("Mô hình đã sửa") == true)
            #expect(entries[1].username == "canbo.a")
            let stored = try await PracticeModel.find(model.id, on: app.db)
            #expect(stored?.titleFolded == "cach lam qua api")
        }
    }

    @Test func scriptInATitleRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let model = try await PracticeModelFixtures.model(app, unit: world.tree.a1, year: 2024, title: payload)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.practiceModels.path),
                try await web.get(SiteURL.practiceModels.with([("q", payload)])),
                try await web.get(SiteURL.practiceModel(model.id).path),
                try await web.get(SiteURL.practiceModelEdit(model.id).path),
                try await web.post(SiteURL.practiceModelNew.path, PracticeModelFixtures.modelForm(year: "1999", title: payload)),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            #expect(pages.last?.status == .unprocessableEntity)
        }
    }
}
