import Fluent
import Foundation

/// Limits password guessing: per account name and per address, counted in the database so that
/// every app server behind a load balancer sees the same attempts.
enum LoginThrottle {
    static let window: TimeInterval = 15 * 60
    /// Five wrong passwords for one name lock it for the window; a user who mistypes recovers.
    static let perUsername = 5
    /// Twenty from one address covers an office behind one NAT without letting a sweep through.
    static let perAddress = 20

    static let message = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."

    static func isBlocked(username: String, ip: String, on db: any Database, now: Date = Date()) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let byName = try await LoginAttempt.query(on: db).filter(\.$username == username)
            .filter(\.$succeeded == false).filter(\.$at >= since).count()
        if byName >= perUsername { return true }
        let byAddress = try await LoginAttempt.query(on: db).filter(\.$ip == ip)
            .filter(\.$succeeded == false).filter(\.$at >= since).count()
        return byAddress >= perAddress
    }

    static func record(username: String, ip: String, succeeded: Bool, on db: any Database) async throws {
        let attempt = LoginAttempt()
        attempt.username = username
        attempt.ip = ip
        attempt.at = Date()
        attempt.succeeded = succeeded
        try await attempt.create(on: db)
    }
}
