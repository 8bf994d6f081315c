import Domain

extension PersonService {
    /// Collects failures field by field.
    struct Check: Sendable {
        private(set) var failures: [ValidationFailure] = []

        mutating func fail(_ field: String, _ message: String) {
            failures.append(ValidationFailure(field: field, message: message))
        }

        func hasFailure(_ field: String) -> Bool { failures.contains { $0.field == field } }

        func throwIfFailed() throws {
            if !failures.isEmpty { throw InvalidInput(failures) }
        }

        mutating func text(_ raw: String?, field: String, label: String, required: Bool = false, maxLength: Int) -> String {
            let value = VietnameseText.normalize(raw ?? "")
            if required, value.isEmpty {
                fail(field, "\(label): vui lòng nhập.")
            } else if value.count > maxLength {
                fail(field, "\(label) dài quá \(maxLength) ký tự.")
            }
            return value
        }

        mutating func date(_ raw: String?, field: String, label: String, required: Bool = false) -> LocalDate? {
            let value = VietnameseText.normalize(raw ?? "")
            if value.isEmpty {
                if required { fail(field, "\(label): vui lòng nhập ngày.") }
                return nil
            }
            // A date cell reads as ISO already: no need for `parse`'s trimming and separators.
            guard let date = LocalDate(value) ?? LocalDate.parse(value) else {
                fail(field, "\(label) không hợp lệ: nhập ngày/tháng/năm, ví dụ 18/5/2021.")
                return nil
            }
            return date
        }
    }
}
