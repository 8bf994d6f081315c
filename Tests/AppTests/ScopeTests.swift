@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Visits every registered route as every role against records of another subtree, and checks
/// that nothing outside a user's scope is shown or changed. New routes are covered by construction:
/// a route whose parameter this test cannot fill fails the test until it is classified here.
@Suite struct ScopeTests {
    @Test func everyRouteAsEveryRole() async throws {
        try await withTestApp { app in
            // setup
            let world = try await ScopeWorld.build(app)
            let routes = app.routes.all.filter { !ScopeWorld.publicPaths.contains(world.path($0)) }
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            var failures: [String] = []

            // act & assert: unauthenticated
            var anonymous = TestClient(app: app)
            for route in routes {
                let path = try world.fill(route)
                if world.isAPI(route) {
                    let response = try await app.testing().sendRequest(route.method, path)
                    if response.status != .unauthorized { failures.append("anonymous \(route.method) \(path): \(response.status)") }
                } else if route.method == .GET {
                    let response = try await anonymous.get(path)
                    if response.status != .seeOther || response.headers.first(name: .location)?.hasPrefix(SiteURL.login.path) != true {
                        failures.append("anonymous GET \(path): \(response.status)")
                    }
                } else {
                    let response = try await anonymous.post(path, [:])
                    if response.status.code < 300 || response.status.code >= 500 { failures.append("anonymous POST \(path): \(response.status)") }
                }
            }

            // act & assert: each role against the other subtree
            for username in ScopeWorld.outsiders {
                var web = try await TestClient.login(app, username)
                let api = world.tokens[username]!
                for route in routes {
                    let path = try world.fill(route)
                    let isAPI = world.isAPI(route)
                    let response: TestingHTTPResponse
                    if isAPI {
                        response = try await api.send(route.method, String(path.dropFirst(APIRoutes.prefix.count)), json: route.method == .GET ? nil : "{}")
                    } else if route.method == .GET {
                        response = try await web.get(path)
                    } else {
                        response = try await web.post(path, [:])
                    }
                    let code = response.status.code
                    let readableByAll = world.readableByAll(route)
                    if ScopeWorld.hasParameter(route) && !(readableByAll && route.method == .GET) {
                        if code != 403 && code != 404 { failures.append("\(username) \(route.method) \(path): \(code), expected 403/404") }
                    } else if code >= 500 || (code >= 200 && code < 300 && route.method != .GET && !isAPI) {
                        failures.append("\(username) \(route.method) \(path): \(code)")
                    }
                    let body = response.body.string
                    for secret in world.secrets where body.contains(secret) {
                        failures.append("\(username) \(route.method) \(path) shows \(secret)")
                    }
                }
            }
            let auditAfter = try await AuditEntry.query(on: app.db).count()

            // assert: the same ids are there for an administrator (so the 404s above were about scope)
            var admin = try await TestClient.login(app, "quantri")
            let adminAPI = world.tokens["quantri"]!
            let document = try await ScopeWorld.openAPIDocument(app)
            let validator = SchemaValidator(document: document)
            for route in routes where route.method == .GET {
                let path = try world.fill(route)
                if world.isAPI(route) {
                    let response = try await adminAPI.get(String(path.dropFirst(APIRoutes.prefix.count)))
                    if response.status != .ok { failures.append("admin GET \(path): \(response.status)"); continue }
                    let schema = try ScopeWorld.responseSchema(document, route: route)
                    let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
                    failures += validator.problems(value, against: schema).map { "GET \(path): \($0)" }
                } else {
                    let response = try await admin.get(path)
                    if response.status != .ok { failures.append("admin GET \(path): \(response.status)") }
                }
            }

            #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) problems:\n" + failures.joined(separator: "\n")))
            #expect(auditAfter == auditBefore, "requests outside the scope changed records")
            #expect(routes.count > 10)
        }
    }
}
