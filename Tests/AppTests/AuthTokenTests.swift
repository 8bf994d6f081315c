@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// API keys made and revoked on the /khoa-api page, and what the API does with them.
@Suite struct AuthTokenTests {
    @Test func newTokenIsShownOnceStoredAsItsHashAndWorks() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "can.bo.a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "can.bo.a")

            // act
            let created = try await web.post(SiteURL.tokens.path, ["name": "Bảng tổng hợp Ban Tuyên giáo"])

            // assert
            #expect(created.status == .created)
            let html = created.body.string
            let range = try #require(html.range(of: #"ltb_[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            let raw = String(html[range])
            let row = try #require(try await APIToken.query(on: app.db).first())
            #expect(row.name == "Bảng tổng hợp Ban Tuyên giáo")
            #expect(row.tokenHash == APITokens.hash(raw))
            #expect(row.tokenHash != raw)
            let later = try await web.get(SiteURL.tokens.path)
            #expect(later.body.string.contains("Bảng tổng hợp Ban Tuyên giáo"))
            #expect(!later.body.string.contains(raw))
            let me = try await APIClient(app: app, token: raw).get("/me")
            #expect(me.status == .ok)
            #expect(try AuthTestSupport.json(me)["username"] as? String == "can.bo.a")
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.apiToken.rawValue).first())
            #expect(entry.action == Audit.Action.create.rawValue)
            #expect(entry.unitID == tree.a.id)
            let recorded = (entry.afterJSON ?? "") + (entry.beforeJSON ?? "") + entry.summary
            #expect(!recorded.contains(raw))
            #expect(!recorded.contains(row.tokenHash))
        }
    }

    @Test func nameIsRequired() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "quan.tri", .admin)
            var web = try await TestClient.login(app, "quan.tri")

            // act
            let response = try await web.post(SiteURL.tokens.path, ["name": "   "])

            // assert
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Vui lòng đặt tên cho khóa"))
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test func revokedTokenGets401() async throws {
        try await withTestApp { app in
            // setup
            let user = try await Fixtures.user(app, "dang.vien", .admin)
            let api = try await Fixtures.token(app, for: user)
            let token = try #require(try await APIToken.query(on: app.db).first())
            #expect(try await api.get("/me").status == .ok)
            var web = try await TestClient.login(app, "dang.vien")

            // act
            let revoke = try await web.post(SiteURL.tokenRevoke(token.id).path, [:])
            let after = try await api.get("/me")

            // assert
            #expect(revoke.status == .seeOther)
            #expect(AuthTestSupport.location(revoke) == SiteURL.tokens.path)
            #expect(after.status == .unauthorized)
            #expect(try AuthTestSupport.errorMessage(after) == "Khóa API không hợp lệ hoặc đã bị thu hồi.")
            let stored = try #require(try await APIToken.find(token.id, on: app.db))
            #expect(stored.revokedAt != nil)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == Audit.Action.revoke.rawValue).first())
            #expect(entry.entityID == token.id)
            #expect(entry.userID == user.id)
        }
    }

    @Test func othersTokensAreInvisibleAndCannotBeRevoked() async throws {
        try await withTestApp { app in
            // setup
            let owner = try await Fixtures.user(app, "chu.khoa", .admin)
            try await Fixtures.user(app, "nguoi.khac", .admin)
            let api = try await Fixtures.token(app, for: owner)
            let token = try #require(try await APIToken.query(on: app.db).first())
            token.name = "Khóa riêng của chủ"
            try await token.save(on: app.db)
            var other = try await TestClient.login(app, "nguoi.khac")

            // act
            let list = try await other.get(SiteURL.tokens.path)
            let revoke = try await other.post(SiteURL.tokenRevoke(token.id).path, [:])

            // assert
            #expect(list.status == .ok)
            #expect(!list.body.string.contains("Khóa riêng của chủ"))
            #expect(revoke.status == .notFound)
            #expect(try await APIToken.find(token.id, on: app.db)?.revokedAt == nil)
            #expect(try await api.get("/me").status == .ok)
        }
    }

    @Test func meDescribesTheCaller() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let member = try await Fixtures.person(app, "Hoàng Thị Mai", in: tree.a1)
            let user = try await Fixtures.user(app, "hoang.mai", .member, person: member)
            let leader = try await Fixtures.user(app, "lanh.dao.b", .leader, unit: tree.b)

            // act
            let memberMe = try await Fixtures.token(app, for: user).get("/me")
            let leaderMe = try await Fixtures.token(app, for: leader).get("/me")

            // assert
            let m = try AuthTestSupport.json(memberMe)
            #expect(m["username"] as? String == "hoang.mai")
            #expect(m["role"] as? String == Role.member.rawValue)
            #expect(m["personId"] as? Int == member.id)
            #expect(m["scopeUnitId"] == nil)
            let l = try AuthTestSupport.json(leaderMe)
            #expect(l["scopeUnitId"] as? Int == tree.b.id)
            #expect(l["scopeUnitCode"] as? String == "B")
            #expect(try await AuthTestSupport.schemaProblems(app, l, schema: "Account") == [])
            #expect(try await AuthTestSupport.schemaProblems(app, m, schema: "Account") == [])
        }
    }
}
