import Vapor

/// One operation of /api/v1, registered and documented from the same value.
struct APIOperation: Sendable {
    enum Body: Sendable { case none, json(any APISchema.Type) }
    enum Result: Sendable { case object(any APISchema.Type), list(any APISchema.Type), none }

    var method: HTTPMethod
    /// OpenAPI form, relative to the prefix: "/units/{id}".
    var path: String
    var operationID: String
    var summary: String
    var tag: String
    var query: [(name: String, schema: JSONSchema, description: String)] = []
    var body: Body = .none
    var result: Result
    var successStatus: HTTPStatus = .ok
    /// False only for the document itself.
    var authenticated = true
    /// The record's state may refuse the change (409: a plan already approved, a concurrent edit).
    var conflicts = false

    /// Vapor's pattern for the path: {id} becomes :id.
    var pattern: [PathComponent] {
        (APIRoutes.prefix + path).split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
        }
    }
}

/// Every documented operation, in registration order. Stored on the application.
final class APIRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var _operations: [APIOperation] = []
    private var _schemas: [String: JSONSchema] = [:]

    var operations: [APIOperation] { lock.withLock { _operations } }
    var schemas: [String: JSONSchema] { lock.withLock { _schemas } }

    func add(_ operation: APIOperation) {
        lock.withLock {
            _operations.append(operation)
            for type in operation.schemaTypes { insert(type) }
        }
    }

    func addSchema(_ type: any APISchema.Type) {
        lock.withLock { insert(type) }
    }

    /// Adds a schema and, recursively, the ones it refers to. Called with the lock held.
    private func insert(_ type: any APISchema.Type) {
        guard _schemas[type.schemaName] == nil else { return }
        _schemas[type.schemaName] = type.schema
        for nested in type.nestedSchemas { insert(nested) }
    }
}

private extension APIOperation {
    var schemaTypes: [any APISchema.Type] {
        var types: [any APISchema.Type] = []
        if case .json(let t) = body { types.append(t) }
        switch result {
        case .object(let t), .list(let t): types.append(t)
        case .none: break
        }
        return types
    }
}

extension Application {
    private struct APIRegistryKey: StorageKey { typealias Value = APIRegistry }

    var apiRegistry: APIRegistry {
        if let existing = storage[APIRegistryKey.self] { return existing }
        let registry = APIRegistry()
        storage[APIRegistryKey.self] = registry
        return registry
    }
}

/// Registers an operation and its handler together.
struct APIBuilder {
    let routes: any RoutesBuilder
    let registry: APIRegistry

    func on<R: AsyncResponseEncodable & Sendable>(_ operation: APIOperation, _ handler: @escaping @Sendable (Request) async throws -> R) {
        registry.add(operation)
        let successStatus = operation.successStatus
        routes.on(operation.method, operation.pattern, body: operation.method == .GET ? .collect(maxSize: "1kb") : .collect(maxSize: "256kb")) { req async throws -> Response in
            try ParameterCheck.validate(operation, req)
            try NULGuard.check(req)
            let response = try await handler(req).encodeResponse(for: req)
            if response.status == .ok && successStatus != .ok { response.status = successStatus }
            return response
        }
    }
}
