/// Small WordprocessingML builders: runs, paragraphs and tables with their properties written
/// in the element order the schema requires (Word refuses a part that breaks it).
enum WordML {
    /// Twips (1/20 pt): A4 and the Party margins (top/bottom 20 mm, left 30 mm, right 15 mm).
    static let pageWidth = 11906, pageHeight = 16838
    static let marginTop = 1134, marginBottom = 1134, marginLeft = 1701, marginRight = 850
    static let textWidth = pageWidth - marginLeft - marginRight
    /// 1 cm first-line indent.
    static let indent = 567

    struct Run {
        var text: String
        /// Points.
        var size: Double = 14
        var bold = false
        var italic = false

        var xml: String {
            var props = ""
            if bold { props += "<w:b/><w:bCs/>" }
            if italic { props += "<w:i/><w:iCs/>" }
            let half = Int((size * 2).rounded())
            props += "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>"
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.map { "<w:t xml:space=\"preserve\">\(XML.escape(String($0)))</w:t>" }.joined(separator: "<w:br/>")
            return "<w:r><w:rPr>\(props)</w:rPr>\(body)</w:r>"
        }
    }

    struct Paragraph {
        var runs: [Run]
        /// "left", "center", "right", "both".
        var align = "left"
        /// Twips.
        var before = 0
        var after = 0
        /// 240ths of a line (240 = single), or exact twips when `exactLine`.
        var line = 240
        var exactLine = false
        var firstLine = 0
        var left = 0
        var right = 0
        var keepNext = false
        var bottomRule = false

        init(_ runs: [Run], align: String = "left", before: Int = 0, after: Int = 0, line: Int = 240, firstLine: Int = 0,
             keepNext: Bool = false) {
            self.runs = runs
            self.align = align
            self.before = before
            self.after = after
            self.line = line
            self.firstLine = firstLine
            self.keepNext = keepNext
        }

        init(_ text: String, size: Double = 14, bold: Bool = false, italic: Bool = false, align: String = "left",
             before: Int = 0, after: Int = 0, line: Int = 240, firstLine: Int = 0, keepNext: Bool = false) {
            self.init([Run(text: text, size: size, bold: bold, italic: italic)], align: align, before: before, after: after,
                      line: line, firstLine: firstLine, keepNext: keepNext)
        }

        var xml: String {
            var props = keepNext ? "<w:keepNext/>" : ""
            if bottomRule { props += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>" }
            props += "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(line)\" w:lineRule=\"\(exactLine ? "exact" : "auto")\"/>"
            if firstLine != 0 || left != 0 || right != 0 {
                props += "<w:ind w:left=\"\(left)\" w:right=\"\(right)\" w:firstLine=\"\(firstLine)\"/>"
            }
            props += "<w:jc w:val=\"\(align)\"/>"
            return "<w:p><w:pPr>\(props)</w:pPr>\(runs.map(\.xml).joined())</w:p>"
        }
    }

    struct Cell {
        var paragraphs: [Paragraph]
        var width: Int
    }

    struct Row {
        var cells: [Cell]
        /// Repeated at the top of every page the table runs onto.
        var isHeader = false
    }

    /// A table `widths` wide (twips per column); borders single lines or none.
    static func table(_ rows: [Row], widths: [Int], borders: Bool) -> String {
        let border = borders ? "single" : "nil"
        let edges = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { "<w:\($0) w:val=\"\(border)\"\(borders ? " w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "")/>" }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders>\(edges)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/>\(row.isHeader ? "<w:tblHeader/>" : "")</w:trPr>"
            for cell in row.cells {
                let paragraphs = cell.paragraphs.isEmpty ? [Paragraph("")] : cell.paragraphs
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(cell.width)\" w:type=\"dxa\"/><w:vAlign w:val=\"\(row.isHeader ? "center" : "top")\"/></w:tcPr>"
                    + paragraphs.map(\.xml).joined() + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// Relative widths spread over `total` twips; the last column takes the rounding remainder.
    static func spread(_ relative: [Int], count: Int, over total: Int = textWidth) -> [Int] {
        let weights = (0..<count).map { $0 < relative.count ? max(relative[$0], 1) : 1 }
        let sum = weights.reduce(0, +)
        var widths = weights.map { total * $0 / sum }
        if !widths.isEmpty { widths[widths.count - 1] += total - widths.reduce(0, +) }
        return widths
    }
}
