import Domain
import Foundation

/// One cell's value as the file holds it. CSV has only text (and empty); XLSX also numbers,
/// dates (serial numbers under a date format) and booleans.
public enum Cell: Equatable, Sendable {
    case empty
    /// Unicode NFC, as written (not trimmed); never only whitespace (that is `.empty`).
    case text(String)
    case number(Double)
    case date(LocalDate)
    case boolean(Bool)

    /// Text in NFC, or `.empty` when it holds nothing but whitespace.
    public static func text(nfc raw: String) -> Cell {
        // ASCII is NFC already: most cells (codes, numbers typed as text) skip the conversion.
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            return raw.utf8.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } ? .empty : .text(raw)
        }
        let s = VietnameseText.precomposed(raw)
        return s.allSatisfy(\.isWhitespace) ? .empty : .text(s)
    }

    public var isEmpty: Bool { self == .empty }

    /// The value as a form would receive it: text as is, whole numbers without a fraction
    /// ("25", not "25.0"), dates as ISO "2024-05-18", booleans "TRUE"/"FALSE".
    public var inputText: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let x): Self.plain(x)
        case .date(let d): d.iso
        case .boolean(let b): b ? "TRUE" : "FALSE"
        }
    }

    /// The value as a person reads it in a message: dates d/m/yyyy, numbers the Vietnamese way.
    public var displayText: String {
        switch self {
        case .date(let d): VietnameseFormat.date(d)
        case .number(let x) where x == x.rounded() && abs(x) < 1e15: VietnameseFormat.number(Int(x))
        case .number(let x): Self.plain(x).replacingOccurrences(of: ".", with: ",")
        default: inputText
        }
    }

    private static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

/// A row of a sheet: its number as the spreadsheet program shows it (1-based; for CSV the
/// record's position, a quoted newline staying inside its record) and its cells by column
/// (0-based, A = 0; missing cells are `.empty`).
public struct SheetRow: Equatable, Sendable {
    public let number: Int
    public var cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int) -> Cell {
        column >= 0 && column < cells.count ? cells[column] : .empty
    }

    public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}

/// A sheet as read: the rows that hold anything, in order (empty rows left out), merged ranges
/// already filled with their top-left value. Find the header and the data below it with
/// `HeaderMatcher`.
public struct Sheet: Equatable, Sendable {
    /// The XLSX sheet's name; "" for CSV.
    public let name: String
    public let rows: [SheetRow]
    /// What `decodingLegacyColumns(from:)` found in each column holding text.
    public internal(set) var encodingReport: [ColumnEncoding] = []
    /// The legacy encoding a CSV that was not UTF-8 was read in.
    public internal(set) var fileEncoding: LegacyEncoding?

    public init(name: String, rows: [SheetRow]) {
        self.name = name
        self.rows = rows
    }
}
