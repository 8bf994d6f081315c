import Domain
import Fluent
import SQLKit
import Vapor

/// Dashboards computed recently, each stamped with the data version it was computed at
/// (`DataVersion`): a request whose version differs computes again. What is kept is whatever
/// `compute` makes of a dashboard; the application keeps the figures with their part of the page
/// rendered (`RenderedDashboard`). The key is the unit the access check resolved, so a figure is
/// never shared across a scope boundary; the period and today complete it (the tree of today,
/// the year to today). Bounded: past `capacity` the entry used longest ago goes. Requests for the
/// same key and version while one computes wait for that computation instead of running it
/// again. One cache per application (per server): several servers each read the version from
/// the database.
actor DashboardCache<Value: Sendable> {
    struct Key: Hashable, Sendable {
        let unit: Int
        let from: LocalDate
        let to: LocalDate
        let today: LocalDate
    }

    private struct Entry {
        let version: Int
        let value: Value
        var lastUse: UInt64
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var computing: [Key: (version: Int, task: Task<(Value, settled: Bool), any Error>)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int = 256) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// The dashboard of `key` at `version`: the stored one, or one being computed, or a new
    /// computation by `compute`, stored when `keep` says the version is settled.
    func dashboard(_ key: Key, version: Int, keep: @escaping @Sendable () async throws -> Bool,
                   compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        clock += 1
        if let entry = entries[key], entry.version == version {
            entries[key]?.lastUse = clock
            return entry.value
        }
        if let running = computing[key], running.version == version {
            return try await running.task.value.0
        }
        // Settled is asked before computing: what it vouches for is then in the figures.
        let task = Task { () async throws -> (Value, settled: Bool) in
            let settled = try await keep()
            return (try await compute(), settled)
        }
        computing[key] = (version, task)
        defer { if computing[key]?.version == version { computing[key] = nil } }
        let (value, settled) = try await task.value
        if settled { store(key, version: version, value) }
        return value
    }

    private func store(_ key: Key, version: Int, _ value: Value) {
        clock += 1
        // An entry of an older version can never be served again.
        entries = entries.filter { $0.value.version >= version }
        entries[key] = Entry(version: version, value: value, lastUse: clock)
        while entries.count > capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
        }
    }
}

/// The version of everything the application counts: the newest audit entry's id. Every change
/// writes an audit entry in its own transaction (forms, imports, restructures), so a change
/// anywhere moves it; an index lookup.
enum DataVersion {
    static func current(on db: any Database) async throws -> Int {
        struct Row: Decodable { let version: Int? }
        return try await (db as! any SQLDatabase).raw("SELECT MAX(id) AS version FROM audit_entries")
            .first(decoding: Row.self)?.version ?? 0
    }

    /// Whether no audit entry below the version can still appear. SQLite writes one transaction
    /// at a time, so ids are committed in order. PostgreSQL hands out ids when rows are inserted,
    /// not when they commit: a transaction still open may commit an id below the version read.
    /// Settled when no other session of this database holds a transaction id (has written and
    /// not yet ended); a transaction that starts later takes ids above the version.
    static func settled(on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return true }
        struct Row: Decodable { let writers: Int }
        let row = try await sql.raw("""
            SELECT COUNT(*) AS writers FROM pg_stat_activity \
            WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
            """).first(decoding: Row.self)
        return row?.writers == 0
    }
}

extension Application {
    private struct DashboardCacheKey: StorageKey {
        typealias Value = DashboardCache<RenderedDashboard>
    }

    /// Set once by `configure`.
    var dashboardCache: DashboardCache<RenderedDashboard> {
        get { storage[DashboardCacheKey.self]! }
        set { storage[DashboardCacheKey.self] = newValue }
    }
}
