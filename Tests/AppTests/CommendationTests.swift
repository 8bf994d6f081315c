@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The commendation register through the web: create, edit, validation, scope, audit, escaping.
@Suite struct CommendationTests {
    @Test func anOfficerRecordsAndCorrectsACommendationAndBothAreAudited() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let person = try await Fixtures.person(app, "Phạm Thị Được Khen", in: tree.a1)
            person.birthDate = LocalDate(year: 1979, month: 4, day: 23)
            person.phone = "0912345678"
            try await person.update(on: app.db)
            var web = try await TestClient.login(app, "canbo.a")
            let fields = try await CommendationTestSupport.form(app, [
                "recipientKind": CommendationRecipient.person.rawValue, "personId": String(person.id!), "recipientName": "",
            ])

            // act
            let created = try await web.post(SiteURL.commendationNew.path, fields)
            let c = try #require(try await Commendation.query(on: app.db).first())
            let detail = try await web.get(SiteURL.commendation(c.id).path).body.string
            let edited = try await web.post(SiteURL.commendationEdit(c.id).path, try await CommendationTestSupport.form(app, [
                "recipientKind": CommendationRecipient.unit.rawValue, "recipientUnit": "A1", "fromYear": "2021", "toYear": "2023",
                "decisionNumber": "123/QĐ-UBND", "issuerId": String(try await CommendationTestSupport.issuerID(app, "Chủ tịch UBND tỉnh")),
            ]))

            // assert
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == SiteURL.commendation(c.id).path)
            #expect(detail.contains("Phạm Thị Được Khen") && detail.contains("15-QĐ/ĐUK") && detail.contains("10/1/2024"))
            #expect(!detail.contains("1979") && !detail.contains("23/4") && !detail.contains("0912345678"))
            #expect(edited.status == .seeOther)
            let saved = try #require(try await Commendation.find(c.id, on: app.db))
            #expect(saved.recipientKind == .unit && saved.recipientUnitID == tree.a1.id && saved.recipientName == "Chi bộ A1")
            #expect(saved.personID == nil && saved.period == "2021–2023" && saved.decisionNumber == "123/QĐ-UBND")
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.commendation.rawValue).filter(\.$entityID == c.id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(entries.first?.afterJSON?.contains("\"personID\":\(person.id!)") == true)
            #expect(entries.last?.beforeJSON?.contains("\"recipientKind\":\"ca_nhan\"") == true)
            #expect(entries.last?.afterJSON?.contains("\"fromYear\":2021") == true)
            #expect(entries.last?.afterJSON?.contains("\"decisionNumber\":\"123\\/QĐ-UBND\"") == true
                    || entries.last?.afterJSON?.contains("\"decisionNumber\":\"123/QĐ-UBND\"") == true)
        }
    }

    @Test func invalidInputIsRefusedNamingTheFieldAndNothingIsWritten() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let outsider = try await Fixtures.person(app, "Người Ở B1", in: tree.b1)
            var web = try await TestClient.login(app, "canbo.a")
            let cases: [([String: String], String, String)] = [
                (["decisionNumber": "Số 15-QĐ/ĐUK"], "decisionNumber", "Số quyết định: chỉ nhập số và ký hiệu"),
                (["decisionNumber": "15-qđ/đuk"], "decisionNumber", "Số quyết định: ký hiệu văn bản phải viết bằng chữ in hoa"),
                (["decisionNumber": "mười lăm"], "decisionNumber", "Số quyết định: số văn bản không đúng định dạng"),
                (["recipientName": ""], "recipientName", "Tên tập thể được khen: chưa nhập."),
                (["recipientKind": "nhom_tac_gia", "recipientName": ""], "recipientName", "Tên các tác giả: chưa nhập."),
                (["recipientKind": "ca_nhan"], "personId", "Cá nhân được khen: chưa chọn người."),
                (["recipientKind": "ca_nhan", "personId": String(outsider.id!)], "personId", "Cá nhân được khen: không tìm thấy người"),
                (["recipientKind": "don_vi"], "recipientUnit", "Tập thể được khen: chưa nhập mã tổ chức đảng."),
                (["recipientKind": ""], "recipientKind", "Đối tượng được khen: chưa chọn"),
                (["fromYear": "2023", "toYear": "2021"], "toYear", "Đến năm: không được trước năm bắt đầu (2023)."),
                (["fromYear": ""], "fromYear", "Từ năm: chưa nhập."),
                (["formId": ""], "formId", "Hình thức khen thưởng: chưa chọn."),
                (["issuerId": "99999"], "issuerId", "Cấp khen: chưa chọn."),
                (["decidedOn": LocalDate.today().adding(days: 1).iso], "decidedOn", "Ngày quyết định: không được sau ngày hôm nay."),
                (["unit": "B"], "unit", "Đơn vị ghi nhận: không tìm thấy tổ chức đảng có mã “B”"),
            ]

            // act & assert
            for (overrides, field, message) in cases {
                let response = try await web.post(SiteURL.commendationNew.path, try await CommendationTestSupport.form(app, overrides))
                let body = response.body.string
                #expect(response.status == .unprocessableEntity, "\(overrides)")
                #expect(body.contains(message), "\(message)")
                #expect(body.contains("id=\"e-\(field)\""), "\(field)")
            }
            let kept = try await web.post(SiteURL.commendationNew.path, try await CommendationTestSupport.form(app, ["decisionNumber": "15/ĐUK"]))
            #expect(kept.body.string.contains("value=\"15/ĐUK\"") && kept.body.string.contains("Hội Cựu chiến binh phường Thử Nghiệm"))
            #expect(try await Commendation.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.commendation.rawValue).count() == 0)
        }
    }

    @Test func scopeHidesOtherSubtreesAndReadOnlyRolesCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let ofB = try await CommendationTestSupport.commendation(app, by: tree.b1, name: "Tập thể riêng của B1")
            let ofA = try await CommendationTestSupport.commendation(app, by: tree.a1, name: "Tập thể của A1")
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            let leaderAPI = try await ConductOutreachFixtures.api(app, "lanhdao.a")
            let fields = try await CommendationTestSupport.form(app)

            // act & assert
            #expect(try await officer.get(SiteURL.commendation(ofB.id).path).status == .notFound)
            #expect(try await officer.get(SiteURL.commendationEdit(ofB.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.commendationEdit(ofB.id).path, fields).status == .notFound)
            #expect(try await api.get("/commendations/\(ofB.id!)").status == .notFound)
            #expect(try await api.send(.PUT, "/commendations/\(ofB.id!)", json: "{}").status == .notFound)
            let list = try await officer.get(SiteURL.commendations.path).body.string
            #expect(!list.contains("Tập thể riêng của B1") && list.contains("Tập thể của A1"))
            #expect(list.contains("Được khen: 1 tập thể và 0 cá nhân"))
            #expect(try await leader.get(SiteURL.commendation(ofA.id).path).status == .ok)
            #expect(try await leader.get(SiteURL.commendationEdit(ofA.id).path).status == .forbidden)
            #expect(try await leader.post(SiteURL.commendationNew.path, fields).status == .forbidden)
            #expect(try await leaderAPI.send(.POST, "/commendations", json: "{}").status == .forbidden)
            #expect(try await member.get(SiteURL.commendations.path).status == .forbidden)
            #expect(try await officer.get(SiteURL.commendationVocabulary.path).status == .forbidden)
            #expect(try await Commendation.query(on: app.db).count() == 2)
        }
    }

    @Test func scriptInUserTextRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let c = try await CommendationTestSupport.commendation(app, by: tree.a, name: payload, event: payload, reason: payload)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.commendations.path),
                try await web.get(SiteURL.commendations.with([("dot", payload)])),
                try await web.get(SiteURL.commendation(c.id).path),
                try await web.get(SiteURL.commendationEdit(c.id).path),
                try await web.post(SiteURL.commendationNew.path, try await CommendationTestSupport.form(app, ["recipientName": payload, "fromYear": "x"])),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
