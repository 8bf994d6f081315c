@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The register's counts per event, the API, and the administrators' forms and issuers.
@Suite struct CommendationRegisterTests {
    @Test func countsPerEventAndFiltersMatchTheTestsOwnData() async throws {
        try await withTestApp { app in
            // setup: 70 commendations in A's subtree (more than a page) over two events, and some in B
            let tree = try await ConductOutreachFixtures.world(app)
            let person = try await Fixtures.person(app, "Lê Văn Cá Nhân", in: tree.a1)
            let review = "Sơ kết 3 năm thực hiện Kết luận 01-KL/TW"
            var rows: [(event: String, kind: CommendationRecipient, year: Int, form: String, unit: String)] = []
            for i in 0..<70 {
                let kind = CommendationRecipient.allCases[i % 4 == 3 ? 3 : (i % 3)]
                let event = i % 2 == 0 ? review : "Tổng kết năm 202\(i % 5)"
                let year = 2022 + i % 3
                let form = i % 5 == 0 ? "Biểu dương" : "Giấy khen"
                let by = i % 4 == 0 ? tree.a : tree.a1
                try await CommendationTestSupport.commendation(
                    app, by: by, kind: kind, recipientUnit: kind == .unit ? tree.a1 : nil, person: kind == .person ? person : nil,
                    name: "Tác giả \(i)", form: form, event: event, decided: "\(year)-0\(1 + i % 9)-1\(i % 10)")
                rows.append((event, kind, year, form, by.code))
            }
            try await CommendationTestSupport.commendation(app, by: tree.b, kind: .person, event: review, decided: "2024-05-15")
            var web = try await TestClient.login(app, "canbo.a")
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            func summary(_ set: [(event: String, kind: CommendationRecipient, year: Int, form: String, unit: String)]) -> String {
                CommendationCount.summary(collectives: set.filter { $0.kind.isCollective }.count,
                                          individuals: set.filter { $0.kind == .person }.count,
                                          authorGroups: set.filter { $0.kind == .authors }.count)
            }
            let ofReview = rows.filter { $0.event == review }
            let praised2023 = rows.filter { $0.year == 2023 && $0.form == "Biểu dương" }
            let ofA1 = rows.filter { $0.unit == "A1" && $0.event == review }
            let praise = try await CommendationTestSupport.formID(app, "Biểu dương")

            // act
            let all = try await web.get(SiteURL.commendations.path).body.string
            let event = try await web.get(SiteURL.commendations.with([("dot", "so ket 3 nam")])).body.string
            let narrowed = try await web.get(SiteURL.commendations.with([("nam", "2023"), ("hinh-thuc", String(praise))])).body.string
            let counts = try CommendationTestSupport.json(try await api.get("/commendations/counts?unit=A1&event=S%C6%A1%20k%E1%BA%BFt").body.string)
            let page2 = try CommendationTestSupport.json(try await api.get("/commendations?page=2&perPage=50").body.string)

            // assert
            #expect(all.contains("Được khen: \(summary(rows))"))
            #expect(event.contains("Được khen: \(summary(ofReview))"))
            #expect(narrowed.contains("Được khen: \(summary(praised2023))"))
            #expect(counts["collectives"] as? Int == ofA1.filter { $0.kind.isCollective }.count)
            #expect(counts["individuals"] as? Int == ofA1.filter { $0.kind == .person }.count)
            #expect(counts["summary"] as? String == summary(ofA1))
            #expect(ofReview.count > 1 && praised2023.count > 1 && ofA1.count > 1)
            #expect(page2["total"] as? Int == 70)
            #expect((page2["items"] as? [Any])?.count == 20)
        }
    }

    @Test func theAPICreatesReadsListsAndUpdates() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            var body = CommendationBody(
                unit: "A", formId: try await CommendationTestSupport.formID(app, "Bằng khen"),
                issuerId: try await CommendationTestSupport.issuerID(app, "Ban Thường vụ Tỉnh ủy"), recipientKind: "nhom_tac_gia",
                recipientName: "Nguyễn Văn A, Trần Thị B", fromYear: 2021, toYear: 2023, event: "Sơ kết 3 năm",
                reason: "Tác phẩm đạt giải", decisionNumber: "15-QĐ/ĐUK", decidedOn: "2024-05-15")

            // act
            let created = try await api.send(.POST, "/commendations", body)
            let id = try #require(try CommendationTestSupport.json(created.body.string)["id"] as? Int)
            body.toYear = 2020
            let reversed = try await api.send(.PUT, "/commendations/\(id)", body)
            body.toYear = nil
            body.decisionNumber = "123/QĐ-UBND"
            let updated = try await api.send(.PUT, "/commendations/\(id)", body)
            let read = try CommendationTestSupport.json(try await api.get("/commendations/\(id)").body.string)
            let forms = try CommendationTestSupport.json(try await api.get("/commendation-forms").body.string)
            let issuers = try CommendationTestSupport.json(try await api.get("/commendation-issuers").body.string)

            // assert
            #expect(created.status == .created)
            #expect(reversed.status == .unprocessableEntity)
            let error = try CommendationTestSupport.json(reversed.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "toYear")
            #expect(updated.status == .ok)
            #expect(read["recipientKind"] as? String == "nhom_tac_gia" && read["unitId"] as? Int == tree.a.id)
            #expect(read["fromYear"] as? Int == 2021 && read["toYear"] as? Int == 2021)
            #expect(read["decisionNumber"] as? String == "123/QĐ-UBND" && read["formName"] as? String == "Bằng khen")
            let formNames = (forms["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(formNames == SeedCommendationVocabulary.forms.map(\.name))
            #expect((issuers["items"] as? [[String: Any]])?.count == SeedCommendationVocabulary.issuers.count)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.commendation.rawValue).count() == 2)
        }
    }

    @Test func administratorsAddAndEditFormsAndIssuers() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ConductOutreachFixtures.world(app)
            var admin = try await TestClient.login(app, "quantri")
            var officer = try await TestClient.login(app, "canbo.a")
            let issuer = try await CommendationTestSupport.issuerID(app, "Chủ tịch UBND xã")

            // act
            let added = try await admin.post(SiteURL.commendationFormNew.path, ["name": "Giấy chứng nhận", "isPraise": "on", "sortOrder": "40"])
            let duplicate = try await admin.post(SiteURL.commendationFormNew.path, ["name": "giấy khen"])
            let renamed = try await admin.post(SiteURL.commendationIssuerEdit(issuer).path, ["name": "Chủ tịch UBND phường, xã", "sortOrder": "35"])
            let refused = try await officer.post(SiteURL.commendationIssuerNew.path, ["name": "Cấp khác"])
            let newPage = try await officer.get(SiteURL.commendationNew.path).body.string

            // assert
            #expect(added.status == .seeOther && renamed.status == .seeOther)
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.string.contains("Tên: đã có trong danh mục."))
            #expect(refused.status == .forbidden)
            let form = try #require(try await CommendationForm.query(on: app.db).filter(\.$name == "Giấy chứng nhận").first())
            #expect(form.isPraise && form.sortOrder == 40)
            #expect(try await CommendationIssuer.find(issuer, on: app.db)?.name == "Chủ tịch UBND phường, xã")
            #expect(newPage.contains(">Giấy chứng nhận</option>") && newPage.contains(">Chủ tịch UBND phường, xã</option>"))
            #expect(try await CommendationIssuer.query(on: app.db).filter(\.$name == "Cấp khác").count() == 0)
            let actions = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType ~~ [Audit.Entity.commendationForm.rawValue, Audit.Entity.commendationIssuer.rawValue]).sort(\.$id).all()
            #expect(actions.map(\.entityType) == [Audit.Entity.commendationForm.rawValue, Audit.Entity.commendationIssuer.rawValue])
            #expect(actions.last?.beforeJSON?.contains("Chủ tịch UBND xã") == true)
        }
    }
}
