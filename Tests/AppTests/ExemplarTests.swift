@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Exemplars: subjects in scope, validation, list, scope, audit, escaping, API.
@Suite struct ExemplarTests {
    @Test func subjectsOutsideTheScopeAndMissingFieldsAreRefused() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let cases: [([String: String], String, String)] = [
                (PracticeModelFixtures.exemplarForm(personID: world.personB1.id), "personId",
                 "Cá nhân điển hình: không tìm thấy người có mã số “\(world.personB1.id!)” trong phạm vi của bạn."),
                (PracticeModelFixtures.exemplarForm(), "personId", "Cá nhân điển hình: chưa chọn người."),
                (PracticeModelFixtures.exemplarForm(subject: "tap_the", subjectUnit: "B1"), "subjectUnit",
                 "Tập thể điển hình: không tìm thấy tổ chức đảng có mã “B1”"),
                (PracticeModelFixtures.exemplarForm(year: "2015", personID: world.personA1.id), "year", "Năm: phải là một năm từ 2016 đến"),
                (PracticeModelFixtures.exemplarForm(personID: world.personA1.id, story: ""), "story", "Câu chuyện, thành tích: chưa nhập."),
                (PracticeModelFixtures.exemplarForm(subject: ""), "subject", "Đối tượng: chưa chọn tập thể hay cá nhân."),
            ]

            // act & assert
            for (form, field, message) in cases {
                let response = try await web.post(SiteURL.exemplarNew.path, form)
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.body.string.contains(message), "\(field)")
                #expect(response.body.string.contains("id=\"e-\(field)\""), "\(field)")
            }
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))
            let refused = try await api.send(.POST, "/exemplars", ExemplarBody(
                unit: "A", year: 2024, subject: "ca_nhan", subjectUnit: nil, personId: world.personB1.id, story: "Gương mẫu",
                recognisedOn: "2024-05-19", recognisedBy: "Ban Thường vụ"))
            #expect(refused.status == .unprocessableEntity)
            let error = try PracticeModelFixtures.json(refused.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "personId")
            #expect((error?["message"] as? String)?.hasPrefix("Cá nhân điển hình:") == true)
            #expect(try await Exemplar.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.exemplar.rawValue).count() == 0)
        }
    }

    @Test func namesComeFromThePersonOrTheUnitAndTheListFilters() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let person = try await web.post(SiteURL.exemplarNew.path, PracticeModelFixtures.exemplarForm(personID: world.personA1.id))
            let collective = try await web.post(SiteURL.exemplarNew.path,
                                                PracticeModelFixtures.exemplarForm(year: "2023", subject: "tap_the", subjectUnit: "A1"))
            let individuals = try await web.get(SiteURL.exemplars.with([("doi-tuong", "ca_nhan")])).body.string
            let of2023 = try await web.get(SiteURL.exemplars.with([("nam", "2023")])).body.string

            // assert
            #expect(person.status == .seeOther && collective.status == .seeOther)
            let stored = try await Exemplar.query(on: app.db).sort(\.$id).all()
            #expect(stored.map(\.name) == ["Nguyễn Thị Mẫu Mực", "Chi bộ A1"])
            #expect(stored.map(\.personID) == [world.personA1.id, nil])
            #expect(stored.map(\.subjectUnitID) == [nil, world.tree.a1.id])
            #expect(individuals.contains("1 điển hình") && individuals.contains("Nguyễn Thị Mẫu Mực"))
            #expect(of2023.contains("1 điển hình") && of2023.contains(SiteURL.exemplar(stored[1].id).path))
            #expect(!of2023.contains(SiteURL.exemplar(stored[0].id).path))
        }
    }

    @Test func outsideTheSubtreeIsNotFoundAndLeadersCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let ours = try await PracticeModelFixtures.exemplar(app, unit: world.tree.a, year: 2024, person: world.personA1, story: "Chuyện của A")
            let theirs = try await PracticeModelFixtures.exemplar(app, unit: world.tree.b, year: 2024, person: world.personB1, story: "Chuyện của B")
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))
            let form = PracticeModelFixtures.exemplarForm(personID: world.personA1.id)

            // act & assert
            #expect(try await officer.get(SiteURL.exemplar(theirs.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.exemplarEdit(theirs.id).path, form).status == .notFound)
            #expect(try await api.get("/exemplars/\(theirs.id!)").status == .notFound)
            let list = try await officer.get(SiteURL.exemplars.path).body.string
            #expect(list.contains("Nguyễn Thị Mẫu Mực") && !list.contains("Phạm Văn Bên Kia"))
            let apiList = try await api.get("/exemplars").body.string
            #expect(apiList.contains("Chuyện của A") && !apiList.contains("Chuyện của B"))
            #expect(try await leader.get(SiteURL.exemplar(ours.id).path).status == .ok)
            #expect(try await leader.post(SiteURL.exemplarNew.path, form).status == .forbidden)
            #expect(try await leader.post(SiteURL.exemplarEdit(ours.id).path, form).status == .forbidden)
            #expect(try await member.get(SiteURL.exemplars.path).status == .forbidden)
            #expect(try await Exemplar.query(on: app.db).count() == 2)
        }
    }

    @Test func changesAreAuditedWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            _ = try await web.post(SiteURL.exemplarNew.path, PracticeModelFixtures.exemplarForm(personID: world.personA1.id, story: "Chuyện đầu"))
            let exemplar = try #require(try await Exemplar.query(on: app.db).first())
            let api = try await Fixtures.token(app, for: try await PracticeModelFixtures.user(app, "canbo.a"))

            // act
            let edited = try await web.post(SiteURL.exemplarEdit(exemplar.id).path,
                                            PracticeModelFixtures.exemplarForm(subject: "tap_the", subjectUnit: "A1", story: "Chuyện sau"))
            let put = try await api.send(.PUT, "/exemplars/\(exemplar.id!)", ExemplarBody(
                unit: "A1", year: 2022, subject: "ca_nhan", subjectUnit: nil, personId: world.personA1.id, story: "Qua API",
                recognisedOn: "2022-09-02", recognisedBy: "Đảng ủy"))

            // assert
            #expect(edited.status == .seeOther && put.status == .ok)
            let body = try PracticeModelFixtures.json(put.body.string)
            #expect(body["name"] as? String == "Nguyễn Thị Mẫu Mực" && body["recognisedOn"] as? String == "2022-09-02")
            #expect(body["subjectUnitId"] == nil && body["personId"] as? Int == world.personA1.id && body["unitCode"] as? String == "A1")
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.exemplar.rawValue).filter(\.$entityID == exemplar.id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue, Audit.Action.update.rawValue])
            #expect(entries[1].beforeJSON?.contains("Chuyện đầu") == true && entries[1].afterJSON?.contains("Chuyện sau") == true)
            #expect(entries[1].afterJSON?.contains("\"name\":\"Chi bộ A1\"") == true)
        }
    }

    @Test func scriptInAStoryRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let exemplar = try await PracticeModelFixtures.exemplar(app, unit: world.tree.a, year: 2024, person: world.personA1, story: payload)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.exemplar(exemplar.id).path),
                try await web.get(SiteURL.exemplarEdit(exemplar.id).path),
                try await web.get(SiteURL.exemplars.with([("don-vi", payload)])),
                try await web.post(SiteURL.exemplarNew.path, PracticeModelFixtures.exemplarForm(year: "1999", story: payload)),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
