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
                             widths: fitted(header: header, rows: rows, flexible: [1: 7, header.count - 1: 3],
                                            numeric: 3..<(3 + table.columns.count)),
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
                             widths: fitted(header: ["STT", "Tổ chức đảng"] + chosen.map { table.columns[$0] }, rows: rows,
                                            flexible: [1: 30].merging(chosen.indices.map { ($0 + 2, 14) }) { a, _ in a },
                                            numeric: 2..<(2 + chosen.count)),
                             numericColumns: Set(2..<(2 + chosen.count)))
    }

    /// Widths (twips) so that no figure, STT or word breaks inside its cell at the table's 12 pt:
    /// a fixed column is as wide as its longest cell (a header only by its longest word); the
    /// `flexible` columns share what is left by their weights. When even the fixed columns do not
    /// fit (a ten-year table), the writer scales every column down alike.
    static func fitted(header: [String], rows: [[String]], flexible: [Int: Int], numeric: Range<Int>) -> [Int] {
        let margins = 200, minimumFlexible = 1_400
        /// Times New Roman at 12 pt (240 twips an em): capitals ~0,68 em, digits and small letters
        /// ~0,5 em, stops and brackets ~0,3 em — generous for bold.
        func width(_ text: String) -> Int {
            text.reduce(margins) { sum, c in
                sum + (c.isUppercase ? 165 : c.isNumber || c.isLetter ? 122 : c == " " ? 60 : 75)
            }
        }
        func longestWord(_ text: String) -> Int { text.split(separator: " ").map { width(String($0)) }.max() ?? margins }
        let fixed = header.indices.map { column -> Int in
            guard flexible[column] == nil else { return 0 }
            let cells = rows.map { row -> Int in
                guard row.indices.contains(column) else { return margins }
                return numeric.contains(column) ? width(row[column]) : longestWord(row[column])
            }
            return max(longestWord(header[column]), cells.max() ?? margins)
        }
        let weights = flexible.values.reduce(0, +)
        let left = max(WordML.textWidth - fixed.reduce(0, +), minimumFlexible * flexible.count)
        // A flexible column is never narrower than its longest word (a figure such as "1.780/1.882").
        let words = header.indices.map { column in
            rows.map { $0.indices.contains(column) ? longestWord($0[column]) : margins }.max() ?? margins
        }
        return header.indices.map { column in
            flexible[column].map { max(left * $0 / max(weights, 1), words[column]) } ?? fixed[column]
        }
    }
}
