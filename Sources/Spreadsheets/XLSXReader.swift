import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XLSX (Office Open XML) as Excel, LibreOffice and Google Sheets write it: the package's
/// relationships lead to the workbook, its sheets, shared strings and styles. The sheet and the
/// shared strings are read as they are unpacked (`XMLScanner`), so memory holds the rows read,
/// not the sheet's XML.
public enum XLSXReader {
    /// The first visible sheet, or the one named `sheetName`.
    public static func read(_ data: Data, sheet sheetName: String? = nil, limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> Sheet {
        guard data.count <= limits.maxBytes else { throw SpreadsheetError.tooLarge(bytes: data.count, limit: limits.maxBytes) }
        let package = try Package(data, limits: limits)
        let workbook = try package.workbook()
        guard !workbook.part.sheets.isEmpty else { throw SpreadsheetError.damaged("không có trang tính nào") }
        let entry: WorkbookPart.SheetEntry
        if let sheetName {
            let wanted = sheetName.precomposedStringWithCanonicalMapping
            guard let found = workbook.part.sheets.first(where: { $0.name == wanted }) else {
                throw SpreadsheetError.sheetNotFound(wanted, available: workbook.part.sheets.map(\.name))
            }
            entry = found
        } else {
            entry = workbook.part.sheets.first { !$0.hidden } ?? workbook.part.sheets[0]
        }
        guard let relationship = workbook.relationships.byID[entry.relationshipID] else {
            throw SpreadsheetError.damaged("thiếu liên kết của trang tính “\(entry.name)”")
        }

        let strings = SharedStringsPart()
        // Streamed like the sheet: a province's members make a table of tens of megabytes, which
        // the parser refuses when handed in one piece.
        if let path = workbook.relationships.target(ofType: "sharedStrings").map({ Package.resolve($0, from: workbook.path) }),
           package.contains(path) {
            try package.scan(path, with: strings, part: "bảng chuỗi dùng chung")
        }
        let styles = StylesPart()
        if let path = workbook.relationships.target(ofType: "styles").map({ Package.resolve($0, from: workbook.path) }),
           let xml = try package.data(of: path) {
            try styles.run(XMLParser(data: xml), part: "bảng kiểu ô")
        }

        let sheetPath = Package.resolve(relationship.target, from: workbook.path)
        let part = SheetPart(sharedStrings: strings.cells, dateStyles: styles.dateStyles,
                             date1904: workbook.part.date1904, maxRows: limits.maxRows)
        try package.scan(sheetPath, with: part, part: "trang tính “\(entry.name)”")
        let rows = part.mergedRows()
        guard !rows.isEmpty else { throw SpreadsheetError.empty }
        return Sheet(name: entry.name, rows: rows)
    }

    /// The sheets' names in the workbook's order.
    public static func sheetNames(_ data: Data, limits: SpreadsheetLimits = SpreadsheetLimits()) throws -> [String] {
        try Package(data, limits: limits).workbook().part.sheets.map(\.name)
    }
}

/// The ZIP package and the parts it names.
private struct Package {
    let archive: Archive
    let limits: SpreadsheetLimits

    init(_ data: Data, limits: SpreadsheetLimits) throws {
        do {
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            throw SpreadsheetError.damaged("không mở được gói ZIP")
        }
        self.limits = limits
    }

    /// The workbook part, found through `_rels/.rels`, with its own relationships.
    func workbook() throws -> (path: String, part: WorkbookPart, relationships: RelationshipsPart) {
        var path = "xl/workbook.xml"
        if let xml = try data(of: "_rels/.rels") {
            let rels = RelationshipsPart()
            try rels.run(XMLParser(data: xml), part: "_rels/.rels")
            if let target = rels.target(ofType: "officeDocument") { path = Self.resolve(target, from: "") }
        }
        guard let xml = try data(of: path) else { throw SpreadsheetError.damaged("không có \(path)") }
        let workbook = WorkbookPart()
        try workbook.run(XMLParser(data: xml), part: path)
        let relationships = RelationshipsPart()
        if let rels = try data(of: Self.relationshipsPath(of: path)) {
            try relationships.run(XMLParser(data: rels), part: Self.relationshipsPath(of: path))
        }
        return (path, workbook, relationships)
    }

    /// A small part, unpacked into memory (nil when the package has no such part).
    func contains(_ path: String) -> Bool { archive[path] != nil }

    func data(of path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var out = Data()
        try extract(entry) { out.append($0) }
        return out
    }

    /// A large part read as it is unpacked, by `XMLScanner`: nothing of its XML is kept. A part
    /// not in UTF-8 goes through a temporary file and `XMLParser` instead.
    func scan(_ path: String, with delegate: SAXDelegate, part: String) throws {
        guard let entry = archive[path] else { throw SpreadsheetError.damaged("không có \(path)") }
        var scanner = delegate.scanner(part: part)
        do {
            try extract(entry) { try scanner.feed($0) }
            try scanner.finish()
        } catch is XMLScanner.NotUTF8 {
            try streamPart(path) { stream in try delegate.run(XMLParser(stream: stream), part: part) }
        }
    }

    /// A large part, unpacked to a temporary file and handed over as a stream.
    func streamPart(_ path: String, _ body: (InputStream) throws -> Void) throws {
        guard let entry = archive[path] else { throw SpreadsheetError.damaged("không có \(path)") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ltb-sheet-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url)
        else { throw SpreadsheetError.damaged("không tạo được tệp tạm") }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try extract(entry) { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        guard let stream = InputStream(url: url) else { throw SpreadsheetError.damaged("không đọc được tệp tạm") }
        try body(stream)
    }

    private func extract(_ entry: Entry, _ consume: (Data) throws -> Void) throws {
        var total = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                total += chunk.count
                if total > limits.maxUnpackedBytes { throw SpreadsheetError.damaged("\(entry.path) quá lớn khi giải nén") }
                try consume(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch let error as XMLScanner.NotUTF8 {
            throw error
        } catch {
            throw SpreadsheetError.damaged("không giải nén được \(entry.path)")
        }
    }

    /// A relationship target against the part that names it: "worksheets/sheet1.xml" from
    /// "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/…" is from the package root.
    static func resolve(_ target: String, from source: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = source.split(separator: "/").dropLast().map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    static func relationshipsPath(of part: String) -> String {
        var parts = part.split(separator: "/").map(String.init)
        let name = parts.popLast() ?? ""
        return (parts + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}
