import Domain
import Spreadsheets
import Testing
@testable import Reports

@Suite struct FigureWorkbookTests {
    static let workbook = FigureWorkbook.make(title: "KẾT QUẢ THỰC HIỆN CHỈ THỊ 05", subtitle: "Giai đoạn 2022–2024",
                                              appendix: SampleReport.appendix, breakdown: SampleReport.breakdown)

    @Test func appendixSheetHoldsEveryCell() throws {
        let sheet = Self.workbook.sheets[0]
        #expect(sheet.name == "Phụ lục")
        #expect(sheet.rows == [
            [.text("KẾT QUẢ THỰC HIỆN CHỈ THỊ 05", bold: true)],
            [.text("Giai đoạn 2022–2024")],
            [],
            ["STT", "Nội dung", "Đơn vị tính", "Năm 2023", "Năm 2024", "Tổng", "Ghi chú"].map { .text($0, bold: true) },
            [.text("I", bold: true), .text("Lãnh đạo, chỉ đạo", bold: true), .empty, .empty, .empty, .empty, .empty],
            [.text("1"), .text("Tổ chức đảng có kế hoạch thực hiện năm"), .text("%"),
             .number(90, decimals: 1), .number(95.3, decimals: 1), .number(93, decimals: 1), .text("42/45 tổ chức")],
            [.text("2"), .text("Chuyên đề được học tập"), .text("Chuyên đề"),
             .number(12), .number(14), .number(26), .empty],
            [.text("V", bold: true), .text("Biểu dương, khen thưởng", bold: true), .empty, .empty, .empty, .empty, .empty],
            [.text("3"), .text("Tập thể, cá nhân được khen thưởng"), .text("Lượt"),
             .number(1234, decimals: 1), .empty, .number(1234.5, decimals: 1), .text("Ước tính")],
        ])
        #expect(sheet.frozenRows == 4)
        #expect(sheet.merges == ["A1:G1", "A2:G2"])
        #expect(sheet.columnWidths.count == 7)
    }

    @Test func breakdownSheetHoldsEveryCell() throws {
        let sheet = Self.workbook.sheets[1]
        #expect(sheet.name == "Theo đơn vị")
        #expect(sheet.rows == [
            (["STT", "Tổ chức đảng", "Mã"] + SampleReport.breakdown.columns).map { .text($0, bold: true) },
            [.text("1"), .text("Đảng ủy xã Đại Lộc"), .text("X-DL"), .number(100, decimals: 1), .number(7), .number(3)],
            [.text("2"), .text("Đảng ủy xã Hòa Tiến"), .text("X-HT"), .number(87, decimals: 1), .number(5), .empty],
        ])
        #expect(sheet.frozenRows == 1)
    }

    /// Written and read back with the app's reader: numbers come back as numbers.
    @Test func readsBackAsNumbers() throws {
        try XlsxWriterTests.assertRoundTrip(Self.workbook)
        let data = try XlsxWriter.write(Self.workbook)
        let appendix = try XLSXReader.read(data, sheet: "Phụ lục")
        let row = try #require(appendix.rows.first { $0.number == 6 })
        #expect(row[4] == .number(95.3))
        #expect(row[1] == .text("Tổ chức đảng có kế hoạch thực hiện năm"))
        let units = try XLSXReader.read(data, sheet: "Theo đơn vị")
        #expect(units.rows[2].cells.prefix(5) == [.text("2"), .text("Đảng ủy xã Hòa Tiến"), .text("X-HT"), .number(87), .number(5)])
    }

    @Test func documentTables() {
        let appendix = FigureDocumentTables.appendix(SampleReport.appendix, caption: "PHỤ LỤC")
        #expect(appendix.header == ["STT", "Nội dung", "Đơn vị tính", "Năm 2023", "Năm 2024", "Tổng", "Ghi chú"])
        #expect(appendix.rows == [
            ["I", "Lãnh đạo, chỉ đạo", "", "", "", "", ""],
            ["1", "Tổ chức đảng có kế hoạch thực hiện năm", "%", "90", "95,3", "93", "42/45 tổ chức"],
            ["2", "Chuyên đề được học tập", "Chuyên đề", "12", "14", "26", ""],
            ["V", "Biểu dương, khen thưởng", "", "", "", "", ""],
            ["3", "Tập thể, cá nhân được khen thưởng", "Lượt", "1.234", "–", "1.234,5", "Ước tính"],
        ])
        #expect(appendix.boldRows == [0, 3])
        #expect(appendix.numericColumns == [3, 4, 5])
        #expect(appendix.widths.count == 7)
        let breakdown = FigureDocumentTables.breakdown(SampleReport.breakdown, caption: "Biểu 2", columns: [0, 2, 9])
        #expect(breakdown.header == ["STT", "Tổ chức đảng", SampleReport.breakdown.columns[0], SampleReport.breakdown.columns[2]])
        #expect(breakdown.rows == [["1", "Đảng ủy xã Đại Lộc", "100", "3"], ["2", "Đảng ủy xã Hòa Tiến", "87", "–"]])
        #expect(breakdown.numericColumns == [2, 3])
    }
}
