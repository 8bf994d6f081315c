import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Sets up the application: database, sessions, middleware, migrations, routes and commands.
/// Tests call it with their own `AppConfig` (an in-memory SQLite or a PostgreSQL database).
public func configure(_ app: Application, config: AppConfig) async throws {
    try configureDatabase(app, storage: config.storage)

    app.sessions.use { _ in DatabaseSessions() }
    app.sessions.configuration.cookieName = "ltb_session"
    // Max-Age only, no Expires: every response sets the cookie again, and Vapor writes Expires
    // through a Foundation DateFormatter (an eighth of a warm dashboard request's CPU).
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string, maxAge: Int(DatabaseSessions.idleLifetime),
            path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    // Form posts are small; uploads declare their own limit on their route.
    app.routes.defaultMaxBodySize = "256kb"

    app.middleware = Middlewares()
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(app.sessions.middleware)
    // The dashboard's cache; the HTTP server stops before the databases do.
    app.dashboardCache = DashboardCache()
    app.lifecycle.use(StopServerFirst())

    Migrations.register(in: app)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(ImportCommand(), as: "import")
    // MARK: helper K: generator
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    // MARK: helper Q: benchmarks
    app.asyncCommands.use(BenchCommand(), as: "bench")

    try routes(app)
}

func configureDatabase(_ app: Application, storage: AppConfig.Storage) throws {
    switch storage {
    case .sqliteMemory:
        app.databases.use(.sqlite(SQLiteConfiguration(storage: .memory), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(
            .sqlite(SQLiteConfiguration(storage: .file(path: path)), connectionPoolTimeout: .seconds(30), sqlLogLevel: .debug),
            as: .sqlite)
        app.lifecycle.use(SQLiteTuning())
    case .postgres(let url):
        // The rollup's statements are long and run once: PostgreSQL's JIT compiled them for
        // seconds (7,35 s against 0,74 s without it for I.3 at province scale), so it is off.
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.coreConfiguration.options.additionalStartupParameters = [("jit", "off")]
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30),
                                    sqlLogLevel: .debug), as: .psql)
    }
}

/// SQLite in WAL mode lets readers run while one writer writes; without it every write blocks all reads.
struct SQLiteTuning: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA foreign_keys=ON").run()
    }
}
