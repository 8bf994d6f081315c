import Domain
import Vapor

// TEMPORARY during development: replaced by the demo-data helper.
enum DemoLoader {
    struct Account { let username: String; let role: Role; let scopeNote: String }
    static let password = "demo-lamtheobac"
    static let accounts: [Account] = []
    @discardableResult
    static func loadIfEmpty(app: Application) async throws -> Bool { false }
}
