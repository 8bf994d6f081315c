/// The parts of an official document as WordprocessingML: the Party header, the body blocks
/// and the signature block.
enum DocxLayout {
    typealias P = WordML.Paragraph

    /// Left and right columns of the header and signature tables.
    static let columns = [4300, WordML.textWidth - 4300]

    /// The borderless header table (issuing body left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line
    /// right), then the type, the summary and a short line.
    static func heading(_ document: OfficialDocument) -> String {
        var left: [P] = []
        if !document.superiorBody.isEmpty { left.append(P(document.superiorBody, align: "center")) }
        left.append(P(document.issuingBody, bold: true, align: "center"))
        left.append(P("*", align: "center"))
        left.append(P(document.number, align: "center"))
        var rule = P("", size: 1, align: "center", line: 20)
        rule.exactLine = true
        rule.bottomRule = true
        rule.left = 1000
        rule.right = 1000
        let right = [
            P("ĐẢNG CỘNG SẢN VIỆT NAM", size: 15, bold: true, align: "center"),
            rule,
            P(document.dateLine, italic: true, align: "center", before: 240),
        ]
        let table = WordML.table([WordML.Row(cells: [
            WordML.Cell(paragraphs: left, width: columns[0]), WordML.Cell(paragraphs: right, width: columns[1]),
        ])], widths: columns, borders: false)
        let summary = P(document.summary, bold: true, align: "center")
        return table
            + P(document.type, size: 16, bold: true, align: "center", before: 360).xml
            + summary.xml
            + P("-----", align: "center", after: 240).xml
    }

    static func block(_ block: DocumentBlock) -> String {
        switch block {
        case .heading(let text, let level):
            let level1 = level <= 1
            return P(level1 ? text.uppercased() : text, bold: true, italic: level >= 3, align: "both", before: 120, after: 120,
                     line: 288, firstLine: WordML.indent, keepNext: true).xml
        case .paragraph(let text):
            return P(text, align: "both", after: 120, line: 288, firstLine: WordML.indent).xml
        case .table(let table):
            return self.table(table)
        case .pageBreak:
            return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        }
    }

    /// Caption bold centred above; the header row bold, centred and repeated on each page; cells
    /// 12 pt, numbers right-aligned; an empty line after.
    static func table(_ table: DocumentTable) -> String {
        let count = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard count > 0 else { return "" }
        let widths = WordML.spread(table.widths, count: count)
        func row(_ texts: [String], header: Bool, bold: Bool) -> WordML.Row {
            WordML.Row(cells: (0..<count).map { column in
                let text = column < texts.count ? texts[column] : ""
                let align = header ? "center" : table.numericColumns.contains(column) ? "right" : "left"
                return WordML.Cell(paragraphs: [P(text, size: 12, bold: bold, align: align, before: 20, after: 20)],
                                   width: widths[column])
            }, isHeader: header)
        }
        var rows: [WordML.Row] = []
        if !table.header.isEmpty { rows.append(row(table.header, header: true, bold: true)) }
        for (index, cells) in table.rows.enumerated() {
            rows.append(row(cells, header: false, bold: table.boldRows.contains(index)))
        }
        let caption = table.caption.isEmpty ? "" : P(table.caption, bold: true, align: "center", before: 120, after: 120, keepNext: true).xml
        return caption + WordML.table(rows, widths: widths, borders: true) + P("", after: 120).xml
    }

    /// "Nơi nhận:" and the recipients left; who signs right, with room for the signature.
    static func signature(_ document: OfficialDocument) -> String {
        var left = [P("Nơi nhận:", size: 12, bold: true, italic: true)]
        left += document.recipients.map { P($0, size: 11) }
        var right = [
            P(document.signature.onBehalfOf, bold: true, align: "center"),
            P(document.signature.title, bold: true, align: "center"),
        ]
        right += Array(repeating: P("", align: "center"), count: 4)
        right.append(P(document.signature.name, bold: true, align: "center"))
        return P("", after: 120).xml + WordML.table([WordML.Row(cells: [
            WordML.Cell(paragraphs: left, width: columns[0]), WordML.Cell(paragraphs: right, width: columns[1]),
        ])], widths: columns, borders: false)
            + P("").xml
    }
}
