import Domain
import Foundation

/// `xl/worksheets/sheetN.xml`, read as a stream of events: rows (`row`), cells (`c`, placed by
/// their reference, so a cell the writer left out stays empty), values (`v`), inline strings
/// (`is`), and merged ranges (`mergeCell`, after the data), filled once the rows are read.
final class SheetPart: SAXDelegate {
    /// The widest sheet Excel makes (XFD); a reference beyond it is damage, not data.
    static let maxColumns = 16_384

    private let sharedStrings: [Cell]
    private let dateStyles: [Bool]
    private let date1904: Bool
    private let maxRows: Int

    private(set) var rows: [SheetRow] = []
    private(set) var merges: [(first: (column: Int, row: Int), last: (column: Int, row: Int))] = []

    private var rowNumber = 0
    private var cells: [Cell] = []
    private var nextColumn = 0
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var inlineText = ""
    private var capturing: Capture = .nothing
    private var inInline = false
    private var inPhonetic = false

    private enum Capture { case nothing, value, inline }

    init(sharedStrings: [Cell], dateStyles: [Bool], date1904: Bool, maxRows: Int) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.maxRows = maxRows
    }

    override func start(_ name: Substring, _ attributes: XMLAttributes) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c":
            column = attributes["r"].flatMap { ColumnName.parse(Substring($0))?.column } ?? nextColumn
            if column >= Self.maxColumns { failure = .damaged("ô \(attributes["r"] ?? "") vượt quá cột XFD") }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            inlineText = ""
        case "v":
            capturing = .value
        case "is":
            inInline = true
        case "rPh":
            inPhonetic = true
        case "t" where inInline && !inPhonetic:
            capturing = .inline
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":")
            if parts.count == 2, let a = ColumnName.parse(parts[0]), let b = ColumnName.parse(parts[1]),
               let r1 = a.row, let r2 = b.row {
                merges.append(((min(a.column, b.column), min(r1, r2)), (max(a.column, b.column), max(r1, r2))))
            }
        default:
            break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "v", "t":
            capturing = .nothing
        case "is":
            inInline = false
        case "rPh":
            inPhonetic = false
        case "c":
            let cell = makeCell()
            if !cell.isEmpty {
                if column >= cells.count { cells.append(contentsOf: repeatElement(.empty, count: column - cells.count + 1)) }
                cells[column] = cell
            }
            nextColumn = column + 1
        case "row":
            guard !cells.isEmpty else { return }
            guard rows.count < maxRows else {
                failure = .tooManyRows(limit: maxRows)
                return
            }
            rows.append(SheetRow(number: rowNumber, cells: cells))
        default:
            break
        }
    }

    override func text(_ string: String) {
        switch capturing {
        case .nothing: break
        case .value: value += string
        case .inline: inlineText += string
        }
    }

    private func makeCell() -> Cell {
        switch type {
        case "s":
            guard let index = Int(value) ?? Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else { return .empty }
            return sharedStrings[index]
        case "inlineStr":
            return .text(nfc: OOXMLText.unescape(inlineText))
        case "str", "e":
            return .text(nfc: OOXMLText.unescape(value))
        case "b":
            return value.isEmpty ? .empty : .boolean(value == "1" || value == "true")
        case "d":
            return LocalDate(String(value.prefix(10))).map(Cell.date) ?? .text(nfc: value)
        default:
            // Without Foundation's trimming when the value is a plain number, as writers store it.
            guard let number = Double(value) ?? Double(value.trimmingCharacters(in: .whitespaces)) else { return .text(nfc: value) }
            if style < dateStyles.count, dateStyles[style], let day = DateFormats.date(serial: number, date1904: date1904) {
                return .date(day)
            }
            return .number(number)
        }
    }

    /// The rows with every merged range filled with its top-left value: a header "Số đảng viên"
    /// merged over three columns heads each of them, a name merged down a group of rows belongs
    /// to each row. Rows a range covers that held nothing are added.
    func mergedRows() -> [SheetRow] {
        guard !merges.isEmpty else { return rows }
        var result = rows
        var index = Dictionary(uniqueKeysWithValues: result.enumerated().map { ($0.element.number, $0.offset) })
        let lastRow = result.last?.number ?? 0
        // A range over a whole column (A1:A1048576) would add a million rows; rows after the
        // last one read are left out, and the total filled stays bounded.
        var budget = 1_000_000
        for merge in merges {
            guard let top = index[merge.first.row] else { continue }
            let value = result[top][merge.first.column]
            guard !value.isEmpty else { continue }
            for r in merge.first.row...min(merge.last.row, lastRow) {
                for c in merge.first.column...min(merge.last.column, Self.maxColumns - 1) {
                    budget -= 1
                    if budget < 0 { return result.sorted { $0.number < $1.number } }
                    if r == merge.first.row && c == merge.first.column { continue }
                    if index[r] == nil {
                        index[r] = result.count
                        result.append(SheetRow(number: r, cells: []))
                    }
                    let i = index[r]!
                    if c >= result[i].cells.count {
                        result[i].cells.append(contentsOf: repeatElement(.empty, count: c - result[i].cells.count + 1))
                    }
                    if result[i].cells[c].isEmpty { result[i].cells[c] = value }
                }
            }
        }
        return result.sorted { $0.number < $1.number }
    }
}
