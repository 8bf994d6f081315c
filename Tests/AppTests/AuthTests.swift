@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Signing in and out through the real pages: sessions, form tokens, throttling, redirects.
@Suite struct AuthTests {
    @Test func loginRedirectsAndIssuesANewSessionCookie() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "nguyen.an", .admin)
            var web = try await AuthTestSupport.anonymous(app)
            let before = try #require(web.cookie)

            // act
            let response = try await web.post(SiteURL.login.path, ["username": "Nguyen.An", "password": Fixtures.password, "next": "/nhat-ky"])

            // assert
            #expect(response.status == .seeOther)
            #expect(AuthTestSupport.location(response) == "/nhat-ky")
            let after = try #require(web.cookie)
            #expect(after != before)
            #expect(after != "ltb_session=")
            let home = try await web.get(SiteURL.home.path)
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Xin chào, nguyen.an"))
            // The cookie from before the login is worth nothing (session fixation).
            var planted = TestClient(app: app)
            planted.cookie = before
            let stale = try await planted.get(SiteURL.home.path)
            #expect(stale.status == .seeOther)
            #expect(AuthTestSupport.location(stale)?.hasPrefix(SiteURL.login.path) == true)
        }
    }

    @Test func wrongPasswordShowsAnErrorWith401() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "tran.binh", .admin)
            var web = try await AuthTestSupport.anonymous(app)

            // act
            let response = try await web.post(SiteURL.login.path, ["username": "tran.binh", "password": "sai-mat-khau-roi"])

            // assert
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("class=\"flash-error\""))
            #expect(response.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            let home = try await web.get(SiteURL.home.path)
            #expect(home.status == .seeOther)
        }
    }

    @Test func sixthAttemptWithinTheWindowIsRefusedEvenWithTheRightPassword() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "le.cuong", .admin)
            try await Fixtures.user(app, "pham.dung", .admin)
            var web = try await AuthTestSupport.anonymous(app)
            for attempt in 1...5 {
                let wrong = try await web.post(SiteURL.login.path, ["username": "le.cuong", "password": "doan-sai-\(attempt)"])
                #expect(wrong.status == .unauthorized)
            }

            // act
            let sixth = try await web.post(SiteURL.login.path, ["username": "le.cuong", "password": Fixtures.password])

            // assert
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.body.string.contains(LoginThrottle.message))
            #expect(try await web.get(SiteURL.home.path).status == .seeOther)
            let failures = try await LoginAttempt.query(on: app.db).filter(\.$username == "le.cuong").filter(\.$succeeded == false).count()
            #expect(failures == 5)
            // The lock is per name: another account from the same address still signs in.
            _ = try await TestClient.login(app, "pham.dung")
        }
    }

    @Test func postsWithoutTheRightFormTokenAreRefusedAndWriteNothing() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "vo.em", .admin)
            var web = try await TestClient.login(app, "vo.em")
            let entriesBefore = try await AuditEntry.query(on: app.db).count()
            var anonymous = try await AuthTestSupport.anonymous(app)

            // act
            let missing = try await web.post(SiteURL.tokens.path, ["name": "Không có mã biểu mẫu"], csrf: false)
            let wrong = try await web.post(SiteURL.tokens.path, ["name": "Mã sai", CSRF.field: String(repeating: "0", count: 48)])
            let account = try await web.post(SiteURL.userNew.path, [
                "username": "gia.mao", "role": Role.admin.rawValue, "password": "mat-khau-gia-mao", "password2": "mat-khau-gia-mao",
            ], csrf: false)
            let login = try await anonymous.post(SiteURL.login.path, ["username": "vo.em", "password": Fixtures.password], csrf: false)

            // assert
            for response in [missing, wrong, account, login] { #expect(response.status == .forbidden) }
            #expect(try await APIToken.query(on: app.db).count() == 0)
            #expect(try await User.query(on: app.db).filter(\.$username == "gia.mao").count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == entriesBefore)
            #expect(try await LoginAttempt.query(on: app.db).count() == 1) // the helper's own login only
            #expect(try await anonymous.get(SiteURL.home.path).status == .seeOther)
        }
    }

    @Test func logoutDestroysTheSession() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "dang.giang", .admin)
            var web = try await TestClient.login(app, "dang.giang")
            let signedIn = try #require(web.cookie)
            #expect(try await web.get(SiteURL.home.path).status == .ok)

            // act
            let response = try await web.post(SiteURL.logout.path, [:])

            // assert
            #expect(response.status == .seeOther)
            #expect(AuthTestSupport.location(response) == SiteURL.login.path)
            var replay = TestClient(app: app)
            replay.cookie = signedIn
            let home = try await replay.get(SiteURL.home.path)
            #expect(home.status == .seeOther)
            #expect(AuthTestSupport.location(home)?.hasPrefix(SiteURL.login.path) == true)
        }
    }

    @Test func anonymousPageRequestsGoToLoginAndAPIRequestsGet401() async throws {
        try await withTestApp { app in
            // setup
            var web = TestClient(app: app)

            // act
            let page = try await web.get("/nhat-ky?loai=don_vi")
            let api = try await app.testing().sendRequest(.GET, APIRoutes.prefix + "/audit")
            let badToken = try await APIClient(app: app, token: "ltb_khong-ton-tai").get("/me")

            // assert
            #expect(page.status == .seeOther)
            let location = try #require(AuthTestSupport.location(page).flatMap { URLComponents(string: $0) })
            #expect(location.path == SiteURL.login.path)
            #expect(location.queryItems?.first { $0.name == "next" }?.value == "/nhat-ky?loai=don_vi")
            #expect(api.status == .unauthorized)
            #expect(api.headers.contentType == .json)
            #expect(try AuthTestSupport.errorMessage(api) == "Cần khóa API (Authorization: Bearer …).")
            #expect(badToken.status == .unauthorized)
            #expect(try AuthTestSupport.errorMessage(badToken) == "Khóa API không hợp lệ hoặc đã bị thu hồi.")
        }
    }

    @Test(arguments: ["//evil.example/dang-nhap", "https://evil.example/", "/\\evil.example", "/\t/evil.example",
                      "/\n/evil.example", "javascript:alert(1)", "evil.example"])
    func nextCannotLeaveTheSite(next: String) async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "ho.hanh", .admin)
            var web = try await AuthTestSupport.anonymous(app)

            // act
            let response = try await web.post(SiteURL.login.path, ["username": "ho.hanh", "password": Fixtures.password, "next": next])

            // assert
            #expect(response.status == .seeOther)
            #expect(AuthTestSupport.location(response) == SiteURL.home.path)
        }
    }

    @Test func nextKeepsALocalPathWithItsQuery() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.user(app, "ngo.khanh", .admin)
            var web = try await AuthTestSupport.anonymous(app)

            // act
            let response = try await web.post(SiteURL.login.path, ["username": "ngo.khanh", "password": Fixtures.password,
                                                                   "next": "/nhat-ky?loai=don_vi&trang=2"])

            // assert
            #expect(AuthTestSupport.location(response) == "/nhat-ky?loai=don_vi&trang=2")
        }
    }

    @Test func deactivatedAccountIsSignedOutAndCannotSignIn() async throws {
        try await withTestApp { app in
            // setup
            let user = try await Fixtures.user(app, "bui.lan", .admin)
            var web = try await TestClient.login(app, "bui.lan")
            user.isActive = false
            try await user.save(on: app.db)

            // act
            let home = try await web.get(SiteURL.home.path)
            var again = try await AuthTestSupport.anonymous(app)
            let login = try await again.post(SiteURL.login.path, ["username": "bui.lan", "password": Fixtures.password])

            // assert
            #expect(home.status == .seeOther)
            #expect(login.status == .unauthorized)
        }
    }
}
