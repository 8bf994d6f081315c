import Domain
import Foundation
import Reports
import Spreadsheets
import Vapor

/// A list downloaded with exactly the headers its import reads (issue 6 §6), so the file imports
/// back and changes nothing. Every cell is text as the import reads it: codes and identity numbers
/// keep their leading zeros, dates are d/m/yyyy, years are not grouped ("2021", not "2.021").
enum SheetExport {
    enum Format: String, CaseIterable, Sendable {
        case xlsx, csv

        var contentType: String { self == .xlsx ? FileDownload.xlsx : FileDownload.csv }
    }

    /// `rows` hold one value per column of `kind`, in its order; the header comes from the kind.
    static func data(_ kind: ImportKind, rows: [[String]], format: Format) throws -> Data {
        let table = [kind.columns.map(\.title)] + rows
        switch format {
        case .csv:
            return CSVWriter.data(rows: table)
        case .xlsx:
            let cells = table.enumerated().map { index, row in
                row.map { $0.isEmpty ? WorkbookCell.empty : .text($0, bold: index == 0) }
            }
            let widths = kind.columns.map { _ in 22.0 }
            return try XlsxWriter.write(Workbook(sheets: [
                Worksheet(name: kind.label, rows: cells, columnWidths: widths, frozenRows: 1),
            ]))
        }
    }

    /// The file, named `name` and the format's extension ("to-chuc-dang-2026-11-21.xlsx").
    static func response(_ kind: ImportKind, rows: [[String]], format: Format, name: String) throws -> Response {
        FileDownload.response(try data(kind, rows: rows, format: format), filename: "\(name).\(format.rawValue)",
                              type: format.contentType)
    }

    static func date(_ day: LocalDate?) -> String { day.map(VietnameseFormat.date) ?? "" }
}
