@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Conduct codes: validation, revisions and what is in force, filters, scope, audit, escaping.
@Suite struct ConductCodeTests {
    @Test func invalidInputIsRefusedWithMessagesNamingTheFieldAndNothingWritten() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let ofA1 = try await ConductOutreachFixtures.code(app, unit: tree.a1, number: "02-QĐ/CB", issued: "2021-05-01")
            let before = try await ConductCode.query(on: app.db).count()
            var web = try await TestClient.login(app, "canbo.a")
            let tomorrow = LocalDate.today().adding(days: 1).iso
            let cases: [([String: String], String, String)] = [
                (ConductOutreachFixtures.codeForm(number: "15-qđ/tu"), "documentNumber", "Số, ký hiệu văn bản: "),
                (ConductOutreachFixtures.codeForm(number: ""), "documentNumber", "Số, ký hiệu văn bản: chưa nhập"),
                (ConductOutreachFixtures.codeForm(number: "15-QĐ/ĐU", issuedOn: tomorrow), "issuedOn",
                 "Ngày ban hành: không được sau ngày hôm nay."),
                (ConductOutreachFixtures.codeForm(number: "15-QĐ/ĐU", replaces: ofA1.id), "replacesId",
                 "Thay thế chuẩn mực: văn bản 02-QĐ/CB là của đơn vị khác"),
            ]

            // act & assert
            for (form, field, message) in cases {
                let response = try await web.post(SiteURL.conductCodeNew.path, form)
                let html = response.body.string
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(html.contains(message), "\(field): \(message)")
                #expect(html.contains("id=\"e-\(field)\""), "\(field)")
            }
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            let refused = try await api.send(.POST, "/conduct-codes", ConductCodeBody(
                unit: "A", scope: "dao_duc_loi_song", title: "Quy định", documentNumber: "Số 15-QĐ/ĐU", issuedOn: "2023-01-01"))
            #expect(refused.status == .unprocessableEntity)
            let error = try ConductOutreachFixtures.json(refused.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "documentNumber")
            #expect((error?["message"] as? String)?.hasPrefix("Số, ký hiệu văn bản:") == true)
            #expect(try await ConductCode.query(on: app.db).count() == before)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.conductCode.rawValue).count() == 0)
        }
    }

    @Test func aRevisionEndsTheForceOfTheCodeItReplaces() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ConductOutreachFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            _ = try await web.post(SiteURL.conductCodeNew.path, ConductOutreachFixtures.codeForm(number: "15-QĐ/ĐU", issuedOn: "2022-03-01"))
            let original = try #require(try await ConductCode.query(on: app.db).first())

            // act
            let prefilled = try await web.get(SiteURL.conductCodeNew.with([("thay-the", String(original.id!))]))
            let early = try await web.post(SiteURL.conductCodeNew.path, ConductOutreachFixtures.codeForm(
                number: "20-QĐ/ĐU", issuedOn: "2022-01-01", replaces: original.id))
            let revised = try await web.post(SiteURL.conductCodeNew.path, ConductOutreachFixtures.codeForm(
                number: "31-QĐ/ĐU", issuedOn: "2024-04-01", replaces: original.id, title: "Quy định sửa đổi"))
            let twice = try await web.post(SiteURL.conductCodeNew.path, ConductOutreachFixtures.codeForm(
                number: "32-QĐ/ĐU", issuedOn: "2024-05-01", replaces: original.id))

            // assert
            #expect(prefilled.body.string.contains("value=\"\(original.id!)\" selected"))
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("phải trước ngày ban hành của bản sửa đổi"))
            #expect(revised.status == .seeOther)
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains("đã được thay thế bởi văn bản 31-QĐ/ĐU"))
            let revision = try #require(try await ConductCode.query(on: app.db).filter(\.$documentNumber == "31-QĐ/ĐU").first())
            #expect(revision.replacesID == original.id)
            #expect(try await ConductCode.query(on: app.db).count() == 2)

            let inForce = try await web.get(SiteURL.conductCodes.with([("hieu-luc", "con")])).body.string
            #expect(inForce.contains("31-QĐ/ĐU") && !inForce.contains("15-QĐ/ĐU"))
            let replaced = try await web.get(SiteURL.conductCodes.with([("hieu-luc", "het")])).body.string
            #expect(replaced.contains("15-QĐ/ĐU") && !replaced.contains(">31-QĐ/ĐU<"))
            #expect(replaced.contains("Đã được thay thế bởi 31-QĐ/ĐU"))
            let detail = try await web.get(SiteURL.conductCode(original.id).path).body.string
            #expect(detail.contains("href=\"\(SiteURL.conductCode(revision.id).path)\""))
            #expect(detail.contains("Đã được thay thế"))
            let revisionPage = try await web.get(SiteURL.conductCode(revision.id).path).body.string
            #expect(revisionPage.contains("href=\"\(SiteURL.conductCode(original.id).path)\""))
            #expect(revisionPage.contains("Còn hiệu lực"))

            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            let listed = try ConductOutreachFixtures.json(try await api.get("/conduct-codes?inForce=true").body.string)
            let items = listed["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["documentNumber"] as? String } == ["31-QĐ/ĐU"])
            #expect(items.first?["replacesId"] as? Int == original.id)
            let old = try ConductOutreachFixtures.json(try await api.get("/conduct-codes/\(original.id!)").body.string)
            #expect(old["inForce"] as? Bool == false)
            #expect(old["replacedById"] as? Int == revision.id)
        }
    }

    @Test func filtersBySubtreeAndYear() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            try await ConductOutreachFixtures.code(app, unit: tree.a, number: "01-QĐ/ĐU", issued: "2021-06-01")
            try await ConductOutreachFixtures.code(app, unit: tree.a1, number: "02-QĐ/CB", issued: "2022-06-01")
            try await ConductOutreachFixtures.code(app, unit: tree.a1, number: "03-QĐ/CB", issued: "2023-06-01")
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let ofA1 = try await web.get(SiteURL.conductCodes.with([("don-vi", "A1")])).body.string
            let of2022 = try await web.get(SiteURL.conductCodes.with([("nam", "2022")])).body.string
            let all = try await web.get(SiteURL.conductCodes.path).body.string
            let unknown = try await web.get(SiteURL.conductCodes.with([("don-vi", "B")])).body.string

            // assert
            #expect(!ofA1.contains("01-QĐ/ĐU") && ofA1.contains("02-QĐ/CB") && ofA1.contains("03-QĐ/CB"))
            #expect(of2022.contains("02-QĐ/CB") && !of2022.contains("01-QĐ/ĐU") && !of2022.contains("03-QĐ/CB"))
            #expect(all.contains("3 chuẩn mực"))
            #expect(unknown.contains("Không tìm thấy tổ chức đảng có mã “B” trong phạm vi của bạn.") && unknown.contains("0 chuẩn mực"))
        }
    }

    @Test func scopeHidesOtherSubtreesAndLeadersCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let ofB = try await ConductOutreachFixtures.code(app, unit: tree.b1, number: "09-QĐ/CB", title: "Quy định riêng của B1")
            let ofA = try await ConductOutreachFixtures.code(app, unit: tree.a, number: "01-QĐ/ĐU")
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")

            // act & assert
            #expect(try await officer.get(SiteURL.conductCode(ofB.id).path).status == .notFound)
            #expect(try await officer.get(SiteURL.conductCodeEdit(ofB.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.conductCodeEdit(ofB.id).path, ConductOutreachFixtures.codeForm(unit: "B1", number: "10-QĐ/CB")).status == .notFound)
            #expect(try await api.get("/conduct-codes/\(ofB.id!)").status == .notFound)
            let list = try await officer.get(SiteURL.conductCodes.path).body.string
            #expect(list.contains("01-QĐ/ĐU") && !list.contains("09-QĐ/CB") && !list.contains("Quy định riêng của B1"))
            let apiList = try await api.get("/conduct-codes").body.string
            #expect(!apiList.contains("09-QĐ/CB"))
            let intoB = try await officer.post(SiteURL.conductCodeNew.path, ConductOutreachFixtures.codeForm(unit: "B1", number: "11-QĐ/CB"))
            #expect(intoB.status == .unprocessableEntity)
            #expect(try await leader.get(SiteURL.conductCode(ofA.id).path).status == .ok)
            #expect(try await leader.get(SiteURL.conductCodeNew.path).status == .forbidden)
            #expect(try await leader.post(SiteURL.conductCodeEdit(ofA.id).path, ConductOutreachFixtures.codeForm(number: "05-QĐ/ĐU")).status == .forbidden)
            #expect(try await member.get(SiteURL.conductCodes.path).status == .forbidden)
            #expect(try await ConductCode.find(ofA.id, on: app.db)?.documentNumber == "01-QĐ/ĐU")
            #expect(try await ConductCode.query(on: app.db).count() == 2)
        }
    }

    @Test func changesAreAuditedWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ConductOutreachFixtures.world(app)
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            let created = try await api.send(.POST, "/conduct-codes", ConductCodeBody(
                unit: "A1", scope: "quy_tac_ung_xu", title: "Quy tắc ứng xử ban đầu", documentNumber: "04-QĐ/CB", issuedOn: "2023-02-01"))
            let id = try #require(try ConductOutreachFixtures.json(created.body.string)["id"] as? Int)

            // act
            let updated = try await api.send(.PUT, "/conduct-codes/\(id)", ConductCodeBody(
                unit: "A1", scope: "quy_tac_ung_xu", title: "Quy tắc ứng xử đã sửa", documentNumber: "05-QĐ/CB", issuedOn: "2023-02-01"))

            // assert
            #expect(created.status == .created)
            #expect(updated.status == .ok)
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.conductCode.rawValue).filter(\.$entityID == id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(entries.last?.username == "canbo.a")
            #expect(entries.last?.beforeJSON?.contains("\"documentNumber\":\"04-QĐ/CB\"") == true)
            #expect(entries.last?.afterJSON?.contains("Quy tắc ứng xử đã sửa") == true)
        }
    }

    @Test func scriptInATitleRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let code = try await ConductOutreachFixtures.code(app, unit: tree.a, number: "01-QĐ/ĐU", title: payload)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.conductCodes.path),
                try await web.get(SiteURL.conductCode(code.id).path),
                try await web.get(SiteURL.conductCodeEdit(code.id).path),
                try await web.get(SiteURL.conductCodeNew.with([("thay-the", String(code.id!))])),
                try await web.post(SiteURL.conductCodeNew.path, ConductOutreachFixtures.codeForm(number: "bad", title: payload)),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
