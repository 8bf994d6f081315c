import Domain

/// What one column's text was written in, as found under the header.
public struct ColumnEncoding: Equatable, Sendable {
    /// 0-based, A = 0.
    public let column: Int
    public let detection: LegacyEncoding.Detection
    /// The rows (as numbered in the file) whose text shows why the column is undecided.
    public let exampleRows: [Int]

    /// The encoding the column was converted from, if it was.
    public var convertedFrom: LegacyEncoding? {
        // Kept out of line: inlined into `Table.conversions`, it crashes Swift 6.3's optimiser
        // (an ownership verification error) in release builds.
        @inline(never) get {
            if case .legacy(let encoding) = detection { return encoding }
            return nil
        }
    }

    /// Why the column was left as it is, when it could not be decided.
    public var undecidedReason: String? {
        guard case .undecided(let reason, _) = detection else { return nil }
        guard !exampleRows.isEmpty else { return reason }
        return reason + " Ví dụ: dòng " + exampleRows.prefix(5).map(String.init).joined(separator: ", ") + "."
    }
}

extension ColumnEncoding {
    /// A file read whole in a legacy encoding (a CSV that is not UTF-8): each column read whose
    /// text holds a character beyond ASCII was converted from it, and is reported like an XLSX
    /// column converted on its own.
    static func convertedFile(_ encoding: LegacyEncoding?, columns: [String: Int], rows: [SheetRow]) -> [String: ColumnEncoding] {
        guard let encoding else { return [:] }
        var out: [String: ColumnEncoding] = [:]
        for (key, column) in columns {
            let converted = rows.contains { row in
                guard case .text(let text) = row[column] else { return false }
                return text.utf8.contains { $0 >= 0x80 }
            }
            if converted { out[key] = ColumnEncoding(column: column, detection: .legacy(encoding), exampleRows: []) }
        }
        return out
    }
}

extension Sheet {
    /// How many texts of a column decide its encoding: enough to see it, few enough that a
    /// long sheet is not read twice. The rest of the column is converted row by row.
    public static let encodingSample = 200

    /// The sheet with the text of each column in a legacy encoding converted to NFC Unicode,
    /// from row index `start` down (the data under the header; what is above is left alone),
    /// and `encodingReport` saying for each column holding text what was found.
    public func decodingLegacyColumns(from start: Int) -> Sheet {
        guard start < rows.count else { return self }
        let data = rows[start...]
        let width = data.map(\.cells.count).max() ?? 0
        var report: [ColumnEncoding] = []
        var converters: [Int: LegacyEncoding] = [:]
        for column in 0..<width {
            var texts: [String] = []
            var numbers: [Int] = []
            for row in data {
                guard case .text(let text) = row[column] else { continue }
                texts.append(text)
                numbers.append(row.number)
                if texts.count == Self.encodingSample { break }
            }
            guard !texts.isEmpty else { continue }
            let detection = LegacyEncoding.detect(texts)
            var examples: [Int] = []
            if case .undecided(_, let samples) = detection { examples = samples.map { numbers[$0] } }
            if case .legacy(let encoding) = detection { converters[column] = encoding }
            report.append(ColumnEncoding(column: column, detection: detection, exampleRows: examples))
        }
        var converted = rows
        if !converters.isEmpty {
            for index in start..<converted.count {
                for (column, encoding) in converters where column < converted[index].cells.count {
                    // A text with a character no legacy byte gives is Unicode already.
                    if case .text(let text) = converted[index].cells[column], let decoded = encoding.decode(text) {
                        converted[index].cells[column] = .text(nfc: decoded)
                    }
                }
            }
        }
        var sheet = Sheet(name: name, rows: converted)
        sheet.encodingReport = report
        return sheet
    }

    /// Every text of the sheet read in a legacy encoding, decided over the whole sheet (a CSV
    /// that is not UTF-8 is one encoding from start to end). Text that reads as Vietnamese in
    /// none of them is refused rather than taken for Windows-1252.
    func decodingLegacyFile() -> Result<Sheet, SpreadsheetError> {
        var texts: [String] = []
        outer: for row in rows {
            for case .text(let text) in row.cells {
                texts.append(text)
                if texts.count == Self.encodingSample * 5 { break outer }
            }
        }
        switch LegacyEncoding.detect(texts) {
        case .unicode:
            return .failure(.notUTF8)
        case .undecided(let reason, _):
            return .failure(.undecidedEncoding(reason))
        case .legacy(let encoding):
            let converted = rows.map { row in
                SheetRow(number: row.number, cells: row.cells.map { cell in
                    guard case .text(let text) = cell, let decoded = encoding.decode(text) else { return cell }
                    return .text(nfc: decoded)
                })
            }
            var sheet = Sheet(name: name, rows: converted)
            sheet.fileEncoding = encoding
            return .success(sheet)
        }
    }
}
