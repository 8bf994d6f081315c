import Foundation
import ZIPFoundation

/// XLSX packages built from XML strings, shaped the way Excel and LibreOffice write them.
enum XLSXFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A package of the given parts (path → XML), deflated like Excel's.
    static func package(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A workbook of `sheets` (name, sheet XML), with shared strings and styles when given.
    static func workbook(
        sheets: [(String, String)], sharedStrings: String? = nil, styles: String? = nil, date1904: Bool = false
    ) throws -> Data {
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        let sheetElements = sheets.enumerated().map { i, sheet in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        parts.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relNS)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><bookViews><workbookView/></bookViews><sheets>\(sheetElements)</sheets></workbook>
            """))
        var rels = sheets.indices.map { i in
            "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        if sharedStrings != nil { rels.append("<Relationship Id=\"rIdS\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>") }
        if styles != nil { rels.append("<Relationship Id=\"rIdT\" Type=\"\(relNS)/styles\" Target=\"/xl/styles.xml\"/>") }
        parts.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels.joined())</Relationships>
            """))
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet.1)) }
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
        if let styles { parts.append(("xl/styles.xml", styles)) }
        return try package(parts)
    }

    /// A worksheet around `rows` (the `<row>` elements) and optional merged ranges.
    static func sheet(_ rows: String, merges: [String] = []) -> String {
        let mergeCells = merges.isEmpty ? "" : "<mergeCells count=\"\(merges.count)\">"
            + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(main)" xmlns:r="\(relNS)"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>\(rows)</sheetData>\(mergeCells)<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
            """
    }

    /// Shared strings `strings` as plain `<si><t>` items.
    static func sharedStrings(_ strings: [String], extra: String = "") -> String {
        let items = strings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="\(main)" count="\(strings.count)" uniqueCount="\(strings.count)">\(items)\(extra)</sst>
            """
    }

    /// Styles as Excel writes them: style 0 General, 1 built-in 14 (a date), 2 the custom
    /// "dd/mm/yyyy" (164), 3 a custom number format "#,##0" (165), 4 a time "h:mm" (166).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(main)"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0"/><numFmt numFmtId="166" formatCode="h:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A sheet of text rows written with inline strings (`t="inlineStr"`), as many exporters
    /// do: the simplest XLSX for import tests.
    static func inlineWorkbook(_ rows: [[String]]) throws -> Data {
        let xml = rows.enumerated().map { r, cells in
            "<row r=\"\(r + 1)\">" + cells.enumerated().compactMap { c, value in
                value.isEmpty ? nil : "<c r=\"\(column(c))\(r + 1)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        return try workbook(sheets: [("Sheet1", sheet(xml))])
    }

    static func column(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 { out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out; n = (n - 1) / 26 }
        return out
    }
}
