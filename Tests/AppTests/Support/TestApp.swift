@testable import App
import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor
import VaporTesting

/// Runs `body` against a fresh application and database: an in-memory SQLite by default, or, when
/// TEST_DATABASE_URL is set, a PostgreSQL database of its own cloned from a migrated template,
/// so tests stay independent and can run in parallel on both.
func withTestApp(_ body: (Application) async throws -> Void) async throws {
    await TestSlots.shared.acquire()
    do {
        try await runTestApp(body)
    } catch {
        await TestSlots.shared.release()
        throw error
    }
    await TestSlots.shared.release()
}

/// Swift Testing starts every async test at once; each app holds threads and, on PostgreSQL, up
/// to eight connections. Six at a time keeps both cores busy and stays far below max_connections.
actor TestSlots {
    static let shared = TestSlots(limit: 6)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

private func runTestApp(_ body: (Application) async throws -> Void) async throws {
    setenv("LAMTHEOBAC_BCRYPT_COST", "4", 1)
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var database: String?
    do {
        if let url = TestDatabase.url {
            let name = try await TestDatabase.shared.createDatabase()
            database = name
            try await configure(app, config: AppConfig(storage: .postgres(url: TestDatabase.replacingDatabase(in: url, with: name))))
        } else {
            try await configure(app, config: AppConfig(storage: .sqliteMemory))
            try await app.autoMigrate()
        }
        try await TreeIndex.rebuild(on: app.db)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        if let database { try? await TestDatabase.shared.dropDatabase(database) }
        throw error
    }
    try await app.asyncShutdown()
    if let database { try await TestDatabase.shared.dropDatabase(database) }
}

/// Creates and drops per-test PostgreSQL databases from a template migrated once per process.
actor TestDatabase {
    static let shared = TestDatabase()
    static let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    private static let template = "ltb_template_\(getpid())"

    /// One migration of the template per process; an actor alone would let two tests start it
    /// twice, since it is re-entered at every await.
    private var templateTask: Task<Void, any Error>?

    func createDatabase() async throws -> String {
        let sql = try await adminDatabase()
        if templateTask == nil {
            templateTask = Task { try await Self.prepareTemplate(sql) }
        }
        try await templateTask!.value
        let name = "ltb_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await sql.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: Self.template)").run()
        return name
    }

    private static func prepareTemplate(_ sql: any SQLDatabase) async throws {
            try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: Self.template)").run()
            try await sql.raw("CREATE DATABASE \(unsafeRaw: Self.template)").run()
            let migrator = try await Application.make(.testing)
            migrator.logger.logLevel = .warning
            do {
                try await configure(migrator, config: AppConfig(
                    storage: .postgres(url: Self.replacingDatabase(in: Self.url!, with: Self.template))))
                try await migrator.autoMigrate()
            } catch {
                try? await migrator.asyncShutdown()
                throw error
            }
            try await migrator.asyncShutdown()
    }

    func dropDatabase(_ name: String) async throws {
        try await adminDatabase().raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
    }

    /// The maintenance connection, made once; a Task so concurrent callers share it.
    private var adminTask: Task<Application, any Error>?

    private func adminDatabase() async throws -> any SQLDatabase {
        if adminTask == nil {
            adminTask = Task {
                let app = try await Application.make(.testing)
                app.logger.logLevel = .warning
                // Every test's CREATE and DROP DATABASE queue on this one connection: on a loaded
                // machine the default 10 s wait for it timed tests out before they began.
                app.databases.use(try .postgres(url: Self.url!, connectionPoolTimeout: .seconds(120)), as: .psql)
                return app
            }
        }
        return try await adminTask!.value.db as! any SQLDatabase
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}
