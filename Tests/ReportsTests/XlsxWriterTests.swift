import Foundation
import Spreadsheets
import Testing
@testable import Reports

@Suite struct XlsxWriterTests {
    static let sample = Workbook(sheets: [
        Worksheet(name: "Phụ lục", rows: [
            [.text("Kết quả thực hiện Chỉ thị 05", bold: true)],
            [],
            [.text("STT", bold: true), .text("Nội dung", bold: true), .text("Tỷ lệ", bold: true), .text("Số lượng", bold: true)],
            [.text("1"), .text("Tổ chức đảng có kế hoạch <năm> & \"quý\""), .number(95.3, decimals: 1), .number(1234)],
            [.text("2"), .text("Đảng viên được biểu dương"), .empty, .number(-7, bold: true)],
            [.text("3"), .text("Trắng\u{0007}ký tự cấm"), .number(0.5, decimals: 1, bold: true), .number(1_000_000)],
        ], columnWidths: [6, 50, 12, 12], frozenRows: 3, merges: ["A1:D1"]),
        Worksheet(name: "Theo đơn vị", rows: [
            [.text("Mã"), .text("Tổ chức đảng")],
            // Decomposed input (NFD) must come back composed.
            [.text("X-DL"), .text("Đảng ủy xã Đại Lộc".decomposedStringWithCanonicalMapping)],
        ]),
    ])

    /// The value the reader should give back for a written cell.
    static func expected(_ cell: WorkbookCell) -> Cell {
        switch cell {
        case .empty: .empty
        case .text(let s, _): .text(nfc: String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })))
        case .number(let x, _, _): .number(x)
        }
    }

    /// The grid the reader should give back: the cells as written, each merged range filled with
    /// its top-left value (the reader does that), keyed by (row, column), 1-based.
    static func expectedGrid(_ sheet: Worksheet) -> [[Int]: Cell] {
        var grid: [[Int]: Cell] = [:]
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.enumerated() where cell != .empty { grid[[r + 1, c + 1]] = expected(cell) }
        }
        for merge in sheet.merges {
            guard let range = CellReference.range(merge), let value = grid[[range.from.1, range.from.0]] else { continue }
            for row in range.from.1...range.to.1 {
                for column in range.from.0...range.to.0 { grid[[row, column]] = value }
            }
        }
        return grid
    }

    /// Writes the workbook, reads it back with the app's reader and compares every cell both ways.
    static func assertRoundTrip(_ workbook: Workbook) throws {
        let data = try XlsxWriter.write(workbook)
        #expect(try XLSXReader.sheetNames(data) == workbook.sheets.map(\.name))
        for sheet in workbook.sheets {
            let read = try XLSXReader.read(data, sheet: sheet.name)
            var got: [[Int]: Cell] = [:]
            for row in read.rows {
                for (c, cell) in row.cells.enumerated() where cell != .empty { got[[row.number, c + 1]] = cell }
            }
            let want = expectedGrid(sheet)
            for key in Set(got.keys).union(want.keys).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                #expect(got[key] == want[key], "\(sheet.name) row \(key[0]) column \(key[1])")
            }
        }
    }

    @Test func everyCellReadsBack() throws {
        try Self.assertRoundTrip(Self.sample)
        let read = try XLSXReader.read(try XlsxWriter.write(Self.sample), sheet: "Theo đơn vị")
        #expect(read.rows[1][1] == .text("Đảng ủy xã Đại Lộc"))
        #expect(read.rows[1][1].inputText.unicodeScalars.count == "Đảng ủy xã Đại Lộc".precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }

    @Test func sameInputSameBytes() throws {
        #expect(try XlsxWriter.write(Self.sample) == XlsxWriter.write(Self.sample))
    }

    @Test func partsCarryFormatsFrozenPaneAndMerges() throws {
        let parts = try ZipParts(XlsxWriter.write(Self.sample))
        let sheet = try parts.text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<mergeCell ref=\"A1:D1\"/>"))
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"50\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<c r=\"C4\" t=\"n\" s=\"4\"><v>95.3</v></c>"))
        #expect(sheet.contains("<c r=\"D4\" t=\"n\" s=\"3\"><v>1234</v></c>"))
        #expect(sheet.contains("<c r=\"D5\" t=\"n\" s=\"5\"><v>-7</v></c>"))
        let styles = try parts.text("xl/styles.xml")
        #expect(styles.contains("formatCode=\"#,##0.0\""))
        #expect(styles.contains("<b/>"))
        #expect(try parts.text("xl/sharedStrings.xml").contains("&lt;năm&gt; &amp; &quot;quý&quot;"))
        #expect(parts.names.contains("[Content_Types].xml"))
        #expect(parts.names.contains("docProps/core.xml"))
    }

    @Test(arguments: [
        "", "Một tên rất dài vượt quá ba mươi mốt ký tự", "Năm 2024/2025", "Hỏi?", "[Phụ lục]", "A:B", "Sao*", "'Nháy",
    ])
    func refusesBadSheetNames(_ name: String) {
        #expect(throws: ReportError.self) { try XlsxWriter.write(Workbook(sheets: [Worksheet(name: name, rows: [])])) }
    }

    @Test func refusesDuplicateNamesBadMergesAndNoSheets() {
        #expect(throws: ReportError.duplicateSheetName("phụ lục")) {
            try XlsxWriter.write(Workbook(sheets: [Worksheet(name: "Phụ lục", rows: []), Worksheet(name: "phụ lục", rows: [])]))
        }
        #expect(throws: ReportError.invalidMerge("A1-B2")) {
            try XlsxWriter.write(Workbook(sheets: [Worksheet(name: "A", rows: [], merges: ["A1-B2"])]))
        }
        #expect(throws: ReportError.noSheets) { try XlsxWriter.write(Workbook(sheets: [])) }
        #expect(throws: Never.self) {
            try XlsxWriter.write(Workbook(sheets: [Worksheet(name: String(repeating: "đ", count: 31), rows: [])]))
        }
    }

    @Test func wideSheetsUseTwoLetterColumns() throws {
        let row: [WorkbookCell] = (0..<30).map { .number(Double($0)) }
        let workbook = Workbook(sheets: [Worksheet(name: "Rộng", rows: [row])])
        try Self.assertRoundTrip(workbook)
        #expect(try ZipParts(XlsxWriter.write(workbook)).text("xl/worksheets/sheet1.xml").contains("<c r=\"AD1\""))
    }
}
