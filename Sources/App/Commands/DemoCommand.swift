import Vapor

/// `lamtheobac demo`: migrates and loads the demo province into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Nạp dữ liệu mẫu (một tỉnh giả định) vào cơ sở dữ liệu trống." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if try await DemoLoader.loadIfEmpty(app: app) {
            context.console.print("Đã nạp dữ liệu mẫu.")
            for account in DemoLoader.accounts {
                context.console.print("  \(account.username) / \(DemoLoader.password) — \(account.role.label)")
            }
        } else {
            context.console.print("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.")
        }
    }
}

enum StartupBanner {
    static func print(app: Application, config: AppConfig, demo: Bool) {
        let server = app.http.server.configuration
        let storage: String
        switch config.storage {
        case .sqliteFile(let path): storage = "SQLite, tệp \(path)"
        case .sqliteMemory: storage = "SQLite trong bộ nhớ"
        case .postgres: storage = "PostgreSQL (DATABASE_URL)"
        }
        var lines = ["LamTheoBac đang chạy tại http://\(server.hostname):\(server.port)", "Cơ sở dữ liệu: \(storage)"]
        if demo {
            lines.append("Tài khoản mẫu (mật khẩu \(DemoLoader.password)):")
            lines += DemoLoader.accounts.map { "  \($0.username) — \($0.role.label), \($0.scopeNote)" }
        }
        app.logger.notice("\(lines.joined(separator: "\n"))")
    }
}
