import Domain

/// A review's figures as tables inside its report.
public enum FigureDocumentTables {
    /// STT | Nội dung | Đơn vị tính | the value columns | Ghi chú; group headings bold, their values empty.
    public static func appendix(_ table: FigureTable, caption: String) -> DocumentTable {
        let header = ["STT", "Nội dung", "Đơn vị tính"] + table.columns + ["Ghi chú"]
        let rows = table.rows.map { row in
            [row.stt, row.label, row.unit]
                + table.columns.indices.map { index in
                    row.isHeading ? "" : FigureRow.text(index < row.values.count ? row.values[index] : nil)
                }
                + [row.note]
        }
        let bold = Set(table.rows.indices.filter { table.rows[$0].isHeading })
        return DocumentTable(caption: caption, header: header, rows: rows, boldRows: bold,
                             widths: [7, 28, 10] + table.columns.map { _ in 9 } + [18],
                             numericColumns: Set(3..<(3 + table.columns.count)))
    }

    /// STT | Tổ chức đảng | the chosen value columns only (twenty indicators do not fit on A4).
    public static func breakdown(_ table: FigureTable, caption: String, columns: [Int]) -> DocumentTable {
        let chosen = columns.filter { table.columns.indices.contains($0) }
        let rows = table.rows.map { row in
            [row.stt, row.label] + chosen.map { FigureRow.text($0 < row.values.count ? row.values[$0] : nil) }
        }
        return DocumentTable(caption: caption, header: ["STT", "Tổ chức đảng"] + chosen.map { table.columns[$0] }, rows: rows,
                             boldRows: Set(table.rows.indices.filter { table.rows[$0].isHeading }),
                             widths: [7, 32] + chosen.map { _ in 14 }, numericColumns: Set(2..<(2 + chosen.count)))
    }
}
