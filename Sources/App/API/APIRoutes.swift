import Vapor

/// /api/v1: JSON for programs, authenticated with bearer tokens, documented by /api/v1/openapi.json.
enum APIRoutes {
    static let prefix = "/api/v1"

    static func register(in app: Application) throws {
        let registry = app.apiRegistry
        registry.addSchema(APIError.self)
        let open = APIBuilder(routes: app, registry: registry)
        open.on(APIOperation(
            method: .GET, path: "/openapi.json", operationID: "getOpenAPI", summary: "Tài liệu OpenAPI của API này",
            tag: "Hệ thống", result: .none, authenticated: false)) { req in
            try OpenAPIDocument.response(for: req.application.apiRegistry)
        }
        let api = APIBuilder(routes: app.grouped(BearerTokenMiddleware()), registry: registry)
        for group in APIGroups.all {
            group(api)
        }
    }
}

extension APIError: APISchema {
    static let schemaName = "Error"
    static let schema = JSONSchema.object([
        ("error", .object([("status", .integer()), ("message", .string()), ("field", .nullable(.string()))],
                          required: ["status", "message"])),
    ], required: ["error"])
}

/// A page of a list: the items, with the total and where this page starts.
struct Page<Item: Content & APISchema>: Content {
    let items: [Item]
    let total: Int
    let page: Int
    let perPage: Int
}

/// Paging parameters shared by every list: ?page=1&perPage=50, at most 200 a page.
struct Paging: Sendable {
    let page: Int
    let perPage: Int

    init(_ req: Request, defaultPerPage: Int = 50) {
        page = PageNumber.clamp((try? req.query.get(Int.self, at: "page")) ?? 1)
        perPage = min(200, max(1, (try? req.query.get(Int.self, at: "perPage")) ?? defaultPerPage))
    }

    var offset: Int { (page - 1) * perPage }

    static let parameters: [(name: String, schema: JSONSchema, description: String)] = [
        ("page", .integer(minimum: 1, maximum: PageNumber.maximum), "Trang, bắt đầu từ 1"),
        ("perPage", .integer(minimum: 1, maximum: 200), "Số mục mỗi trang (tối đa 200)"),
    ]
}
