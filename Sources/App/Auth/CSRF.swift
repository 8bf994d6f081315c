import Vapor

/// Every form carries the session's CSRF token in `_csrf`; a POST without the right one is refused.
/// The token is bound to the session, so a page from another site cannot post as the user.
enum CSRF {
    static let field = "_csrf"
    /// `Route.userInfo` key of a form route's body limit when it is larger than the default.
    static let bodyLimitKey: AnySendableHashable = "csrf.bodyLimit"

    /// The session's token, created on first use (the login form needs one before any sign-in).
    static func token(for request: Request) -> String {
        if let existing = request.session.data["csrf"] { return existing }
        let token = [UInt8].random(count: 24).hex
        request.session.data["csrf"] = token
        return token
    }

    static func isValid(_ submitted: String?, for request: Request) -> Bool {
        guard let expected = request.session.data["csrf"], let submitted else { return false }
        // Constant time, so the comparison does not leak how many characters matched.
        let a = Array(expected.utf8), b = Array(submitted.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET && request.method != .HEAD {
            // A body that came in several reads (any upload) is still a stream here, before the
            // route collects it: collect it now, within the route's own limit, to read the token.
            if request.body.data == nil {
                let limit = request.route?.userInfo[CSRF.bodyLimitKey] as? Int ?? request.application.routes.defaultMaxBodySize.value
                _ = try await request.body.collect(max: limit).get()
            }
            try NULGuard.check(request)
            struct Field: Decodable { let _csrf: String? }
            let submitted = (try? request.content.decode(Field.self))?._csrf ?? request.headers.first(name: "X-CSRF-Token")
            guard CSRF.isValid(submitted, for: request) else {
                throw Abort(.forbidden, reason: "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và thử lại.")
            }
        }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// A form POST taking a body of up to `maxBytes` (an upload). The CSRF check reads the body
    /// before the route does, so the limit is kept on the route for it as well.
    @discardableResult
    func postUpload<R: AsyncResponseEncodable>(
        _ path: [PathComponent], maxBytes: Int, use handler: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: ByteCount(value: maxBytes)), use: handler)
        route.userInfo[CSRF.bodyLimitKey] = maxBytes
        return route
    }
}
