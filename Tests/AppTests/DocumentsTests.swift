@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The register of guidance documents: numbers, uniqueness, dates, audit, escaping.
@Suite struct DocumentsTests {
    @Test func validNumbersAreStoredExactlyAsEntered() async throws {
        try await withTestApp { app in
            // setup
            _ = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let numbers = ["34-KH/ĐUK", "05-HD/BTGTU", "123/QĐ-UBND", "30/2020/NĐ-CP"]

            // act
            var statuses: [HTTPStatus] = []
            for number in numbers {
                let response = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A", number: number))
                statuses.append(response.status)
            }

            // assert
            #expect(statuses == Array(repeating: .seeOther, count: numbers.count))
            let stored = try await GuidanceDocument.query(on: app.db).sort(\.$id).all()
            #expect(stored.map(\.number) == numbers)
            #expect(stored.map(\.numberStyle) == [.party, .party, .state, .state])
            let api = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.a").first()!)
            let created = try await api.send(.POST, "/documents", DocumentBody(
                unit: "A1", number: "07-CV/CB", kind: GuidanceKind.dispatch.rawValue, title: "Công văn số 07", issuedOn: "2024-05-02"))
            #expect(created.status == .created)
            let body = try DocumentsFixtures.json(created.body.string)
            #expect(body["number"] as? String == "07-CV/CB")
            #expect(body["numberStyle"] as? String == "party")
            #expect(body["issuedOn"] as? String == "2024-05-02")
            #expect(body["unitCode"] as? String == "A1")
        }
    }

    @Test func invalidNumbersAreRefusedWithMessagesNamingTheField() async throws {
        try await withTestApp { app in
            // setup
            _ = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let cases: [(String, String)] = [
                ("Số: 34-KH/ĐUK", "không nhập chữ “Số”"),
                ("34-kh/đuk", "chữ in hoa"),
                ("kế hoạch tháng 3", "không đúng định dạng"),
                ("", "Số, ký hiệu văn bản: chưa nhập số văn bản."),
            ]

            // act & assert
            for (number, expected) in cases {
                let response = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A", number: number))
                let html = response.body.string
                #expect(response.status == .unprocessableEntity, "\(number)")
                #expect(html.contains("Số, ký hiệu văn bản: "), "\(number)")
                #expect(html.contains(expected), "\(number)")
                #expect(html.contains("id=\"e-number\""), "\(number)")
                // The form comes back with what was typed.
                if !number.isEmpty { #expect(html.contains("value=\"\(number)\""), "\(number)") }
            }
            let api = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.a").first()!)
            let refused = try await api.send(.POST, "/documents", DocumentBody(
                unit: "A", number: "Số 34-KH/ĐUK", kind: "ke_hoach", title: "Kế hoạch", issuedOn: "2024-03-01"))
            #expect(refused.status == .unprocessableEntity)
            let error = try DocumentsFixtures.json(refused.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "number")
            #expect((error?["message"] as? String)?.hasPrefix("Số, ký hiệu văn bản:") == true)
            #expect(try await DocumentsFixtures.count(app) == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.document.rawValue).count() == 0)
        }
    }

    @Test func duplicateNumberInTheSameUnitIsRefused() async throws {
        try await withTestApp { app in
            // setup
            _ = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let first = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A", number: "34-KH/ĐUK"))

            // act
            let again = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A", number: "34-KH/ĐUK", title: "Bản khác"))
            let otherUnit = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A1", number: "34-KH/ĐUK"))

            // assert
            #expect(first.status == .seeOther)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("Đảng ủy Khối A đã có văn bản số 34-KH/ĐUK"))
            #expect(otherUnit.status == .seeOther)
            let titles = try await GuidanceDocument.query(on: app.db).all().map(\.title)
            #expect(titles.count == 2)
            #expect(!titles.contains("Bản khác"))
        }
    }

    @Test func issueDateMustNotBeInTheFuture() async throws {
        try await withTestApp { app in
            // setup
            _ = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let tomorrow = LocalDate.today().adding(days: 1)

            // act
            let response = try await web.post(SiteURL.documentNew.path,
                                              DocumentsFixtures.form(unit: "A", number: "1-KH/ĐUK", issuedOn: tomorrow.iso))

            // assert
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Ngày ban hành: không được sau ngày hôm nay."))
            #expect(try await DocumentsFixtures.count(app) == 0)
        }
    }

    @Test func changesAreAuditedWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            _ = try await DocumentsFixtures.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            _ = try await web.post(SiteURL.documentNew.path,
                                   DocumentsFixtures.form(unit: "A", number: "34-KH/ĐUK", title: "Kế hoạch ban đầu"))
            let document = try #require(try await GuidanceDocument.query(on: app.db).first())

            // act
            let response = try await web.post(SiteURL.documentEdit(document.id).path,
                                              DocumentsFixtures.form(unit: "A", number: "35-KH/ĐUK", title: "Kế hoạch đã sửa"))

            // assert
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == SiteURL.document(document.id).path)
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.document.rawValue).filter(\.$entityID == document.id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(entries.first?.beforeJSON == nil)
            #expect(entries.first?.afterJSON?.contains("Kế hoạch ban đầu") == true)
            let update = try #require(entries.last)
            #expect(update.username == "canbo.a")
            #expect(update.beforeJSON?.contains("\"number\":\"34-KH/ĐUK\"") == true)
            #expect(update.beforeJSON?.contains("Kế hoạch ban đầu") == true)
            #expect(update.afterJSON?.contains("\"number\":\"35-KH/ĐUK\"") == true)
            #expect(update.afterJSON?.contains("Kế hoạch đã sửa") == true)
            let stored = try await GuidanceDocument.find(document.id, on: app.db)
            #expect(stored?.titleFolded == "ke hoach da sua")
        }
    }

    @Test func scriptInATitleRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            let payload = #""><script>alert(1)</script>"#
            let document = try await DocumentsFixtures.document(app, unit: world.tree.a, number: "34-KH/ĐUK", title: payload,
                                                                programmeID: world.programmeID)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.documents.path),
                try await web.get(SiteURL.documents.with([("q", payload)])),
                try await web.get(SiteURL.document(document.id).path),
                try await web.get(SiteURL.documentEdit(document.id).path),
                try await web.get(SiteURL.programme(world.programmeID).path),
                try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A", number: "34-KH/ĐUK", title: payload)),
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
