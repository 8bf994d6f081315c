import Domain
import Foundation
import Spreadsheets

/// One problem of an uploaded file, where the person finds it in their file.
struct ImportProblem: Sendable, Equatable {
    /// The row number in the file; nil for the file as a whole (a missing column, a damaged file).
    let row: Int?
    /// "Có mặt (cột F)"; "" for the file or the whole row.
    let column: String
    /// The value as the file holds it.
    let value: String
    /// Why, in Vietnamese, as a sentence.
    let reason: String

    init(row: Int?, column: String = "", value: String = "", reason: String) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// A problem of a column of `row`, with its value.
    init(_ table: Table, _ row: SheetRow, _ key: String, _ reason: String) {
        self.init(row: row.number, column: table.label(key), value: table.cell(key, row).displayText, reason: reason)
    }

    /// A service message ("Số vắng có lý do: phải là một số nguyên.") without its label, which
    /// the column already names: "Phải là một số nguyên."
    static func reason(fromMessage message: String) -> String {
        guard let colon = message.range(of: ": ") else { return message }
        let rest = message[colon.upperBound...]
        guard let first = rest.first else { return message }
        return first.uppercased() + rest.dropFirst()
    }
}

/// What confirming would do with one row.
enum ImportAction: String, Codable, Sendable {
    case create, update, skip

    var label: String {
        switch self {
        case .create: "Thêm mới"
        case .update: "Cập nhật"
        case .skip: "Bỏ qua"
        }
    }
}

struct ImportLine: Sendable, Equatable {
    let row: Int
    let action: ImportAction
    /// What the row is: "Chi bộ A1: sinh hoạt thường kỳ ngày 18/5/2024".
    let text: String
    /// Why it is skipped, or what it replaces.
    var note: String = ""
}

struct ImportCounts: Codable, Sendable, Equatable {
    var created = 0
    var updated = 0
    var skipped = 0

    mutating func count(_ action: ImportAction) {
        switch action {
        case .create: created += 1
        case .update: updated += 1
        case .skip: skipped += 1
        }
    }

    var changes: Int { created + updated }
    /// Every row's line, kept or not.
    var total: Int { created + updated + skipped }

    /// "3 thêm mới, 1 cập nhật, 2 bỏ qua".
    var text: String {
        "\(VietnameseFormat.number(created)) thêm mới, \(VietnameseFormat.number(updated)) cập nhật, "
            + "\(VietnameseFormat.number(skipped)) bỏ qua"
    }
}

/// The dry run of a file: every problem, or what confirming would do, row by row.
struct ImportPreview: Sendable {
    let kind: ImportKind
    let filename: String
    let sha256: String
    /// Data rows read under the header.
    var rowCount = 0
    var problems: [ImportProblem] = []
    /// The first `keptLines` rows' lines (`add`); `counts` covers every row.
    private(set) var lines: [ImportLine] = []
    private(set) var counts = ImportCounts()
    /// The columns read whose text was converted from a legacy encoding, as sentences.
    var conversions: [String] = []
    /// What the person should know but does not stop the file (a grading sheet left over its cap).
    var warnings: [String] = []

    init(kind: ImportKind, filename: String, sha256: String, rowCount: Int = 0, problems: [ImportProblem] = []) {
        self.kind = kind
        self.filename = filename
        self.sha256 = sha256
        self.rowCount = rowCount
        self.problems = problems
    }

    var isValid: Bool { problems.isEmpty }

    /// Lines kept for showing: what a page shows (`ImportPreviewView`), not a province's 250.000.
    static let keptLines = 1000

    /// What confirming would do with one more row: counted, and kept while fewer than `keptLines` are.
    mutating func add(_ line: ImportLine) {
        counts.count(line.action)
        if lines.count < Self.keptLines { lines.append(line) }
    }

    /// Nothing would be written (the file was refused while writing).
    mutating func dropLines() {
        lines = []
        counts = ImportCounts()
    }
}

/// The file cannot be written as it is: the preview says why. Thrown inside the confirming
/// transaction, it rolls everything back.
struct ImportRejected: Error {
    let preview: ImportPreview
}

/// What the audit log keeps of an import.
struct ImportAuditRecord: Codable, Sendable {
    let kind: String
    let filename: String
    let sha256: String
    let rows: Int
    let created: Int
    let updated: Int
    let skipped: Int
    let sessionID: Int?
}
