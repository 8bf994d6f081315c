@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// One audit entry: its field-by-field table, its API form, and user text rendered inert.
@Suite struct AuditDetailTests {
    @Test func changedFieldsAreMarked() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            let entry = try await AuditTests.entry(app, "Đổi tên Đảng bộ B", unit: tree.b,
                before: #"{"code":"B","dissolved":false,"name":"Đảng bộ B","note":null}"#,
                after: #"{"code":"B","dissolved":true,"name":"Đảng bộ B mới","parentID":1}"#)
            var web = try await TestClient.login(app, "quan.tri")

            // act
            let page = try await web.get(SiteURL.auditEntry(entry.id).path)
            let api = try await Fixtures.token(app, for: admin).get("/audit/\(entry.id!)")

            // assert
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(AuthTestSupport.count("<tr class=\"changed\">", in: html) == 4)
            #expect(html.contains("<tr><td><code>code</code></td><td>B</td><td>B</td></tr>"))
            #expect(html.contains("<td>Không</td><td>Có</td>"))
            #expect(html.contains("<td>Đảng bộ B</td><td>Đảng bộ B mới</td>"))
            #expect(html.contains("<code>parentID</code>"))
            #expect(html.contains("href=\"/don-vi/\(tree.b.id!)\""))
            let body = try AuthTestSupport.json(api)
            #expect(body["changedFields"] as? [String] == ["dissolved", "name", "note", "parentID"])
            #expect(body["summary"] as? String == "Đổi tên Đảng bộ B")
            #expect(body["before"] as? String == entry.beforeJSON)
            #expect(try await AuthTestSupport.schemaProblems(app, body, schema: "AuditEntryDetail") == [])
        }
    }

    @Test func creationHasOnlyAfterValues() {
        // act
        let rows = AuditChanges.rows(before: nil, after: #"{"isActive":true,"scopeUnitID":3,"username":"a.b"}"#)

        // assert
        #expect(rows == [
            .init(field: "isActive", before: nil, after: "Có", changed: true),
            .init(field: "scopeUnitID", before: nil, after: "3", changed: true),
            .init(field: "username", before: nil, after: "a.b", changed: true),
        ])
        #expect(AuditChanges.rows(before: nil, after: nil).isEmpty)
        #expect(AuditChanges.changedFields(before: #"{"a":1}"#, after: #"{"a":true}"#) == ["a"])
    }

    @Test func userTextIsRenderedInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quan.tri", .admin)
            let payload = "\"><script>alert(1)</script>"
            let entry = try await AuditTests.entry(app, "Tóm tắt \(payload)", unit: tree.a, username: "<img src=x onerror=alert(2)>",
                                                   after: "{\"name\":\"\(payload.replacingOccurrences(of: "\"", with: "\\\""))\"}")
            let admin = try await User.query(on: app.db).filter(\.$username == "quan.tri").first()!
            let victim = try await Fixtures.user(app, "nan.nhan", .officer, unit: tree.a)
            try await Accounts.update(victim, AccountUpdate(displayName: "Tên \(payload)", role: Role.officer.rawValue, unitCode: "A",
                                                            isActive: true), by: CurrentUser(admin), on: app.db)
            var web = try await TestClient.login(app, "quan.tri")

            // act
            let list = try await web.get(SiteURL.audit.with([("nguoi-dung", payload)]))
            let all = try await web.get(SiteURL.audit.path)
            let detail = try await web.get(SiteURL.auditEntry(entry.id).path)
            let accounts = try await web.get(SiteURL.users.path)

            // assert
            for response in [list, all, detail, accounts] {
                let html = response.body.string
                #expect(!html.contains("<script>alert(1)"))
                #expect(!html.contains("<img src=x"))
            }
            #expect(list.body.string.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
            #expect(all.body.string.contains("&lt;img src=x onerror=alert(2)&gt;"))
            #expect(all.body.string.contains("Tóm tắt \"&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(detail.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(accounts.body.string.contains("Tên \"&gt;&lt;script&gt;"))
        }
    }
}
