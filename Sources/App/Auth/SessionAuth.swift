import Domain
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Signs in the account whose id the session holds. Inactive accounts are signed out.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.session.data["uid"], let id = Int(raw) {
            if let user = try await User.find(id, on: try request.sessionDB), user.isActive {
                request.auth.login(CurrentUser(user))
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Pages need a signed-in account; anyone else is sent to the login page and brought back after.
struct RequireLoginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(CurrentUser.self) else {
            let target = request.method == .GET ? request.url.string : "/"
            return request.redirect(to: SiteURL.login(next: target))
        }
        try await FreshTree.ensure(for: request)
        return try await next.respond(to: request)
    }
}

/// Programs call /api/v1 with `Authorization: Bearer <token>`; only the token's SHA-256 is stored.
struct BearerTokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw Abort(.unauthorized, reason: "Cần khóa API (Authorization: Bearer …).")
        }
        let hash = APITokens.hash(bearer.token)
        guard let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == hash)
            .filter(\.$revokedAt == nil).first(),
            let user = try await User.find(token.userID, on: request.db), user.isActive
        else {
            throw Abort(.unauthorized, reason: "Khóa API không hợp lệ hoặc đã bị thu hồi.")
        }
        token.lastUsedAt = Date()
        try await token.save(on: request.db)
        request.auth.login(CurrentUser(user))
        try await FreshTree.ensure(for: request)
        return try await next.respond(to: request)
    }
}

enum APITokens {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    /// A new random token: 32 bytes, URL-safe, prefixed so it can be recognised in a leak scan.
    static func generate() -> String {
        "ltb_" + [UInt8].random(count: 32).base64String()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// `TreeIndex.ensureFresh` once a day per server rather than once a request: the closure is only
/// ever rebuilt for the day it is rebuilt on, so once this server has found it built for today
/// it stays so until midnight (a restructure rebuilds it for today too). Each server asks the
/// database on its first request of the day.
enum FreshTree {
    private struct Key: StorageKey, LockKey {
        typealias Value = NIOLockedValueBox<LocalDate?>
    }

    static func ensure(for request: Request, today: LocalDate = .today()) async throws {
        let app = request.application
        let seen = app.storage[Key.self] ?? app.locks.lock(for: Key.self).withLock {
            if let box = app.storage[Key.self] { return box }
            let box = NIOLockedValueBox<LocalDate?>(nil)
            app.storage[Key.self] = box
            return box
        }
        if seen.withLockedValue({ $0 }) == today { return }
        try await TreeIndex.ensureFresh(on: request.db, today: today)
        seen.withLockedValue { $0 = today }
    }
}
