@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Outreach activities: validation, totals of the filtered set, filters, scope, audit, escaping.
@Suite struct OutreachTests {
    @Test func invalidInputIsRefusedWithMessagesNamingTheFieldAndNothingWritten() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ConductOutreachFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let tomorrow = LocalDate.today().adding(days: 1).iso
            let cases: [([String: String], String, String)] = [
                (ConductOutreachFixtures.activityForm(participants: "-5"), "participants", "Số lượt người tham gia: không được âm."),
                (ConductOutreachFixtures.activityForm(participants: "nhiều"), "participants", "Số lượt người tham gia: phải là số nguyên"),
                (ConductOutreachFixtures.activityForm(participants: "10000001"), "participants", "Số lượt người tham gia: không được lớn hơn 10.000.000."),
                (ConductOutreachFixtures.activityForm(heldOn: tomorrow), "heldOn", "Ngày tổ chức: không được sau ngày hôm nay."),
                (ConductOutreachFixtures.activityForm(title: ""), "title", "Nội dung tuyên truyền: chưa nhập."),
            ]

            // act & assert
            for (form, field, message) in cases {
                let response = try await web.post(SiteURL.outreachNew.path, form)
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.body.string.contains(message), "\(message)")
                #expect(response.body.string.contains("id=\"e-\(field)\""), "\(field)")
            }
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            let refused = try await api.send(.POST, "/outreach", OutreachBody(
                unit: "A", heldOn: "2024-05-19", form: "hoi_nghi", title: "Hội nghị", participants: -1))
            #expect(refused.status == .unprocessableEntity)
            let error = try ConductOutreachFixtures.json(refused.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "participants")
            #expect((error?["message"] as? String)?.hasPrefix("Số lượt người tham gia:") == true)
            #expect(try await OutreachActivity.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.outreach.rawValue).count() == 0)
        }
    }

    @Test func totalsCoverTheWholeFilteredSetNotOnePage() async throws {
        try await withTestApp { app in
            // setup: 60 activities in A's subtree (more than a page), others in B and in other years
            let tree = try await ConductOutreachFixtures.world(app)
            var expected: [(unit: String, year: Int, form: OutreachForm, participants: Int)] = []
            for i in 0..<60 {
                let unit = i % 3 == 0 ? tree.a : tree.a1
                let year = 2023 + i % 2
                let form = OutreachForm.allCases[i % OutreachForm.allCases.count]
                let participants = 17 * i + 250 * (i % 7)
                try await ConductOutreachFixtures.activity(app, unit: unit, held: "\(year)-0\(1 + i % 9)-1\(i % 10)",
                                                           form: form, participants: participants)
                expected.append((unit.code, year, form, participants))
            }
            try await ConductOutreachFixtures.activity(app, unit: tree.b, held: "2024-03-03", participants: 99_999)
            var web = try await TestClient.login(app, "canbo.a")
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")
            func sum(_ rows: [(unit: String, year: Int, form: OutreachForm, participants: Int)]) -> Int {
                rows.reduce(0) { $0 + $1.participants }
            }
            let of2024 = expected.filter { $0.year == 2024 }
            let a1Press = expected.filter { $0.unit == "A1" && $0.form == .press }

            // act
            let all = try await web.get(SiteURL.outreach.path).body.string
            let year = try await web.get(SiteURL.outreach.with([("nam", "2024")])).body.string
            let narrowed = try ConductOutreachFixtures.json(try await api.get("/outreach/totals?unit=A1&form=bao_chi").body.string)
            let page2 = try ConductOutreachFixtures.json(try await api.get("/outreach?page=2").body.string)

            // assert
            #expect(all.contains("<span id=\"outreach-activities\">60</span>"))
            #expect(all.contains("<span id=\"outreach-participants\">\(VietnameseFormat.number(sum(expected))) lượt</span>"))
            #expect(year.contains("<span id=\"outreach-activities\">\(of2024.count)</span>"))
            #expect(year.contains("<span id=\"outreach-participants\">\(VietnameseFormat.number(sum(of2024))) lượt</span>"))
            #expect(narrowed["activities"] as? Int == a1Press.count)
            #expect(narrowed["participants"] as? Int == sum(a1Press))
            #expect(a1Press.count > 1)
            #expect(page2["total"] as? Int == 60)
            #expect((page2["items"] as? [Any])?.count == 10)
        }
    }

    @Test func scopeHidesOtherSubtreesAndLeadersCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let ofB = try await ConductOutreachFixtures.activity(app, unit: tree.b1, held: "2024-02-02", participants: 777,
                                                                 title: "Hội diễn riêng của B1")
            let ofA = try await ConductOutreachFixtures.activity(app, unit: tree.a1, held: "2024-02-03", participants: 40)
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            let api = try await ConductOutreachFixtures.api(app, "canbo.a")

            // act & assert
            #expect(try await officer.get(SiteURL.outreachActivity(ofB.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.outreachEdit(ofB.id).path, ConductOutreachFixtures.activityForm(unit: "B1")).status == .notFound)
            #expect(try await api.get("/outreach/\(ofB.id!)").status == .notFound)
            let list = try await officer.get(SiteURL.outreach.path).body.string
            #expect(!list.contains("Hội diễn riêng của B1"))
            #expect(list.contains("<span id=\"outreach-participants\">40 lượt</span>"))
            let totals = try ConductOutreachFixtures.json(try await api.get("/outreach/totals").body.string)
            #expect(totals["participants"] as? Int == 40)
            #expect(try await leader.get(SiteURL.outreachActivity(ofA.id).path).status == .ok)
            #expect(try await leader.get(SiteURL.outreachEdit(ofA.id).path).status == .forbidden)
            #expect(try await leader.post(SiteURL.outreachNew.path, ConductOutreachFixtures.activityForm()).status == .forbidden)
            #expect(try await member.get(SiteURL.outreach.path).status == .forbidden)
            #expect(try await OutreachActivity.query(on: app.db).count() == 2)
        }
    }

    @Test func changesAreAuditedWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ConductOutreachFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let created = try await web.post(SiteURL.outreachNew.path, ConductOutreachFixtures.activityForm(participants: "1.500"))
            let activity = try #require(try await OutreachActivity.query(on: app.db).first())

            // act
            let updated = try await web.post(SiteURL.outreachEdit(activity.id).path,
                                             ConductOutreachFixtures.activityForm(form: .socialMedia, participants: "2400"))

            // assert
            #expect(created.status == .seeOther && updated.status == .seeOther)
            #expect(updated.headers.first(name: .location) == SiteURL.outreachActivity(activity.id).path)
            #expect(try await OutreachActivity.find(activity.id, on: app.db)?.participants == 2400)
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.outreach.rawValue).filter(\.$entityID == activity.id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(entries.first?.afterJSON?.contains("\"participants\":1500") == true)
            #expect(entries.last?.beforeJSON?.contains("\"form\":\"hoi_nghi\"") == true)
            #expect(entries.last?.afterJSON?.contains("\"form\":\"mang_xa_hoi\"") == true)
            #expect(entries.last?.afterJSON?.contains("\"participants\":2400") == true)
        }
    }

    @Test func scriptInATitleRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await ConductOutreachFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let activity = try await ConductOutreachFixtures.activity(app, unit: tree.a, held: "2024-01-01", participants: 5, title: payload)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.outreach.path),
                try await web.get(SiteURL.outreachActivity(activity.id).path),
                try await web.get(SiteURL.outreachEdit(activity.id).path),
                try await web.post(SiteURL.outreachNew.path, ConductOutreachFixtures.activityForm(participants: "-1", title: payload)),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }
}
