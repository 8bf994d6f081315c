import Vapor

/// Every form carries the session's CSRF token in `_csrf`; a POST without the right one is refused.
/// The token is bound to the session, so a page from another site cannot post as the user.
enum CSRF {
    static let field = "_csrf"

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
            struct Field: Decodable { let _csrf: String? }
            let submitted = (try? request.content.decode(Field.self))?._csrf ?? request.headers.first(name: "X-CSRF-Token")
            guard CSRF.isValid(submitted, for: request) else {
                throw Abort(.forbidden, reason: "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và thử lại.")
            }
        }
        return try await next.respond(to: request)
    }
}
