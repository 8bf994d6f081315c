import Domain
import Vapor

/// Enforces what the OpenAPI document says about an operation's path and query parameters, before
/// its handler runs: a value the document rules out gets 400 naming the parameter, so the
/// document stays true for every operation without each handler repeating the checks.
enum ParameterCheck {
    static func validate(_ operation: APIOperation, _ req: Request) throws {
        for name in req.parameters.allNames {
            guard let raw = req.parameters.get(name), let id = Int(raw), id >= 1 else {
                throw ParameterFailure(name: name, message: "Tham số \(name) phải là số nguyên dương.")
            }
        }
        for parameter in operation.query {
            guard let raw = req.query[String.self, at: parameter.name] else { continue }
            if let problem = problem(raw, parameter.schema) {
                throw ParameterFailure(name: parameter.name, message: "Tham số \(parameter.name) \(problem).")
            }
        }
    }

    /// What is wrong with `raw` under `schema`, in Vietnamese, or nil.
    static func problem(_ raw: String, _ schema: JSONSchema) -> String? {
        switch schema {
        case .nullable(let inner):
            return problem(raw, inner)
        case .integer(let minimum, let maximum):
            guard let value = Int(raw) else { return "phải là số nguyên" }
            if let minimum, value < minimum { return "không được nhỏ hơn \(minimum)" }
            if let maximum, value > maximum { return "không được lớn hơn \(maximum)" }
            return nil
        case .number:
            return Double(raw) == nil ? "phải là số" : nil
        case .boolean:
            return raw == "true" || raw == "false" ? nil : "phải là true hoặc false"
        case .enumeration(let values):
            return values.contains(raw) ? nil : "phải là một trong: " + values.joined(separator: ", ")
        case .string(let format, let maxLength, let pattern):
            if format == "date", LocalDate(raw) == nil { return "phải là ngày dạng YYYY-MM-DD" }
            if let maxLength, raw.count > maxLength { return "dài quá \(maxLength) ký tự" }
            if let pattern, raw.range(of: pattern, options: .regularExpression) == nil { return "không đúng định dạng" }
            return nil
        case .array, .object, .ref:
            return nil
        }
    }
}

/// A path or query parameter the document rules out: 400, naming the parameter.
struct ParameterFailure: Error, Sendable {
    let name: String
    let message: String
}
