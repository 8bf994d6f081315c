/// A workbook as plain values: `XlsxWriter` writes it as .xlsx (numbers as numbers).
public struct Workbook: Hashable, Sendable {
    public var sheets: [Worksheet]

    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}

public struct Worksheet: Hashable, Sendable {
    /// At most 31 characters, none of : \ / ? * [ ] (the writer refuses others).
    public var name: String
    public var rows: [[WorkbookCell]]
    /// Column widths in characters; missing columns take the default.
    public var columnWidths: [Double]
    /// Rows kept in view when scrolling (the header).
    public var frozenRows: Int
    /// Merged ranges, "A1:F1".
    public var merges: [String]

    public init(name: String, rows: [[WorkbookCell]], columnWidths: [Double] = [], frozenRows: Int = 0, merges: [String] = []) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.merges = merges
    }
}

public enum WorkbookCell: Hashable, Sendable {
    case empty
    case text(String, bold: Bool = false)
    /// A number, written as a number; `decimals` picks the display format (0: "#,##0", 1: "#,##0.0").
    case number(Double, decimals: Int = 0, bold: Bool = false)
}
