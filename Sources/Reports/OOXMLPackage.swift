import Foundation
import ZIPFoundation

/// An Office Open XML package (a ZIP of XML parts) assembled in memory. Every entry carries the
/// same fixed timestamp, so the same parts give the same bytes.
struct OOXMLPackage {
    private var parts: [(path: String, data: Data)] = []

    mutating func add(_ path: String, _ xml: String) {
        parts.append((path, Data(xml.utf8)))
    }

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        let stamp = Date(timeIntervalSince1970: 1_609_459_200) // 2021-01-01
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw ReportError.packaging }
        return bytes
    }
}

public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSheetName(String, reason: String)
    case duplicateSheetName(String)
    case noSheets
    case invalidMerge(String)
    case packaging

    public var description: String {
        switch self {
        case .invalidSheetName(let name, let reason): "Tên trang tính “\(name)” không hợp lệ: \(reason)."
        case .duplicateSheetName(let name): "Tên trang tính “\(name)” bị trùng."
        case .noSheets: "Bảng tính không có trang nào."
        case .invalidMerge(let range): "Vùng gộp ô “\(range)” không hợp lệ."
        case .packaging: "Không đóng gói được tệp."
        }
    }
}

enum XML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Text or an attribute value: escaped, in NFC, without the characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if allowed(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func allowed(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }

    /// A number as XML carries it: "1234", "95.3", never an exponent for ordinary values.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    static func relationships(_ rels: [(id: String, type: String, target: String)]) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + rels.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    static let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRel = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// `_rels/.rels` for a main part and the two docProps parts.
    static func rootRelationships(main: String) -> String {
        relationships([
            ("rId1", officeRel + "/officeDocument", main),
            ("rId2", packageRel + "/metadata/core-properties", "docProps/core.xml"),
            ("rId3", officeRel + "/extended-properties", "docProps/app.xml"),
        ])
    }

    static func coreProperties(title: String) -> String {
        declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(escape(title))</dc:title><dc:creator>LamTheoBac</dc:creator></cp:coreProperties>"
    }

    static func appProperties(application: String = "LamTheoBac") -> String {
        declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>\(application)</Application></Properties>"
    }

    /// `[Content_Types].xml` with the defaults for rels and xml plus the given overrides.
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.part)\" ContentType=\"\($0.type)\"/>" }.joined()
            + "</Types>"
    }
}
