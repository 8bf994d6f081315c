import Vapor

/// Writes the OpenAPI 3.1 document from the registry: only what is registered is described.
enum OpenAPIDocument {
    static func build(_ registry: APIRegistry) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for op in registry.operations {
            paths[op.path, default: [:]][op.method.rawValue.lowercased()] = operation(op)
        }
        var schemas: [String: JSONValue] = [:]
        for (name, schema) in registry.schemas { schemas[name] = schema.json }
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("LamTheoBac API"),
                "version": .string("1.0.0"),
                "description": .string("API của LamTheoBac: tổ chức đảng, cán bộ đảng viên, chương trình, chuyên đề, văn bản, nhật ký. Xác thực bằng khóa API (Bearer)."),
            ]),
            "servers": .array([.object(["url": .string(APIRoutes.prefix)])]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(schemas),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
            ]),
        ])
    }

    static func response(for registry: APIRegistry) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(build(registry))))
    }

    private static func operation(_ op: APIOperation) -> JSONValue {
        var o: [String: JSONValue] = [
            "operationId": .string(op.operationID),
            "summary": .string(op.summary),
            "tags": .array([.string(op.tag)]),
        ]
        var parameters: [JSONValue] = op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { part in
            .object(["name": .string(String(part.dropFirst().dropLast())), "in": .string("path"), "required": .bool(true),
                     "schema": JSONSchema.integer(minimum: 1).json])
        }
        parameters += op.query.map { q in
            .object(["name": .string(q.name), "in": .string("query"), "required": .bool(false),
                     "description": .string(q.description), "schema": q.schema.json])
        }
        if !parameters.isEmpty { o["parameters"] = .array(parameters) }
        if case .json(let type) = op.body {
            o["requestBody"] = .object(["required": .bool(true), "content": .object([
                "application/json": .object(["schema": JSONSchema.ref(type.schemaName).json])])])
        }
        var responses: [String: JSONValue] = [:]
        switch op.result {
        case .object(let type):
            responses[String(op.successStatus.code)] = content("Thành công", JSONSchema.ref(type.schemaName))
        case .list(let type):
            responses[String(op.successStatus.code)] = content("Thành công", .object([
                ("items", .array(.ref(type.schemaName))), ("total", .integer(minimum: 0)),
                ("page", .integer(minimum: 1)), ("perPage", .integer(minimum: 1)),
            ], required: ["items", "total", "page", "perPage"]))
        case .none:
            responses[String(op.successStatus.code)] = .object(["description": .string("Thành công")])
        }
        if op.authenticated {
            o["security"] = .array([.object(["bearer": .array([])])])
            responses["401"] = content("Chưa xác thực", .ref("Error"))
            responses["403"] = content("Không có quyền", .ref("Error"))
            responses["404"] = content("Không tìm thấy hoặc ngoài phạm vi", .ref("Error"))
        }
        if case .json = op.body {
            responses["400"] = content("Dữ liệu không đúng định dạng", .ref("Error"))
            responses["413"] = content("Dữ liệu quá lớn", .ref("Error"))
            responses["415"] = content("Cần gửi application/json", .ref("Error"))
            responses["422"] = content("Dữ liệu không hợp lệ", .ref("Error"))
        }
        if op.conflicts {
            responses["409"] = content("Trạng thái hiện tại của bản ghi không cho phép thao tác này", .ref("Error"))
        }
        if op.path.contains("{") || !op.query.isEmpty {
            responses["400"] = content("Tham số không hợp lệ", .ref("Error"))
        }
        if !op.query.isEmpty {
            responses["422"] = content("Điều kiện lọc không hợp lệ (ví dụ mã đơn vị không có trong phạm vi)", .ref("Error"))
        }
        o["responses"] = .object(responses)
        return .object(o)
    }

    private static func content(_ description: String, _ schema: JSONSchema) -> JSONValue {
        .object(["description": .string(description), "content": .object(["application/json": .object(["schema": schema.json])])])
    }
}
