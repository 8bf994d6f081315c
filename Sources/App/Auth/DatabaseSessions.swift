import Fluent
import SQLKit
import Vapor

/// Sessions kept in the database, shared by every app server. Unlike Fluent's own driver, a
/// session expires on the server after `idleLifetime` without use (a stolen cookie does not live
/// for ever), expired rows are pruned, only the SHA-256 of a session key is stored (a copy of the
/// database does not hand out live sessions), and each row names its account, so a password
/// change can end the account's other sessions.
struct DatabaseSessions: AsyncSessionDriver {
    /// A working day: someone who leaves the office signs in again the next morning.
    static let idleLifetime: TimeInterval = 8 * 3600

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let key = [UInt8].random(count: 32).base64String()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let sql = try request.sessionDB as! any SQLDatabase
        let now = Date()
        // Pruning here keeps the table at the live sessions without a scheduler.
        try await sql.delete(from: "sessions").where("expires_at", .lessThan, now).run()
        try await sql.insert(into: "sessions")
            .columns("key_hash", "data", "user_id", "expires_at")
            .values(SQLBind(Self.hash(key)), SQLBind(try Self.encode(data)), SQLBind(Self.userID(data)),
                    SQLBind(now.addingTimeInterval(Self.idleLifetime)))
            .run()
        return SessionID(string: key)
    }

    /// How long a session's idle clock may lag: a request within this time of the last write that
    /// changes nothing in the session writes nothing (every page view would otherwise write a row,
    /// which serialises readers on SQLite).
    static let renewalSlack: TimeInterval = 5 * 60

    /// The row as this request read it.
    private struct Read: StorageKey {
        typealias Value = (data: String, expiresAt: Date)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        struct Row: Decodable { let data: String; let expires_at: Date }
        let row = try await (try request.sessionDB as! any SQLDatabase).select().column("data").column("expires_at").from("sessions")
            .where("key_hash", .equal, Self.hash(sessionID.string))
            .where("expires_at", .greaterThan, Date())
            .first(decoding: Row.self)
        guard let row else { return nil }
        request.storage[Read.self] = (row.data, row.expires_at)
        return try JSONDecoder().decode(SessionData.self, from: Data(row.data.utf8))
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        let encoded = try Self.encode(data)
        let renewed = Date().addingTimeInterval(Self.idleLifetime)
        if let read = request.storage[Read.self], read.data == encoded,
           read.expiresAt > renewed.addingTimeInterval(-Self.renewalSlack) {
            return sessionID
        }
        try await (try request.sessionDB as! any SQLDatabase).update("sessions")
            .set("data", to: SQLBind(encoded))
            .set("user_id", to: SQLBind(Self.userID(data)))
            .set("expires_at", to: SQLBind(renewed))
            .where("key_hash", .equal, Self.hash(sessionID.string))
            .run()
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await (try request.sessionDB as! any SQLDatabase).delete(from: "sessions")
            .where("key_hash", .equal, Self.hash(sessionID.string)).run()
    }

    /// Ends every session of an account but the one making the request (after a password change).
    static func endSessions(ofUser userID: Int, except current: SessionID?, on db: any Database) async throws {
        var query = (db as! any SQLDatabase).delete(from: "sessions").where("user_id", .equal, userID)
        if let current { query = query.where("key_hash", .notEqual, hash(current.string)) }
        try await query.run()
    }

    static func hash(_ key: String) -> String { SHA256.hash(data: Data(key.utf8)).hex }

    private static func userID(_ data: SessionData) -> Int? { data["uid"].flatMap(Int.init) }

    /// Keys sorted, so the same data always encodes to the same text (`updateSession` compares).
    private static func encode(_ data: SessionData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }
}

extension Request {
    /// `db` for the session's own statements, or 503 once the application has closed its
    /// databases (a request still running when the server stopped waiting for it at shutdown)
    /// instead of Fluent's crash on a closed `Databases`.
    var sessionDB: any Database {
        get throws {
            guard let db = application.databases.database(logger: logger, on: eventLoop) else {
                throw Abort(.serviceUnavailable)
            }
            return db
        }
    }
}
