import Domain
import Fluent
import Vapor

struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login.pattern, use: form)
        routes.post(SiteURL.login.pattern, use: login)
        routes.post(SiteURL.logout.pattern, use: logout)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func form(req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: SiteURL.home.path) }
        let next = try? req.query.get(String.self, at: "next")
        return try await HTMLPage(req.chrome("Đăng nhập"), LoginView.render(username: "", next: next, error: nil, csrf: CSRF.token(for: req)))
            .encodeResponse(for: req)
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginForm.self)
        let username = VietnameseText.normalize(input.username ?? "").lowercased()
        let password = input.password ?? ""
        let ip = req.remoteAddress?.ipAddress ?? "unknown"
        func fail(_ message: String, _ status: HTTPStatus) async throws -> Response {
            let view = LoginView.render(username: username, next: input.next, error: message, csrf: CSRF.token(for: req))
            return try await HTMLPage(req.chrome("Đăng nhập"), view, status: status).encodeResponse(for: req)
        }
        if username.isEmpty || password.isEmpty {
            return try await fail("Vui lòng nhập tên đăng nhập và mật khẩu.", .unprocessableEntity)
        }
        if try await LoginThrottle.isBlocked(username: username, ip: ip, on: req.db) {
            return try await fail(LoginThrottle.message, .tooManyRequests)
        }
        let user = try await User.query(on: req.db).filter(\.$username == username).first()
        // Verify even without an account so timing does not tell which names exist.
        let ok = Passwords.verify(password, hash: user?.passwordHash ?? Self.dummyHash) && (user?.isActive ?? false)
        try await LoginThrottle.record(username: username, ip: ip, succeeded: ok, on: req.db)
        guard ok, let user else {
            return try await fail("Tên đăng nhập hoặc mật khẩu không đúng.", .unauthorized)
        }
        // A new session id on login, so a session id planted before login is worthless.
        // (`destroy()` would invalidate the session for the rest of this request.)
        if let oldID = req.session.id {
            try await req.application.sessions.driver.deleteSession(oldID, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data["uid"] = String(user.id!)
        req.session.data["csrf"] = [UInt8].random(count: 24).hex
        return req.redirect(to: Self.safeNext(input.next))
    }

    func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }

    /// Only local paths, so the login page cannot be used to send people to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return SiteURL.home.path }
        // Browsers drop tabs and newlines inside a URL, so "/\t/evil.example" would become "//evil.example".
        guard !next.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            return SiteURL.home.path
        }
        return next
    }

    static let dummyHash = (try? Passwords.hash("không-dùng-để-đăng-nhập")) ?? ""
}

enum LoginView {
    static func render(username: String, next: String?, error: String?, csrf: String) -> Markup {
        H.el("section", ["class": "login"],
            H.h1("Đăng nhập"),
            error.map { H.el("div", ["class": "flash-error", "role": "alert"], .text($0)) } ?? .empty,
            Form.post(action: SiteURL.login.path, csrf: csrf, id: "login-form", [
                Form.hidden("next", next ?? ""),
                Form.text("username", "Tên đăng nhập", value: username, errors: FormErrors(), required: true,
                          extra: [("autocomplete", "username"), ("autocapitalize", "none")]),
                Form.text("password", "Mật khẩu", value: nil, errors: FormErrors(), type: "password", required: true,
                          extra: [("autocomplete", "current-password")]),
                Form.submit("Đăng nhập"),
            ]),
            H.el("p", [:], H.a(SiteURL.publicExemplars.path, "Gương sáng làm theo Bác — trang công khai, không cần đăng nhập")))
    }
}
