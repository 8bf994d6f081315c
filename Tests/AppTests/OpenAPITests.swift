@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct OpenAPITests {
    /// The document lists exactly the routes the server answers under /api/v1, no more, no fewer.
    @Test func documentMatchesRegisteredRoutes() async throws {
        try await withTestApp { app in
            // act
            let document = try await ScopeWorld.openAPIDocument(app)

            // assert
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(paths.flatMap { path, methods in methods.keys.map { "\($0.uppercased()) \(path)" } })
            let served = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                guard path.hasPrefix(APIRoutes.prefix + "/") else { return nil }
                let relative = String(path.dropFirst(APIRoutes.prefix.count))
                    .replacingOccurrences(of: #":([A-Za-z]+)"#, with: "{$1}", options: .regularExpression)
                return "\(route.method.rawValue) \(relative)"
            })
            #expect(documented == served)
            #expect(served.count > 1)
            // Every reference points at a defined schema.
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
            for ref in Self.references(in: document) {
                #expect(schemas[String(ref.split(separator: "/").last!)] != nil, "undefined schema \(ref)")
            }
        }
    }

    static func references(in value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            var found = Set<String>()
            if let ref = object["$ref"] as? String { found.insert(ref) }
            for child in object.values { found.formUnion(references(in: child)) }
            return found
        }
        if let array = value as? [Any] { return array.reduce(into: Set<String>()) { $0.formUnion(references(in: $1)) } }
        return []
    }

    @Test func errorsAreJSONInVietnamese() async throws {
        try await withTestApp { app in
            // act
            let response = try await app.testing().sendRequest(.GET, APIRoutes.prefix + "/khong-co")
            let missingToken = try await app.testing().sendRequest(.GET, APIRoutes.prefix + "/me")

            // assert
            #expect(response.status == .notFound || response.status == .unauthorized)
            let body = try JSONSerialization.jsonObject(with: Data(missingToken.body.string.utf8)) as? [String: Any]
            let error = body?["error"] as? [String: Any]
            #expect(missingToken.status == .unauthorized)
            #expect((error?["message"] as? String)?.contains("khóa API") == true)
        }
    }
}

@Suite struct ParameterCheckTests {
    /// What the document says of a parameter is enforced: a value it rules out is a 400 naming it.
    @Test(arguments: [
        ("/units?page=487148592231345152", "page"), ("/study-sessions?page=487148592231345152", "page"),
        ("/units?perPage=abc", "perPage"), ("/units?perPage=201", "perPage"), ("/units?page=0", "page"),
        ("/documents?year=1200", "year"), ("/tree?date=2024-13-01", "date"),
        ("/people?q=" + String(repeating: "a", count: 201), "q"), ("/units/abc", "id"), ("/units/0", "id"),
    ])
    func refusedParameters(path: String, name: String) async throws {
        try await withTestApp { app in
            // setup
            let admin = try await Fixtures.user(app, "quantri", .admin)
            let api = try await Fixtures.token(app, for: admin)

            // act
            let response = try await api.get(path)

            // assert
            #expect(response.status == .badRequest)
            let body = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
            let error = body?["error"] as? [String: Any]
            #expect(error?["field"] as? String == name)
            #expect((error?["message"] as? String)?.hasPrefix("Tham số \(name)") == true)
        }
    }

    @Test func acceptedParametersReachTheHandler() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quantri", .admin)
            let api = try await Fixtures.token(app, for: admin)

            // act
            let response = try await api.get("/units?perPage=2&page=2")

            // assert
            #expect(response.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any]
            #expect(body?["page"] as? Int == 2)
            #expect((body?["items"] as? [Any])?.count == 2)
        }
    }
}
