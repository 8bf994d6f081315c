import Foundation
@testable import Spreadsheets
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The byte scanner that reads the sheet and the shared strings must hand over the same events
/// as `XMLParser`, wherever the unpacked chunks happen to cut the XML.
@Suite struct XMLScannerTests {
    /// Every event as a line; adjacent texts joined, as the parts join them. (XMLParser also
    /// lists namespace declarations among the attributes, the scanner not: the documents'
    /// prefixes are none of the names looked up.)
    final class Recorder: SAXDelegate {
        var events: [String] = []
        override func start(_ name: Substring, _ attributes: XMLAttributes) {
            let keys = ["r", "t", "s", "id", "ref", "space", "name", "x"]
            events.append("<\(name) " + keys.compactMap { k in attributes[k].map { "\(k)=\($0)" } }.joined(separator: " "))
        }
        override func end(_ name: Substring) { events.append("</\(name)") }
        override func text(_ string: String) {
            if let last = events.last, last.hasPrefix("#") { events[events.count - 1] = last + string } else { events.append("#" + string) }
        }
    }

    static let documents: [String] = [
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>\
        <row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="E1" t="inlineStr"><is><t xml:space="preserve"> Ghi chú </t></is></c></row>\
        <row r="2"/><row r="7"><c r="A7" t="str"><f>A4&amp;"!"</f><v>Nguyễn Văn An!</v></c><c r="B7" s="3"><v>44334</v></c></row>\
        </sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>
        """,
        "\u{FEFF}<ss:sst xmlns:ss=\"urn:lamtheobac:m\"><ss:si><ss:t>Đặng &lt;Thị&gt; &#7877;&#x1EC5; &quot;Ớt&apos;</ss:t><ss:rPh><ss:t>ふ</ss:t></ss:rPh></ss:si></ss:sst>",
        "<!-- a comment <with> brackets --><a x='1 > 0' r=\"a&#10;b\tc\"><![CDATA[<b>không phải thẻ</b> & vẫn là chữ]]><?pi data?>dòng 1\r\ndòng 2\rdòng 3</a>",
        "<?xml version='1.0'?>\n<!DOCTYPE a>\n<a   >\n  <b  r = \"1\"  />\n  <c/>\n</a  >\n",
    ]

    private func parsed(_ xml: String) -> [String]? {
        let recorder = Recorder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = recorder
        return parser.parse() ? recorder.events : nil
    }

    private func scanned(_ xml: String, chunk: Int) throws -> [String] {
        let recorder = Recorder()
        var scanner = recorder.scanner(part: "thử")
        let bytes = Data(xml.utf8)
        var start = 0
        while start < bytes.count {
            try scanner.feed(bytes.subdata(in: start..<min(start + chunk, bytes.count)))
            start += chunk
        }
        try scanner.finish()
        return recorder.events
    }

    @Test(arguments: [1, 2, 3, 7, 64, 100_000])
    func sameEventsAsXMLParserWhereverTheChunksCut(chunk: Int) throws {
        for xml in Self.documents {
            let expected = try #require(parsed(xml), "XMLParser reads \(xml.prefix(40))")
            let got = try scanned(xml, chunk: chunk)
            let first = zip(got, expected).first { $0 != $1 }.map { "“\($0.0)” ≠ “\($0.1)”" } ?? "\(got.count) ≠ \(expected.count) events"
            #expect(got == expected, "\(xml.prefix(30)): \(first)")
        }
    }

    @Test func damagedXMLIsRefused() {
        for xml in ["<worksheet><sheetData><row>", "<a></b>", "<a>x</a><b/>", "<a>&nbsp;</a>", "<a x=1/>", "text", "<a><b></a></b>", ""] {
            #expect(throws: SpreadsheetError.self, "\(xml)") { _ = try scanned(xml, chunk: 5) }
        }
    }

    @Test func aPartNotInUTF8IsLeftToXMLParser() {
        let utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>b</a>"
        #expect(throws: XMLScanner.NotUTF8.self) { _ = try scanned(utf16, chunk: 1000) }
    }
}
