import Foundation

/// Reads an uploaded file as XLSX or CSV, by its content first (an XLSX is a ZIP package), then
/// by its name.
public enum SpreadsheetReader {
    public static func read(
        _ data: Data, filename: String, sheet: String? = nil, limits: SpreadsheetLimits = SpreadsheetLimits()
    ) throws -> Sheet {
        guard !data.isEmpty else { throw SpreadsheetError.empty }
        guard data.count <= limits.maxBytes else { throw SpreadsheetError.tooLarge(bytes: data.count, limit: limits.maxBytes) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.read(data, sheet: sheet, limits: limits) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw SpreadsheetError.legacyExcel }
        switch (filename as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm": throw SpreadsheetError.damaged("không phải gói ZIP")
        case "xls": throw SpreadsheetError.legacyExcel
        case "csv", "txt", "": return try CSVReader.read(data, limits: limits)
        default: throw SpreadsheetError.unsupportedFormat
        }
    }
}

/// CSV for a download that Excel opens as UTF-8 (it needs the byte-order mark), with CRLF line
/// ends and quotes where a field needs them.
public enum CSVWriter {
    public static func data(rows: [[String]]) -> Data {
        var out = Data([0xEF, 0xBB, 0xBF])
        for row in rows {
            out.append(contentsOf: Array(row.map(field).joined(separator: ",").utf8))
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    static func field(_ text: String) -> String {
        // A spreadsheet would run "=…", "+…", "-…", "@…" as a formula (CSV injection): an
        // apostrophe in front keeps it text, and `CSVReader` takes it off again.
        let value = startsFormula(text.utf8) ? "'" + text : text
        guard value.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Apostrophes, if any, then a character a formula starts with: such a value is written with
    /// one more apostrophe in front, so a value typed with one reads back as typed.
    static func startsFormula<S: Collection>(_ bytes: S) -> Bool where S.Element == UInt8 {
        guard let first = bytes.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        return [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
    }

    /// A field the writer guarded: an apostrophe in front of a value that starts a formula.
    static func isFormulaGuard(_ field: [UInt8]) -> Bool {
        field.first == UInt8(ascii: "'") && startsFormula(field.dropFirst())
    }
}
