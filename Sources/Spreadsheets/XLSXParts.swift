import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An event-driven (SAX) reader of one XML part: element names and attribute keys arrive with
/// their namespace prefix removed ("x:row" → "row", "r:id" → "id"), since writers choose
/// prefixes freely. Nothing builds a tree.
class SAXDelegate: NSObject, XMLParserDelegate {
    var failure: SpreadsheetError?

    func start(_ name: Substring, _ attributes: XMLAttributes) {}
    func end(_ name: Substring) {}
    func text(_ string: String) {}

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        start(Self.local(elementName), XMLAttributes(attributeDict))
        if failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(Self.local(elementName))
        if failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    /// A CDATA section is text like any other (`XMLScanner` reads it so too).
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }

    static func local(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return Substring(name) }
        return name[name.utf8.index(after: colon)...]
    }

    /// Reads a part handed over in pieces (`XMLScanner`), as `run(_:part:)` would.
    func scanner(part: String) -> XMLScanner { XMLScanner(self, part: part) }

    /// Runs `parser` with this delegate; a refusal of ours wins over libxml2's own error.
    func run(_ parser: XMLParser, part: String) throws {
        parser.delegate = self
        let ok = parser.parse()
        if let failure { throw failure }
        guard ok else { throw SpreadsheetError.damaged("không đọc được \(part)") }
    }
}

/// An element's attributes by name without prefix ("r:id" is `["id"]`): a handful each, found
/// by looking along them, so a sheet's million cells each get no dictionary of their own.
struct XMLAttributes {
    private let pairs: [(name: String, value: String)]
    /// The names are without prefix already (`XMLScanner`).
    private let local: Bool

    init(_ byName: [String: String]) {
        pairs = byName.map { ($0.key, $0.value) }
        local = false
    }

    init(localPairs: [(name: String, value: String)]) {
        pairs = localPairs
        local = true
    }

    subscript(_ name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        guard !local else { return nil }
        return pairs.first { SAXDelegate.local($0.name) == name }?.value
    }
}

/// `_rels/*.rels`: relationship id → target part and type.
final class RelationshipsPart: SAXDelegate {
    struct Relationship {
        let type: String
        let target: String
    }

    private(set) var byID: [String: Relationship] = [:]

    override func start(_ name: Substring, _ attributes: XMLAttributes) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        guard attributes["TargetMode"] != "External" else { return }
        byID[id] = Relationship(type: attributes["Type"] ?? "", target: target)
    }

    /// The first target whose type ends with `/suffix` ("officeDocument", "sharedStrings", "styles").
    func target(ofType suffix: String) -> String? {
        byID.values.filter { $0.type.hasSuffix("/" + suffix) }.map(\.target).sorted().first
    }
}

/// `xl/workbook.xml`: the sheets in order and the date system.
final class WorkbookPart: SAXDelegate {
    struct SheetEntry {
        let name: String
        let relationshipID: String
        let hidden: Bool
    }

    private(set) var sheets: [SheetEntry] = []
    /// Mac Excel before 2011 counted days from 1904-01-01.
    private(set) var date1904 = false

    override func start(_ name: Substring, _ attributes: XMLAttributes) {
        switch name {
        case "sheet":
            guard let sheetName = attributes["name"], let id = attributes["id"] else { return }
            let state = attributes["state"] ?? "visible"
            sheets.append(SheetEntry(name: sheetName.precomposedStringWithCanonicalMapping, relationshipID: id, hidden: state != "visible"))
        case "workbookPr":
            let flag = attributes["date1904"] ?? ""
            date1904 = flag == "1" || flag == "true"
        default:
            break
        }
    }
}

/// `xl/sharedStrings.xml`: the text of every `t="s"` cell, by index. Rich text is the
/// concatenation of its runs; phonetic guides (`rPh`, furigana) are not part of the text.
final class SharedStringsPart: SAXDelegate {
    /// Each string as the cell that shows it, put in NFC once however many cells show it.
    private(set) var cells: [Cell] = []
    private var current = ""
    private var capturing = false
    private var inPhonetic = false

    override func start(_ name: Substring, _ attributes: XMLAttributes) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": capturing = !inPhonetic
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "si": cells.append(.text(nfc: OOXMLText.unescape(current)))
        case "rPh": inPhonetic = false
        case "t": capturing = false
        default: break
        }
    }

    override func text(_ string: String) {
        if capturing { current += string }
    }
}

/// `xl/styles.xml`: which cell styles (`s="3"`) show numbers as dates.
final class StylesPart: SAXDelegate {
    private var customFormats: [Int: String] = [:]
    private var styleFormats: [Int] = []
    private var inCellXfs = false

    override func start(_ name: Substring, _ attributes: XMLAttributes) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    override func end(_ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }

    /// Per style index: whether its number format is a date format.
    var dateStyles: [Bool] {
        styleFormats.map { id in customFormats[id].map(DateFormats.isDate) ?? DateFormats.builtIn.contains(id) }
    }
}

/// OOXML's escape for characters XML 1.0 cannot hold: "_x000D_" is a carriage return,
/// "_x005F_" an underscore.
enum OOXMLText {
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
