@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct SessionTests {
    struct Row: Decodable {
        let key_hash: String
        let user_id: Int?
    }

    static func rows(_ app: Application) async throws -> [Row] {
        try await (app.db as! any SQLDatabase).select().columns("key_hash", "user_id").from("sessions").all(decoding: Row.self)
    }

    @Test func onlyTheHashOfTheKeyIsStored() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let user = try await Fixtures.user(app, "canbo", .officer, unit: tree.a)

            // act
            let web = try await TestClient.login(app, "canbo")

            // assert
            let key = try #require(web.cookie?.replacingOccurrences(of: "ltb_session=", with: ""))
            let rows = try await Self.rows(app)
            #expect(rows.contains { $0.key_hash == DatabaseSessions.hash(key) && $0.user_id == user.id })
            #expect(!rows.contains { $0.key_hash == key })
        }
    }

    @Test func theSessionCookieIsHTTPOnlyLaxAndLivesTheIdleLifetime() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo")

            // act: any page sets the cookie again
            let page = try await web.get(SiteURL.units.path)

            // assert: the browser keeps it for the idle lifetime (Max-Age, no Expires date to format)
            let header = try #require(page.headers[.setCookie].first { $0.hasPrefix("ltb_session=") })
            let attributes = Set(header.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(attributes.isSuperset(of: ["max-age=28800", "path=/", "httponly", "samesite=lax"]), "\(header)")
            #expect(!attributes.contains { $0.hasPrefix("expires=") }, "\(header)")
            #expect(DatabaseSessions.idleLifetime == 28800)
        }
    }

    @Test func anExpiredSessionIsNoSession() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo")
            #expect(try await web.get(SiteURL.units.path).status == .ok)

            // act: the session was last used longer ago than the idle lifetime
            try await (app.db as! any SQLDatabase).update("sessions")
                .set("expires_at", to: SQLBind(Date().addingTimeInterval(-1))).run()
            let response = try await web.get(SiteURL.units.path)

            // assert
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix(SiteURL.login.path) == true)
        }
    }

    @Test func changingThePasswordSignsOutTheOtherBrowsers() async throws {
        try await withTestApp { app in
            // setup: the same account signed in twice
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo", .officer, unit: tree.a)
            var laptop = try await TestClient.login(app, "canbo")
            var phone = try await TestClient.login(app, "canbo")

            // act
            let change = try await laptop.post(SiteURL.password.path, [
                "current": Fixtures.password, "password": "mat-khau-moi-123", "password2": "mat-khau-moi-123",
            ])

            // assert
            #expect(change.status == .seeOther)
            #expect(try await laptop.get(SiteURL.units.path).status == .ok)
            #expect(try await phone.get(SiteURL.units.path).status == .seeOther)
        }
    }
    /// A page view soon after the last one writes nothing; one later than `renewalSlack` renews
    /// the idle clock; a change to the session's data is always written.
    @Test func theIdleClockIsRenewedWithoutAWriteOnEveryPage() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo")
            let sql = app.db as! any SQLDatabase
            struct Expiry: Decodable { let expires_at: Date }
            func expiry() async throws -> Date {
                try await sql.select().column("expires_at").from("sessions").first(decoding: Expiry.self)!.expires_at
            }
            let marked = Date().addingTimeInterval(DatabaseSessions.idleLifetime - DatabaseSessions.renewalSlack / 2)
            try await sql.update("sessions").set("expires_at", to: SQLBind(marked)).run()

            // act: within the slack, nothing is written
            #expect(try await web.get(SiteURL.units.path).status == .ok)
            let untouched = try await expiry()

            // act: past the slack, the clock is renewed
            let older = Date().addingTimeInterval(DatabaseSessions.idleLifetime - DatabaseSessions.renewalSlack * 2)
            try await sql.update("sessions").set("expires_at", to: SQLBind(older)).run()
            #expect(try await web.get(SiteURL.units.path).status == .ok)
            let renewed = try await expiry()

            // assert
            #expect(abs(untouched.timeIntervalSince(marked)) < 1)
            #expect(renewed > older.addingTimeInterval(DatabaseSessions.renewalSlack))
            #expect(renewed <= Date().addingTimeInterval(DatabaseSessions.idleLifetime + 1))
        }
    }
}
