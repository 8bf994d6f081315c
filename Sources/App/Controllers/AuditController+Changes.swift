import Foundation

/// The before/after snapshots of an audit entry, compared field by field.
enum AuditChanges {
    struct Row: Sendable, Equatable {
        let field: String
        /// The value as shown: text as is, numbers, "Có"/"Không", nested values as JSON; nil when absent.
        let before: String?
        let after: String?
        let changed: Bool
    }

    /// Every key of either snapshot, sorted, marking the keys whose values differ. A snapshot that
    /// is missing (a creation has no "before") contributes no values, so every key of the other
    /// counts as changed.
    static func rows(before: String?, after: String?) -> [Row] {
        let old = object(before), new = object(after)
        guard old != nil || new != nil else { return [] }
        let keys = Set((old ?? [:]).keys).union((new ?? [:]).keys).sorted()
        return keys.map { key in
            let a = old?[key], b = new?[key]
            return Row(field: key, before: a.map(display), after: b.map(display), changed: a != b)
        }
    }

    static func changedFields(before: String?, after: String?) -> [String] {
        rows(before: before, after: after).filter(\.changed).map(\.field)
    }

    /// A JSON value, decoded without JSONSerialization's NSNumber ambiguity between 1 and true.
    enum Value: Codable, Equatable, Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let v = try? c.decode(Bool.self) { self = .bool(v) }
            else if let v = try? c.decode(Int.self) { self = .int(v) }
            else if let v = try? c.decode(Double.self) { self = .double(v) }
            else if let v = try? c.decode(String.self) { self = .string(v) }
            else if let v = try? c.decode([Value].self) { self = .array(v) }
            else { self = .object(try c.decode([String: Value].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .null: try c.encodeNil()
            case .bool(let v): try c.encode(v)
            case .int(let v): try c.encode(v)
            case .double(let v): try c.encode(v)
            case .string(let v): try c.encode(v)
            case .array(let v): try c.encode(v)
            case .object(let v): try c.encode(v)
            }
        }
    }

    static func object(_ json: String?) -> [String: Value]? {
        guard let json, case .object(let o)? = try? JSONDecoder().decode(Value.self, from: Data(json.utf8)) else { return nil }
        return o
    }

    static func display(_ value: Value) -> String {
        switch value {
        case .null: return "—"
        case .bool(let v): return v ? "Có" : "Không"
        case .int(let v): return String(v)
        case .double(let v): return String(v).replacingOccurrences(of: ".", with: ",")
        case .string(let v): return v
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
