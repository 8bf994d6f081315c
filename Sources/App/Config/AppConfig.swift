import Foundation

/// Everything the server reads from its environment, checked once at start.
public struct AppConfig: Sendable {
    public enum Storage: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var storage: Storage
    /// Send the session cookie only over HTTPS. On by default when behind TLS in production.
    public var secureCookies: Bool

    public init(storage: Storage, secureCookies: Bool = false) {
        self.storage = storage
        self.secureCookies = secureCookies
    }

    /// The variables this program reads, with their meaning, for the README and for errors.
    public static let variables: [(name: String, meaning: String)] = [
        ("DATABASE_URL", "postgres://user:password@host:port/database — dùng PostgreSQL thay cho SQLite"),
        ("SQLITE_PATH", "đường dẫn tệp SQLite (mặc định ./data/lamtheobac.sqlite)"),
        ("COOKIE_SECURE", "true để chỉ gửi cookie phiên qua HTTPS (mặc định false)"),
    ]

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        var problems: [String] = []
        var storage = Storage.sqliteFile(path: env["SQLITE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "data/lamtheobac.sqlite")
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"), URL(string: url)?.host != nil {
                storage = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL không hợp lệ: cần dạng postgres://user:password@host:port/database")
            }
        }
        var secure = false
        if let value = env["COOKIE_SECURE"], !value.isEmpty {
            switch value.lowercased() {
            case "true", "1", "yes": secure = true
            case "false", "0", "no": secure = false
            default: problems.append("COOKIE_SECURE phải là true hoặc false, không phải \"\(value)\"")
            }
        }
        if !problems.isEmpty { throw ConfigError(problems: problems) }
        return AppConfig(storage: storage, secureCookies: secure)
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public let problems: [String]

    public var description: String {
        let vars = AppConfig.variables.map { "  \($0.name): \($0.meaning)" }.joined(separator: "\n")
        return "Cấu hình sai:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
            + "\nCác biến môi trường được đọc:\n" + vars
    }
}
