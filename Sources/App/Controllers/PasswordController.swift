import Domain
import Fluent
import Vapor

/// Changing one's own password (đổi mật khẩu).
struct PasswordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.password.pattern, use: form)
        routes.post(SiteURL.password.pattern, use: change)
    }

    struct Input: Content {
        var current: String?
        var password: String?
        var password2: String?
    }

    func form(req: Request) async throws -> HTMLPage {
        let chrome = req.chrome("Đổi mật khẩu")
        return HTMLPage(chrome, PasswordView.render(errors: FormErrors(), csrf: chrome.csrf))
    }

    func change(req: Request) async throws -> Response {
        let current = try req.user
        let input = try req.content.decode(Input.self)
        let ip = req.remoteAddress?.ipAddress ?? "unknown"
        func fail(_ errors: FormErrors, _ status: HTTPStatus = .unprocessableEntity) async throws -> Response {
            let chrome = req.chrome("Đổi mật khẩu")
            return try await HTMLPage(chrome, PasswordView.render(errors: errors, csrf: chrome.csrf), status: status).encodeResponse(for: req)
        }
        // A left-open session must not become a way to guess the password: the same limit as the login.
        if try await LoginThrottle.isBlocked(username: current.username, ip: ip, on: req.db) {
            var errors = FormErrors()
            errors.add("current", LoginThrottle.message)
            return try await fail(errors, .tooManyRequests)
        }
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.unauthorized) }
        var errors = FormErrors()
        let password = input.password ?? ""
        if !Passwords.verify(input.current ?? "", hash: user.passwordHash) {
            try await LoginThrottle.record(username: user.username, ip: ip, succeeded: false, on: req.db)
            errors.add("current", "Mật khẩu hiện tại không đúng.")
        }
        if let problem = Passwords.problem(with: password) { errors.add("password", problem) }
        else if password == input.current { errors.add("password", "Mật khẩu mới phải khác mật khẩu hiện tại.") }
        if password != (input.password2 ?? "") { errors.add("password2", "Mật khẩu nhập lại không khớp.") }
        guard errors.isEmpty else { return try await fail(errors) }
        try await Accounts.setPassword(of: user, to: password, by: current, keeping: req.session.id, on: req.db)
        return req.redirect(to: SiteURL.home, flash: "Đã đổi mật khẩu.")
    }
}
