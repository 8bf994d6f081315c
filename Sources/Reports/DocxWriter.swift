import Foundation

/// Writes an `OfficialDocument` as a .docx (WordprocessingML in a ZIP), laid out as Hướng dẫn
/// 36-HD/VPTW asks: A4, Times New Roman, the Party header, the body, the signature block; page
/// numbers centred at the top from page 2.
public enum DocxWriter {
    public static func write(_ document: OfficialDocument) throws -> Data {
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", XML.contentTypes([
            ("/word/document.xml", word + ".document.main+xml"),
            ("/word/styles.xml", word + ".styles+xml"),
            ("/word/settings.xml", word + ".settings+xml"),
            ("/word/header1.xml", word + ".header+xml"),
            ("/word/header2.xml", word + ".header+xml"),
        ]))
        package.add("_rels/.rels", XML.rootRelationships(main: "word/document.xml"))
        package.add("docProps/core.xml", XML.coreProperties(title: [document.type, document.summary].joined(separator: " ")))
        package.add("docProps/app.xml", XML.appProperties())
        package.add("word/_rels/document.xml.rels", XML.relationships([
            ("rId1", XML.officeRel + "/styles", "styles.xml"),
            ("rId2", XML.officeRel + "/settings", "settings.xml"),
            ("rId3", XML.officeRel + "/header", "header1.xml"),
            ("rId4", XML.officeRel + "/header", "header2.xml"),
        ]))
        package.add("word/document.xml", documentXML(document))
        package.add("word/styles.xml", DocxParts.styles)
        package.add("word/settings.xml", DocxParts.settings)
        package.add("word/header1.xml", DocxParts.header(pageNumber: true))
        package.add("word/header2.xml", DocxParts.header(pageNumber: false))
        return try package.data()
    }

    static func documentXML(_ document: OfficialDocument) -> String {
        let blocks = DocxLayout.heading(document) + document.body.map(DocxLayout.block).joined() + DocxLayout.signature(document)
        let section = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:headerReference w:type=\"first\" r:id=\"rId4\"/>"
            + "<w:pgSz w:w=\"\(WordML.pageWidth)\" w:h=\"\(WordML.pageHeight)\"/>"
            + "<w:pgMar w:top=\"\(WordML.marginTop)\" w:right=\"\(WordML.marginRight)\" w:bottom=\"\(WordML.marginBottom)\" "
            + "w:left=\"\(WordML.marginLeft)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
        return XML.declaration + "<w:document xmlns:w=\"\(DocxParts.wordNamespace)\" xmlns:r=\"\(XML.officeRel)\">"
            + "<w:body>\(blocks)\(section)</w:body></w:document>"
    }
}

extension OfficialDocument {
    /// "Bình Định, ngày 05 tháng 02 năm 2024": a day below 10 and the months 1 and 2 take a
    /// leading zero, as the Party's rules on documents ask.
    public var dateLine: String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
        let prose = "ngày \(day) tháng \(month) năm \(date.year)"
        return place.isEmpty ? prose.prefix(1).uppercased() + prose.dropFirst() : "\(place), \(prose)"
    }
}
