import Domain
import Foundation
import Testing
@testable import Reports

@Suite struct DocxWriterTests {
    static func parts() throws -> ZipParts { try ZipParts(DocxWriter.write(SampleReport.document)) }
    static func document() throws -> XMLNode { try XMLNode.parse(parts().text("word/document.xml")) }

    /// The run holding exactly `text`, and its properties.
    static func run(_ text: String, in document: XMLNode) throws -> XMLNode {
        try #require(document.all("w:r").first { $0.wordText == text }, "no run “\(text)”")
    }

    static func size(_ run: XMLNode) -> String? { run.first("w:sz")?.attributes["w:val"] }

    @Test func packageHasTheParts() throws {
        let parts = try Self.parts()
        #expect(parts.names.isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                                            "word/settings.xml", "word/_rels/document.xml.rels", "docProps/core.xml",
                                            "docProps/app.xml", "word/header1.xml", "word/header2.xml"]))
        for name in parts.names { _ = try XMLNode.parse(parts.text(name)) }
        #expect(try DocxWriter.write(SampleReport.document) == DocxWriter.write(SampleReport.document))
    }

    @Test func a4WithPartyMarginsAndPageNumbersFromPageTwo() throws {
        let section = try #require(try Self.document().first("w:sectPr"))
        #expect(section.child("w:pgSz")?.attributes["w:w"] == "11906")
        #expect(section.child("w:pgSz")?.attributes["w:h"] == "16838")
        let margins = try #require(section.child("w:pgMar")).attributes
        #expect(margins["w:top"] == "1134" && margins["w:bottom"] == "1134")  // 20 mm
        #expect(margins["w:left"] == "1701" && margins["w:right"] == "850")   // 30 mm, 15 mm
        #expect(section.child("w:titlePg") != nil)
        let headers = section.children.filter { $0.name == "w:headerReference" }.map { $0.attributes["w:type"] }
        #expect(headers == ["default", "first"])
        let parts = try Self.parts()
        #expect(try XMLNode.parse(parts.text("word/header1.xml")).first("w:fldSimple")?.attributes["w:instr"] == " PAGE ")
        #expect(try XMLNode.parse(parts.text("word/header2.xml")).first("w:fldSimple") == nil)
    }

    @Test func timesNewRomanEverywhere() throws {
        let parts = try Self.parts()
        let fonts = try XMLNode.parse(parts.text("word/styles.xml")).all("w:rFonts")
        #expect(!fonts.isEmpty)
        for font in fonts {
            for key in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] { #expect(font.attributes[key] == "Times New Roman") }
        }
        for name in ["word/document.xml", "word/header1.xml"] {
            #expect(try XMLNode.parse(parts.text(name)).all("w:rFonts").isEmpty, "\(name) names no other font")
        }
    }

    @Test func headerBlock() throws {
        let document = try Self.document()
        let issuing = try Self.run(SampleReport.issuingBody, in: document)
        #expect(issuing.first("w:b") != nil && Self.size(issuing) == "28")
        let superior = try Self.run("ĐẢNG BỘ TỈNH LẠC HỒNG", in: document)
        #expect(superior.first("w:b") == nil && Self.size(superior) == "28")
        let party = try Self.run("ĐẢNG CỘNG SẢN VIỆT NAM", in: document)
        #expect(party.first("w:b") != nil && Self.size(party) == "30")
        let date = try Self.run("Đại Lộc, ngày 15 tháng 5 năm 2024", in: document)
        #expect(date.first("w:i") != nil && Self.size(date) == "28")
        let type = try Self.run("BÁO CÁO", in: document)
        #expect(type.first("w:b") != nil && Self.size(type) == "32")
        #expect(try Self.run("Số 12-BC/ĐU", in: document).first("w:b") == nil)
        #expect(document.all("w:pBdr").count == 1, "the rule under ĐẢNG CỘNG SẢN VIỆT NAM")
        // The header table is borderless.
        let first = try #require(document.first("w:tbl"))
        #expect(first.first("w:tblBorders")?.children.allSatisfy { $0.attributes["w:val"] == "nil" } == true)
    }

    @Test func bodyHeadingsParagraphsAndTables() throws {
        let document = try Self.document()
        #expect(try Self.run("I. KẾT QUẢ THỰC HIỆN", in: document).first("w:b") != nil)
        let level3 = try Self.run("a) Học tập chuyên đề", in: document)
        #expect(level3.first("w:b") != nil && level3.first("w:i") != nil)
        let paragraph = try #require(document.all("w:p").first { $0.wordText.hasPrefix("Có 95,3% tổ chức đảng") })
        #expect(paragraph.first("w:jc")?.attributes["w:val"] == "both")
        #expect(paragraph.first("w:ind")?.attributes["w:firstLine"] == "567")
        #expect(try Self.run("Một số chi bộ còn chậm xây dựng kế hoạch <đúng hạn> & báo cáo.", in: document).first("w:b") == nil)
        #expect(document.all("w:br").contains { $0.attributes["w:type"] == "page" })

        let tables = document.all("w:tbl")
        #expect(tables.count == 4)  // header, appendix, breakdown, signature
        let appendix = tables[1]
        let rows = appendix.children.filter { $0.name == "w:tr" }.map { $0.children.filter { $0.name == "w:tc" }.map(\.wordText) }
        #expect(rows == [FigureDocumentTables.appendix(SampleReport.appendix, caption: "").header]
            + FigureDocumentTables.appendix(SampleReport.appendix, caption: "").rows)
        let header = try #require(appendix.first("w:tr"))
        #expect(header.first("w:tblHeader") != nil)
        #expect(header.all("w:r").allSatisfy { $0.first("w:b") != nil && Self.size($0) == "24" })
        // Numbers right-aligned; a group heading row bold.
        let figureRow = appendix.children.filter { $0.name == "w:tr" }[2]
        let cells = figureRow.children.filter { $0.name == "w:tc" }
        #expect(cells[4].first("w:jc")?.attributes["w:val"] == "right")
        #expect(cells[1].first("w:jc")?.attributes["w:val"] == "left")
        #expect(appendix.children.filter { $0.name == "w:tr" }[1].all("w:r").allSatisfy { $0.first("w:b") != nil })
        let widths = appendix.first("w:tblGrid")!.children.compactMap { Int($0.attributes["w:w"] ?? "") }
        #expect(widths.reduce(0, +) == WordML.textWidth)
        #expect(try Self.run("PHỤ LỤC", in: document).first("w:b") != nil)
        #expect(tables[2].wordText.contains("Đảng ủy xã Hòa Tiến"))
    }

    @Test func signatureBlock() throws {
        let document = try Self.document()
        let recipients = try Self.run("Nơi nhận:", in: document)
        #expect(recipients.first("w:b") != nil && recipients.first("w:i") != nil && Self.size(recipients) == "24")
        #expect(Self.size(try Self.run("- Lưu Văn phòng Đảng ủy.", in: document)) == "22")
        for text in ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Minh"] {
            let run = try Self.run(text, in: document)
            #expect(run.first("w:b") != nil && Self.size(run) == "28", "\(text)")
        }
    }

    /// A root unit has no superior body; characters XML 1.0 forbids are dropped, not written.
    @Test func rootUnitAndForbiddenCharacters() throws {
        var document = SampleReport.document
        document.superiorBody = ""
        document.body = [.paragraph("Chuông\u{0007} báo\u{0000} giờ\nDòng hai")]
        let xml = try ZipParts(DocxWriter.write(document)).text("word/document.xml")
        let tree = try XMLNode.parse(xml)
        let cell = try #require(tree.first("w:tc"))
        #expect(cell.all("w:p").first?.wordText == SampleReport.issuingBody)
        let paragraph = try #require(tree.all("w:p").first { $0.wordText.hasPrefix("Chuông") })
        #expect(paragraph.wordText == "Chuông báo giờDòng hai")
        #expect(paragraph.all("w:br").count == 1)
    }

    @Test func dateLinePadsSmallDaysAndMonths() {
        var document = SampleReport.document
        document.date = LocalDate(year: 2025, month: 2, day: 3)!
        #expect(document.dateLine == "Đại Lộc, ngày 03 tháng 02 năm 2025")
        document.date = LocalDate(year: 2025, month: 12, day: 31)!
        #expect(document.dateLine == "Đại Lộc, ngày 31 tháng 12 năm 2025")
    }
}
