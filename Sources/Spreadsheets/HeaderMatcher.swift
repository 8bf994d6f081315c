import Domain
import Foundation

/// A column an import reads, with the headers people write for it.
public struct ColumnSpec: Sendable {
    /// A stable name for the code ("fullName").
    public let key: String
    /// The header as the template writes it ("Họ và tên").
    public let title: String
    /// Other ways to write it ("Họ tên", "Ho va ten"); case, diacritics, spaces and punctuation
    /// do not matter.
    public let spellings: [String]
    public let required: Bool

    public init(_ key: String, _ title: String, spellings: [String] = [], required: Bool = true) {
        self.key = key
        self.title = title
        self.spellings = spellings
        self.required = required
    }

    var folded: Set<String> { Set(([title] + spellings).map(HeaderMatcher.fold)) }
}

/// The data of a sheet under its header row, with each known column found.
public struct Table: Sendable {
    public let sheetName: String
    /// The header row's number in the file.
    public let headerRow: Int
    /// Column key → column index.
    public let columns: [String: Int]
    /// Rows under the header holding a value in at least one known column.
    public let rows: [SheetRow]
    let titles: [String: String]
    /// Column key → what its text was found written in (columns holding text only).
    public let encodings: [String: ColumnEncoding]
    /// Header cells naming no known column, as written (numbering columns left out).
    public let unrecognised: [String]

    /// "Cột “Họ và tên”: chuyển từ TCVN3 (ABC) sang Unicode", for each column read that was converted.
    public var conversions: [String] {
        // A plain loop: the optional chain inside a closure here crashed Swift 6.3.1's optimiser
        // (an ownership error in CopyPropagation) in release builds.
        var lines: [String] = []
        for key in columns.keys.sorted(by: { columns[$0]! < columns[$1]! }) {
            guard let encoding = encodings[key], let legacy = encoding.convertedFrom else { continue }
            let title = titles[key] ?? key
            lines.append("Cột “\(title)”: chuyển từ \(legacy.label) sang Unicode")
        }
        return lines
    }

    public func has(_ key: String) -> Bool { columns[key] != nil }

    public func cell(_ key: String, _ row: SheetRow) -> Cell {
        columns[key].map { row[$0] } ?? .empty
    }

    /// "Có mặt (cột F)": the column as the person finds it in their file.
    public func label(_ key: String) -> String {
        let title = titles[key] ?? key
        guard let index = columns[key] else { return title }
        return "\(title) (cột \(ColumnName.letters(index)))"
    }
}

/// A column mapping that cannot be used, said in Vietnamese.
public struct ColumnMappingError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Finds the header row among a sheet's first rows and the known columns in it. Files typed by
/// committees often start with a title, a unit name and a date above the header, and group
/// columns under a merged heading ("Số đảng viên" over "Có mặt", "Vắng có lý do"); the header
/// is the row that names the most known columns, a heading above it read with each cell.
public enum HeaderMatcher {
    /// How far down the header may be.
    public static let searchDepth = 20

    /// "Thời lượng (phút)" → "thoiluongphut".
    public static func fold(_ header: String) -> String {
        String(VietnameseText.fold(header).unicodeScalars.filter { scalar in
            // In ASCII the letters are the alphabetic scalars; Unicode's property only beyond it.
            scalar.isASCII ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
                : scalar.properties.isAlphabetic
        })
    }

    /// The text under the header is converted from a legacy encoding column by column
    /// (`Sheet.decodingLegacyColumns`); a column the import reads whose encoding cannot be
    /// decided refuses the file, naming the column and why. `mapping` (folded header text →
    /// column key, from `resolve(mapping:columns:)`) names columns the spellings do not know,
    /// and takes precedence over them.
    public static func table(_ sheet: Sheet, columns specs: [ColumnSpec], mapping: [String: String] = [:]) throws -> Table {
        guard let best = header(sheet, specs, mapping: mapping) else {
            throw SpreadsheetError.noHeader(expected: specs.filter(\.required).map(\.title))
        }
        let missing = specs.filter { $0.required && best.found[$0.key] == nil }.map(\.title)
        guard missing.isEmpty else { throw SpreadsheetError.missingColumns(missing) }
        for spec in specs {
            if let columns = best.found[spec.key], columns.count > 1 {
                throw SpreadsheetError.duplicateColumn(spec.title, columns: columns.map(ColumnName.letters))
            }
        }
        let columns = best.found.mapValues { $0[0] }
        let header = sheet.rows[best.index]
        var titles: [String: String] = [:]
        for spec in specs {
            guard let column = columns[spec.key] else { titles[spec.key] = spec.title; continue }
            let written = VietnameseText.normalize(best.written[column] ?? header[column].inputText)
            titles[spec.key] = written.isEmpty ? spec.title : written
        }
        let decoded = sheet.decodingLegacyColumns(from: best.index + 1)
        var rows = Array(decoded.rows.dropFirst(best.index + 1)).filter { row in columns.values.contains { !row[$0].isEmpty } }
        if let first = rows.first, isNumbering(first, columns: columns) { rows.removeFirst() }
        let byColumn = Dictionary(decoded.encodingReport.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
        let encodings = specs.compactMap { spec in columns[spec.key].flatMap { byColumn[$0] }.map { (spec.key, $0) } }
        let table = Table(sheetName: sheet.name, headerRow: header.number, columns: columns, rows: rows, titles: titles,
                          encodings: Dictionary(encodings, uniquingKeysWith: { a, _ in a })
                              .merging(ColumnEncoding.convertedFile(sheet.fileEncoding, columns: columns, rows: rows)) { _, file in file },
                          unrecognised: unrecognised(header, found: best.found))
        let undecided = specs.compactMap { spec -> String? in
            guard let reason = table.encodings[spec.key]?.undecidedReason, let column = columns[spec.key] else { return nil }
            return "“\(table.titles[spec.key] ?? spec.title)” (cột \(ColumnName.letters(column))): \(reason)"
        }
        guard undecided.isEmpty else { throw SpreadsheetError.undecidedColumns(undecided) }
        return table
    }

    /// The header cells that name no column of `specs` (nor of `mapping`), as written: what the
    /// person may map. Read from the row `table` takes as the header, else from the first row
    /// with text, so a file whose every header is unknown can still be mapped.
    public static func unrecognisedHeaders(_ sheet: Sheet, columns specs: [ColumnSpec], mapping: [String: String] = [:]) -> [String] {
        if let best = header(sheet, specs, mapping: mapping) { return unrecognised(sheet.rows[best.index], found: best.found) }
        guard let first = sheet.rows.prefix(searchDepth).first(where: { $0.cells.contains { !$0.isEmpty } }) else { return [] }
        return unrecognised(first, found: [:])
    }

    /// Header texts → column keys, as a person names them (`--cot "Tên ĐV=Họ và tên"`, or a
    /// select's value): the column by its key, title or a spelling. Folded header → key; an
    /// empty column means "not used" and is left out.
    public static func resolve(mapping pairs: [(header: String, column: String)], columns specs: [ColumnSpec]) throws -> [String: String] {
        var out: [String: String] = [:]
        var byKey: [String: String] = [:]
        for (header, column) in pairs {
            let folded = fold(header)
            guard !folded.isEmpty else { throw ColumnMappingError("Tên cột trong tệp không được để trống (gán “=\(column)”).") }
            let wanted = fold(column)
            guard !wanted.isEmpty else { continue }
            guard let spec = specs.first(where: { $0.key == column || fold($0.key) == wanted }) ?? specs.first(where: { $0.folded.contains(wanted) }) else {
                throw ColumnMappingError("Cột “\(column)” (gán cho “\(header)”) không có trong loại dữ liệu này; chọn một trong: "
                    + specs.map { "“\($0.title)”" }.joined(separator: ", ") + ".")
            }
            if let other = byKey[spec.key], fold(other) != folded {
                throw ColumnMappingError("Hai cột “\(other)” và “\(header)” của tệp cùng được gán cho cột “\(spec.title)”; mỗi cột chỉ gán một lần.")
            }
            if let earlier = out[folded], earlier != spec.key {
                throw ColumnMappingError("Cột “\(header)” của tệp được gán cho hai cột khác nhau.")
            }
            byKey[spec.key] = header
            out[folded] = spec.key
        }
        return out
    }

    /// Header cells that say only "STT": numbering, never data, so never offered for mapping.
    private static let numbering: Set<String> = ["stt", "tt", "sothutu"]

    private static func unrecognised(_ row: SheetRow, found: [String: [Int]]) -> [String] {
        let used = Set(found.values.joined())
        var out: [String] = []
        for (column, cell) in row.cells.enumerated() where !cell.isEmpty && !used.contains(column) {
            let text = VietnameseText.normalize(cell.inputText)
            if !numbering.contains(fold(text)), !out.contains(text) { out.append(text) }
        }
        return out
    }

    /// The row among the first `searchDepth` that names the most known columns.
    private static func header(_ sheet: Sheet, _ specs: [ColumnSpec], mapping: [String: String])
        -> (index: Int, found: [String: [Int]], written: [Int: String])? {
        var best: (index: Int, found: [String: [Int]], written: [Int: String])?
        for (i, row) in sheet.rows.prefix(searchDepth).enumerated() {
            let above = i > 0 && sheet.rows[i - 1].number == row.number - 1 ? sheet.rows[i - 1] : nil
            let (found, written) = match(row, above: above, specs, mapping: mapping)
            guard !found.isEmpty else { continue }
            if let current = best {
                let better = found.count > current.found.count
                // An equal row straight below is the lower line of a two-line header.
                let lowerLine = found.count == current.found.count && i == current.index + 1
                if better || lowerLine { best = (i, found, written) }
            } else {
                best = (i, found, written)
            }
        }
        return best
    }

    /// A header cell as written, then as each legacy encoding would read it: a header typed in
    /// a TCVN3 font ("Hä vµ tªn") is found like one typed in Unicode.
    static func readings(_ text: String) -> [String] {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return [text] }
        var out = [text]
        for encoding in LegacyEncoding.allCases {
            if let decoded = encoding.decode(text), !out.contains(decoded) { out.append(decoded) }
        }
        return out
    }

    /// Key → the columns whose header names it (more than one is a mistake the caller reports),
    /// and column → its header as read when that took a legacy encoding.
    private static func match(_ row: SheetRow, above: SheetRow?, _ specs: [ColumnSpec],
                              mapping: [String: String]) -> ([String: [Int]], [Int: String]) {
        let folded = specs.map { ($0.key, $0.folded) }
        var found: [String: [Int]] = [:]
        var written: [Int: String] = [:]
        for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
            // A column the person mapped, by its header as written or as a legacy encoding reads it.
            if !mapping.isEmpty, let key = readings(cell.inputText).lazy.compactMap({ mapping[fold($0)] }).first {
                found[key, default: []].append(column)
                continue
            }
            // As written first (the cell, then with the heading above it), then decoded.
            let cellReadings = readings(cell.inputText)
            var combined: [String] = []
            if let above, !above[column].isEmpty, above[column] != cell {
                combined = readings(above[column].inputText + " " + cell.inputText)
            }
            let decoded = Array(cellReadings.dropFirst())
            let labels = [cellReadings[0]] + combined.prefix(1) + decoded + combined.dropFirst()
            for label in labels {
                if let key = folded.first(where: { $0.1.contains(fold(label)) })?.0 {
                    found[key, default: []].append(column)
                    if decoded.contains(label) { written[column] = label }
                    break
                }
            }
        }
        return (found, written)
    }

    /// The "1 2 3 …" or "(1) (2) (3) …" row that official forms put under the header.
    private static func isNumbering(_ row: SheetRow, columns: [String: Int]) -> Bool {
        let values = row.cells.filter { !$0.isEmpty }.map {
            $0.inputText.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
        }
        guard values.count >= 2 else { return false }
        return values.enumerated().allSatisfy { Int($0.element) == $0.offset + 1 }
    }
}
