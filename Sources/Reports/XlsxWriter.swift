import Domain
import Foundation

/// Writes a `Workbook` as an .xlsx (SpreadsheetML in a ZIP): numbers as numbers ("#,##0" or
/// "#,##0.0"), text through the shared strings, bold where asked, long text wrapped.
public enum XlsxWriter {
    public static func write(_ workbook: Workbook) throws -> Data {
        try validate(workbook)
        var strings = SharedStrings()
        let sheets = try workbook.sheets.map { try sheetXML($0, strings: &strings) }
        var package = OOXMLPackage()
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        package.add("[Content_Types].xml", XML.contentTypes(
            [("/xl/workbook.xml", main + ".sheet.main+xml"),
             ("/xl/styles.xml", main + ".styles+xml"),
             ("/xl/sharedStrings.xml", main + ".sharedStrings+xml")]
                + sheets.indices.map { ("/xl/worksheets/sheet\($0 + 1).xml", main + ".worksheet+xml") }))
        package.add("_rels/.rels", XML.rootRelationships(main: "xl/workbook.xml"))
        package.add("docProps/core.xml", XML.coreProperties(title: workbook.sheets.first?.name ?? ""))
        package.add("docProps/app.xml", XML.appProperties())
        package.add("xl/workbook.xml", workbookXML(workbook))
        package.add("xl/_rels/workbook.xml.rels", XML.relationships(
            sheets.indices.map { ("rId\($0 + 1)", XML.officeRel + "/worksheet", "worksheets/sheet\($0 + 1).xml") }
                + [("rId\(sheets.count + 1)", XML.officeRel + "/styles", "styles.xml"),
                   ("rId\(sheets.count + 2)", XML.officeRel + "/sharedStrings", "sharedStrings.xml")]))
        package.add("xl/styles.xml", styles)
        package.add("xl/sharedStrings.xml", strings.xml)
        for (index, xml) in sheets.enumerated() { package.add("xl/worksheets/sheet\(index + 1).xml", xml) }
        return try package.data()
    }

    /// Sheet names as Excel accepts them: 1–31 characters, none of : \ / ? * [ ], not starting or
    /// ending with an apostrophe, unique regardless of case.
    static func validate(_ workbook: Workbook) throws {
        guard !workbook.sheets.isEmpty else { throw ReportError.noSheets }
        var seen: Set<String> = []
        for sheet in workbook.sheets {
            let name = sheet.name.precomposedStringWithCanonicalMapping
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ReportError.invalidSheetName(name, reason: "tên trống") }
            if name.utf16.count > 31 { throw ReportError.invalidSheetName(name, reason: "dài quá 31 ký tự") }
            if let bad = name.first(where: { ":\\/?*[]".contains($0) }) {
                throw ReportError.invalidSheetName(name, reason: "có ký tự “\(bad)”")
            }
            if name.hasPrefix("'") || name.hasSuffix("'") {
                throw ReportError.invalidSheetName(name, reason: "bắt đầu hoặc kết thúc bằng dấu nháy")
            }
            if name.unicodeScalars.contains(where: { !XML.allowed($0.value) || $0.value < 0x20 }) {
                throw ReportError.invalidSheetName(name, reason: "có ký tự điều khiển")
            }
            guard seen.insert(name.lowercased()).inserted else { throw ReportError.duplicateSheetName(name) }
            for merge in sheet.merges where CellReference.range(merge) == nil { throw ReportError.invalidMerge(merge) }
        }
    }

    static func workbookXML(_ workbook: Workbook) -> String {
        XML.declaration + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"\(XML.officeRel)\"><bookViews><workbookView/></bookViews><sheets>"
            + workbook.sheets.enumerated().map { index, sheet in
                "<sheet name=\"\(XML.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            }.joined()
            + "</sheets></workbook>"
    }

    static func sheetXML(_ sheet: Worksheet, strings: inout SharedStrings) throws -> String {
        var xml = XML.declaration + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"\(XML.officeRel)\"><sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>" + sheet.columnWidths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(XML.number(max(width, 1)))\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = ColumnName.letters(c) + "\(r + 1)"
                switch cell {
                case .empty:
                    continue
                case .text(let text, let bold):
                    xml += "<c r=\"\(ref)\" t=\"s\" s=\"\(bold ? Style.boldText : Style.text)\"><v>\(strings.index(text))</v></c>"
                case .number(let value, let decimals, let bold):
                    guard value.isFinite else { continue }
                    xml += "<c r=\"\(ref)\" t=\"n\" s=\"\(Style.number(decimals: decimals, bold: bold))\"><v>\(XML.number(value))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">"
                + sheet.merges.map { "<mergeCell ref=\"\($0.uppercased())\"/>" }.joined() + "</mergeCells>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "</worksheet>"
    }

    /// Indices into `cellXfs` of `styles`.
    enum Style {
        static let text = 1
        static let boldText = 2
        static func number(decimals: Int, bold: Bool) -> Int {
            (decimals > 0 ? 4 : 3) + (bold ? 2 : 0)
        }
    }

    static let styles = XML.declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.0\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + xf(format: 0, font: 0) + xf(format: 0, font: 1)
        + xf(format: 3, font: 0) + xf(format: 164, font: 0)
        + xf(format: 3, font: 1) + xf(format: 164, font: 1)
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    private static func xf(format: Int, font: Int) -> String {
        let wrap = format == 0 ? " wrapText=\"1\"" : ""
        return "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\""
            + (format == 0 ? "" : " applyNumberFormat=\"1\"") + " applyAlignment=\"1\">"
            + "<alignment vertical=\"top\"\(wrap)/></xf>"
    }
}

/// The shared strings table: each distinct text once, in order of first use.
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var list: [String] = []
    private var uses = 0

    mutating func index(_ text: String) -> Int {
        uses += 1
        let key = text.precomposedStringWithCanonicalMapping
        if let index = indices[key] { return index }
        indices[key] = list.count
        list.append(key)
        return list.count - 1
    }

    var xml: String {
        XML.declaration + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
            + list.map { "<si><t xml:space=\"preserve\">\(XML.escape($0))</t></si>" }.joined() + "</sst>"
    }
}

/// "A1:F1" ranges (column letters: Domain's `ColumnName`).
enum CellReference {
    /// The range's corners as (column, row), 1-based, or nil when it is not "A1:B2".
    static func range(_ text: String) -> (from: (Int, Int), to: (Int, Int))? {
        let parts = text.uppercased().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts.contains(where: { $0.contains("$") }),
              let from = ColumnName.parse(parts[0]), let fromRow = from.row, fromRow >= 1,
              let to = ColumnName.parse(parts[1]), let toRow = to.row, toRow >= 1,
              from.column <= to.column, fromRow <= toRow else { return nil }
        return ((from.column + 1, fromRow), (to.column + 1, toRow))
    }
}
