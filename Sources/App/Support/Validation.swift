/// A problem with one field of a submission, in Vietnamese, naming the field.
struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    let field: String
    let message: String

    var description: String { message }
}

/// Every problem found in one submission. Services collect into it and throw it; a form shows
/// all of them beside their fields; the API answers 422 naming the first (ErrorPageMiddleware).
struct InvalidInput: Error, Sendable, CustomStringConvertible {
    private(set) var failures: [ValidationFailure]

    init(_ failures: [ValidationFailure] = []) {
        self.failures = failures
    }

    var isEmpty: Bool { failures.isEmpty }

    var description: String { failures.map(\.message).joined(separator: "\n") }

    mutating func add(_ field: String, _ message: String) {
        failures.append(ValidationFailure(field: field, message: message))
    }

    func hasFailure(_ field: String) -> Bool { failures.contains { $0.field == field } }

    func check() throws {
        if !failures.isEmpty { throw self }
    }

    var formErrors: FormErrors {
        var errors = FormErrors()
        for failure in failures { errors.add(failure.field, failure.message) }
        return errors
    }

    /// "Số hiệu văn bản: chưa nhập…": a message written as a sentence ("Chưa nhập…"), after
    /// the name of the field it belongs to.
    static func labelled(_ label: String, _ message: String) -> String {
        guard let first = message.first else { return label }
        return label + ": " + first.lowercased() + message.dropFirst()
    }

    /// The form errors of a service error, or nil when it is not about the input.
    static func formErrors(from error: any Error) -> FormErrors? {
        if let invalid = error as? InvalidInput { return invalid.formErrors }
        if let one = error as? ValidationFailure { return InvalidInput([one]).formErrors }
        return nil
    }
}
