@testable import App
import Foundation
import Vapor
import VaporTesting

/// Small readers of responses shared by the authentication, account and audit tests.
enum AuthTestSupport {
    static func location(_ response: TestingHTTPResponse) -> String? {
        response.headers.first(name: .location)
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any] else {
            throw TestFailure("not a JSON object: \(response.body.string.prefix(200))")
        }
        return object
    }

    static func errorMessage(_ response: TestingHTTPResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["message"] as? String
    }

    static func errorField(_ response: TestingHTTPResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["field"] as? String
    }

    /// How often `needle` occurs in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// A browser that has only opened the login page: it holds a session (for the form token) but no account.
    static func anonymous(_ app: Application) async throws -> TestClient {
        var client = TestClient(app: app)
        let form = try await client.get(SiteURL.login.path)
        client.csrf = TestClient.csrf(in: form.body.string)
        return client
    }

    /// Problems of a decoded API value against a schema of the served OpenAPI document.
    static func schemaProblems(_ app: Application, _ value: Any, schema name: String) async throws -> [String] {
        let response = try await app.testing().sendRequest(.GET, APIRoutes.prefix + "/openapi.json")
        let document = try json(response)
        // Back to JSON text and into the validator's own value type, which keeps 1 and true apart.
        let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        let decoded = try JSONDecoder().decode(AnyJSON.self, from: data)
        return SchemaValidator(document: document).problems(decoded, against: ["$ref": "#/components/schemas/\(name)"])
    }
}
