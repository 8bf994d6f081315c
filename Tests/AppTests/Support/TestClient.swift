@testable import App
import Foundation
import Vapor
import VaporTesting

/// A signed-in browser for tests: keeps the session cookie and the form token like a real one.
struct TestClient {
    let app: Application
    var cookie: String?
    var csrf: String?

    init(app: Application) {
        self.app = app
    }

    /// Signs in through the real login form (CSRF and all).
    static func login(_ app: Application, _ username: String, password: String = Fixtures.password) async throws -> TestClient {
        var client = TestClient(app: app)
        let form = try await client.get(SiteURL.login.path)
        client.csrf = Self.csrf(in: form.body.string)
        let response = try await client.post(SiteURL.login.path, ["username": username, "password": password])
        guard response.status == .seeOther else {
            throw TestFailure("login of \(username) failed: \(response.status) \(response.body.string.prefix(300))")
        }
        let home = try await client.get(SiteURL.home.path)
        client.csrf = Self.csrf(in: home.body.string)
        return client
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form with the session's CSRF token (unless the fields already carry one).
    @discardableResult
    mutating func post(_ path: String, _ fields: [String: String], csrf include: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if include, all[CSRF.field] == nil, let csrf { all[CSRF.field] = csrf }
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        var buffer: ByteBuffer?
        if let body {
            headers.contentType = .urlEncodedForm
            buffer = ByteBuffer(string: body)
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        if let set = response.headers.setCookie?["ltb_session"] {
            cookie = "ltb_session=\(set.string)"
        }
        return response
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
        let match = String(html[range])
        return match.components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// A programme calling /api/v1 with a bearer token.
struct APIClient {
    let app: Application
    let token: String

    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, json: nil)
    }

    func send(_ method: HTTPMethod, _ path: String, json: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var buffer: ByteBuffer?
        if let json {
            headers.contentType = .json
            buffer = ByteBuffer(string: json)
        }
        return try await app.testing().sendRequest(method, APIRoutes.prefix + path, headers: headers, body: buffer)
    }

    func send<T: Encodable>(_ method: HTTPMethod, _ path: String, _ value: T) async throws -> TestingHTTPResponse {
        let data = try JSONEncoder().encode(value)
        return try await send(method, path, json: String(decoding: data, as: UTF8.self))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
