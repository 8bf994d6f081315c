import Foundation

/// The subset of JSON Schema the OpenAPI document uses. DTOs describe themselves with it, and
/// the tests check real responses against it, so the document stays truthful.
indirect enum JSONSchema: Sendable, Equatable {
    case string(format: String? = nil, maxLength: Int? = nil, pattern: String? = nil)
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case number
    case boolean
    case enumeration([String])
    case array(JSONSchema)
    case object([(String, JSONSchema)], required: [String])
    case nullable(JSONSchema)
    case ref(String)

    static func == (lhs: JSONSchema, rhs: JSONSchema) -> Bool { lhs.json == rhs.json }

    static let date = JSONSchema.string(format: "date")
    static let dateTime = JSONSchema.string(format: "date-time")

    /// The schema as a JSON value (OpenAPI 3.1 style nullability: `type: [T, "null"]`).
    var json: JSONValue {
        switch self {
        case .string(let format, let maxLength, let pattern):
            var o: [String: JSONValue] = ["type": .string("string")]
            if let format { o["format"] = .string(format) }
            if let maxLength { o["maxLength"] = .number(Double(maxLength)) }
            if let pattern { o["pattern"] = .string(pattern) }
            return .object(o)
        case .integer(let minimum, let maximum):
            var o: [String: JSONValue] = ["type": .string("integer")]
            if let minimum { o["minimum"] = .number(Double(minimum)) }
            if let maximum { o["maximum"] = .number(Double(maximum)) }
            return .object(o)
        case .number: return .object(["type": .string("number")])
        case .boolean: return .object(["type": .string("boolean")])
        case .enumeration(let values): return .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
        case .array(let item): return .object(["type": .string("array"), "items": item.json])
        case .object(let properties, let required):
            var props: [String: JSONValue] = [:]
            for (name, schema) in properties { props[name] = schema.json }
            var o: [String: JSONValue] = ["type": .string("object"), "properties": .object(props)]
            if !required.isEmpty { o["required"] = .array(required.map(JSONValue.string)) }
            return .object(o)
        case .nullable(let inner):
            if case .ref = inner { return .object(["oneOf": .array([inner.json, .object(["type": .string("null")])])]) }
            guard case .object(var o) = inner.json else { return inner.json }
            if case .string(let t) = o["type"] { o["type"] = .array([.string(t), .string("null")]) }
            if case .array(var values) = o["enum"] { values.append(.null); o["enum"] = .array(values) }
            return .object(o)
        case .ref(let name): return .object(["$ref": .string("#/components/schemas/\(name)")])
        }
    }
}

/// A JSON value, for building documents whose shape is not a Swift type.
enum JSONValue: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

/// A value sent or returned by the API that describes its own shape.
protocol APISchema {
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
    /// The types this schema names with `.ref`, so the document defines them too.
    static var nestedSchemas: [any APISchema.Type] { get }
}

extension APISchema {
    static var nestedSchemas: [any APISchema.Type] { [] }
}
