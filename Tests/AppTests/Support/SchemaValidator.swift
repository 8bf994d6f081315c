import Foundation

/// Checks a decoded JSON value against the OpenAPI document's schema, so a test fails when a
/// response and its documentation disagree. Covers what `JSONSchema` can express.
struct SchemaValidator {
    let components: [String: Any]

    init(document: [String: Any]) {
        components = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
    }

    func problems(_ value: AnyJSON, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] as? [String: Any] else { return ["\(path): unknown $ref \(ref)"] }
            return problems(value, against: target, at: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            return options.contains { problems(value, against: $0, at: path).isEmpty } ? [] : ["\(path): matches no oneOf option"]
        }
        var types: [String] = []
        if let t = schema["type"] as? String { types = [t] }
        if let t = schema["type"] as? [String] { types = t }
        switch value {
        case .null:
            return types.contains("null") ? [] : ["\(path): null not allowed"]
        case .bool:
            return types.contains("boolean") ? [] : ["\(path): boolean not allowed"]
        case .integer:
            return types.contains("integer") || types.contains("number") ? [] : ["\(path): number not allowed"]
        case .double:
            return types.contains("number") ? [] : ["\(path): not an integer"]
        case .string(let string):
            guard types.contains("string") else { return ["\(path): string not allowed"] }
            if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { ($0 as? String) == string }) {
                return ["\(path): \(string) not in enum"]
            }
            if schema["format"] as? String == "date",
               string.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                return ["\(path): \(string) is not a date"]
            }
            return []
        case .array(let array):
            guard types.contains("array") else { return ["\(path): array not allowed"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { problems($0.element, against: items, at: "\(path)[\($0.offset)]") }
        case .object(let object):
            guard types.contains("object") else { return ["\(path): object not allowed"] }
            var result: [String] = []
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                result.append("\(path).\(key): required but missing")
            }
            for (key, child) in object {
                guard let childSchema = properties[key] as? [String: Any] else {
                    result.append("\(path).\(key): not documented")
                    continue
                }
                result += problems(child, against: childSchema, at: "\(path).\(key)")
            }
            return result
        }
    }
}

/// A decoded JSON value that keeps booleans, integers and other numbers apart.
enum AnyJSON: Decodable {
    case null, bool(Bool), integer(Int), double(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([AnyJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: AnyJSON].self)) }
    }
}
