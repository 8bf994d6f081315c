import NIOCore
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

/// What `serve` prints once it listens: the real address (whatever --port or --bind said) and,
/// with --demo, the demo logins.
enum StartupBanner {
    static func printWhenListening(app: Application, config: AppConfig, demo: Bool) {
        // Made here, before `serve` runs, so `serve` starts this one: `shared` creates the server
        // on first use without a lock, and a second task asking while `serve` makes it got a
        // server of its own (a debug build then stopped on "HTTPServer did not shutdown").
        let server = app.http.server.shared
        Task {
            // The server binds after the command starts; wait for its address (10 s at most).
            for _ in 0..<200 {
                if let address = server.localAddress {
                    app.logger.notice("\(lines(address: address, config: config, demo: demo).joined(separator: "\n"))")
                    return
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    static func lines(address: SocketAddress, config: AppConfig, demo: Bool) -> [String] {
        let storage: String
        switch config.storage {
        case .sqliteFile(let path): storage = "SQLite, tệp \(path)"
        case .sqliteMemory: storage = "SQLite trong bộ nhớ"
        case .postgres: storage = "PostgreSQL (DATABASE_URL)"
        }
        let host = address.ipAddress ?? "127.0.0.1"
        var lines = ["LamTheoBac đang chạy tại http://\(host):\(address.port ?? 8080)", "Cơ sở dữ liệu: \(storage)"]
        if demo {
            lines.append("Tài khoản mẫu (mật khẩu \(DemoLoader.password)):")
            lines += DemoLoader.accounts.map { "  \($0.username) — \($0.role.label), \($0.scopeNote)" }
        }
        return lines
    }
}
