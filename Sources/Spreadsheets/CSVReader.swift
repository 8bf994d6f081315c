import Domain
import Foundation

/// CSV as Excel, LibreOffice and Google Sheets write it: comma or semicolon (the list separator
/// of the machine's locale; detected from the first record, or from Excel's "sep=;" line),
/// fields in double quotes with "" for a quote and newlines inside, CRLF or LF, UTF-8 with or
/// without a byte-order mark, or UTF-16 with one (Excel's "Unicode Text", tab-separated).
/// A file that is not UTF-8 was saved from a legacy font (TCVN3, VNI) or in Windows-1258: its
/// encoding is decided over the whole file, or the file is refused saying why. Text comes out
/// in NFC (macOS writes NFD).
public enum CSVReader {
    public static func read(_ data: Data, limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> Sheet {
        guard data.count <= limits.maxBytes else { throw SpreadsheetError.tooLarge(bytes: data.count, limit: limits.maxBytes) }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(bytes: bytes.dropFirst(2), encoding: encoding) else { throw SpreadsheetError.notUTF8 }
            bytes = Array(text.utf8)
        }
        let isUTF8 = String(bytes: bytes, encoding: .utf8) != nil
        let (delimiter, start) = delimiter(of: bytes)
        let rows = try parse(bytes[start...], delimiter: delimiter, maxRows: limits.maxRows,
                             text: isUTF8 ? { String(decoding: $0, as: UTF8.self) } : LegacyEncoding.view(of:))
        guard !rows.isEmpty else { throw SpreadsheetError.empty }
        let sheet = Sheet(name: "", rows: rows)
        return isUTF8 ? sheet : try sheet.decodingLegacyFile().get()
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let semicolon = UInt8(ascii: ";")
    private static let tab = UInt8(ascii: "\t")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// The separator, and where the data starts (after a "sep=;" line, which Excel hides).
    static func delimiter(of bytes: [UInt8]) -> (UInt8, Int) {
        let hint = Array("sep=".utf8)
        if bytes.count >= 5, Array(bytes[0..<4]) == hint, [comma, semicolon].contains(bytes[4]) {
            var start = 5
            while start < bytes.count, bytes[start] == cr || bytes[start] == lf { start += 1 }
            return (bytes[4], start)
        }
        // Count both outside quotes in the first record: a header has one separator fewer
        // than it has columns, and a Vietnamese header rarely holds either character.
        // Excel's "Unicode Text" separates with tabs.
        var commas = 0, semicolons = 0, tabs = 0, inQuotes = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == cr || byte == lf { break }
            if byte == comma { commas += 1 }
            if byte == semicolon { semicolons += 1 }
            if byte == tab { tabs += 1 }
        }
        if tabs > commas && tabs > semicolons { return (tab, 0) }
        return (semicolons > commas ? semicolon : comma, 0)
    }

    /// RFC 4180 records; a quote inside an unquoted field is kept as a character, as Excel does.
    static func parse(
        _ bytes: ArraySlice<UInt8>, delimiter: UInt8, maxRows: Int, text: ([UInt8]) -> String = { String(decoding: $0, as: UTF8.self) }
    ) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        var cells: [Cell] = []
        var field: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        var record = 1
        var quoteOpenedIn = 1

        func endField() {
            if CSVWriter.isFormulaGuard(field) { field.removeFirst() }
            cells.append(Cell.text(nfc: text(field)))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() throws {
            endField()
            if !cells.allSatisfy(\.isEmpty) {
                guard rows.count < maxRows else { throw SpreadsheetError.tooManyRows(limit: maxRows) }
                rows.append(SheetRow(number: record, cells: cells))
            }
            cells.removeAll(keepingCapacity: true)
            record += 1
        }

        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if inQuotes {
                if byte == quote {
                    if i + 1 < bytes.endIndex, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case quote where field.isEmpty && !wasQuoted:
                    inQuotes = true
                    wasQuoted = true
                    quoteOpenedIn = record
                case delimiter:
                    endField()
                case cr:
                    try endRecord()
                    if i + 1 < bytes.endIndex, bytes[i + 1] == lf { i += 1 }
                case lf:
                    try endRecord()
                default:
                    field.append(byte)
                }
            }
            i += 1
        }
        if inQuotes { throw SpreadsheetError.unclosedQuote(row: quoteOpenedIn) }
        if !field.isEmpty || !cells.isEmpty || wasQuoted { try endRecord() }
        return rows
    }
}
