import Domain

/// A review's figures as a workbook: the appendix ("Phụ lục") and the breakdown by the units
/// directly below ("Theo đơn vị"), numbers as numbers.
public enum FigureWorkbook {
    public static let appendixSheet = "Phụ lục"
    public static let breakdownSheet = "Theo đơn vị"

    public static func make(title: String, subtitle: String, appendix: FigureTable, breakdown: FigureTable) -> Workbook {
        Workbook(sheets: [appendixWorksheet(title: title, subtitle: subtitle, appendix), breakdownWorksheet(breakdown)])
    }

    /// Title (merged, bold), subtitle, an empty row, then STT | Nội dung | Đơn vị tính | the value
    /// columns | Ghi chú and one row per figure; the header stays in view.
    static func appendixWorksheet(title: String, subtitle: String, _ table: FigureTable) -> Worksheet {
        let header = ["STT", "Nội dung", "Đơn vị tính"] + table.columns + ["Ghi chú"]
        let last = ColumnName.letters(header.count - 1)
        var rows: [[WorkbookCell]] = [[.text(title, bold: true)], [.text(subtitle)], []]
        rows.append(header.map { .text($0, bold: true) })
        for row in table.rows {
            let decimals = row.unit == "%" || row.values.contains { !isWhole($0) } ? 1 : 0
            let values: [WorkbookCell] = row.isHeading ? table.columns.map { _ in .empty } : table.columns.indices.map { index in
                number(index < row.values.count ? row.values[index] : nil, decimals: decimals)
            }
            rows.append([.text(row.stt, bold: row.isHeading), .text(row.label, bold: row.isHeading), text(row.unit)]
                + values + [text(row.note)])
        }
        return Worksheet(name: appendixSheet, rows: rows,
                         columnWidths: [6, 52, 12] + table.columns.map { _ in 11 } + [22],
                         frozenRows: 4, merges: ["A1:\(last)1", "A2:\(last)2"])
    }

    /// STT | Tổ chức đảng | Mã | one column per indicator, one row per unit below.
    static func breakdownWorksheet(_ table: FigureTable) -> Worksheet {
        let decimals = table.columns.indices.map { column in
            table.columns[column].hasSuffix("(%)") || table.rows.contains { row in
                column < row.values.count && !isWhole(row.values[column])
            } ? 1 : 0
        }
        var rows: [[WorkbookCell]] = [(["STT", "Tổ chức đảng", "Mã"] + table.columns).map { .text($0, bold: true) }]
        for row in table.rows {
            rows.append([.text(row.stt, bold: row.isHeading), .text(row.label, bold: row.isHeading), text(row.unit)]
                + table.columns.indices.map { column in
                    number(column < row.values.count ? row.values[column] : nil, decimals: decimals[column])
                })
        }
        return Worksheet(name: breakdownSheet, rows: rows, columnWidths: [6, 40, 12] + table.columns.map { _ in 16 },
                         frozenRows: 1)
    }

    private static func isWhole(_ value: Double?) -> Bool {
        guard let value else { return true }
        return value == value.rounded()
    }

    private static func number(_ value: Double?, decimals: Int) -> WorkbookCell {
        guard let value, value.isFinite else { return .empty }
        return .number(value, decimals: decimals)
    }

    private static func text(_ value: String) -> WorkbookCell {
        value.isEmpty ? .empty : .text(value)
    }
}
