import Domain
import Foundation
import Spreadsheets
import Testing

@Suite struct CSVReaderTests {
    private func bytes(_ s: String) -> Data { Data(s.utf8) }

    @Test func commaQuotesNewlinesBOMAndCRLF() throws {
        // setup: Excel's "CSV UTF-8": a BOM, CRLF, a quoted comma, "" for a quote, a newline in a field
        let data = Data([0xEF, 0xBB, 0xBF]) + bytes(
            "Họ và tên,Ghi chú,Số\r\n"
            + "\"Nguyễn Văn An\",\"Nói \"\"làm theo Bác\"\", rồi làm\",12\r\n"
            + "Trần Thị Bình,\"Dòng một\r\ndòng hai\",\r\n"
            + "\r\n"
            + "Lê Văn Cường,,3")

        // act
        let sheet = try CSVReader.read(data)

        // assert
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 5])
        #expect(sheet.rows[0].cells == [.text("Họ và tên"), .text("Ghi chú"), .text("Số")])
        #expect(sheet.rows[1].cells == [.text("Nguyễn Văn An"), .text("Nói \"làm theo Bác\", rồi làm"), .text("12")])
        #expect(sheet.rows[2].cells == [.text("Trần Thị Bình"), .text("Dòng một\r\ndòng hai"), .empty])
        #expect(sheet.rows[3][0] == .text("Lê Văn Cường"))
        #expect(sheet.rows[3][1] == .empty)
        #expect(sheet.rows[3][7] == .empty)
    }

    @Test func semicolonIsDetectedAndNFDBecomesNFC() throws {
        // setup: a semicolon file (Excel under a locale whose list separator is ";"), LF only,
        // names in NFD as macOS writes them, a comma inside a value
        let nfd = "Nguyễn Văn An".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Nguyễn Văn An".unicodeScalars.count)
        let data = bytes("Họ và tên;Điểm danh;Ghi chú\n\(nfd);Có mặt;đến muộn, về sớm\n")

        // act
        let sheet = try CSVReader.read(data)

        // assert
        #expect(sheet.rows.count == 2)
        guard case .text(let name) = sheet.rows[1][0] else { Issue.record("no name"); return }
        #expect(name == "Nguyễn Văn An")
        #expect(name.unicodeScalars.elementsEqual("Nguyễn Văn An".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(sheet.rows[1][2] == .text("đến muộn, về sớm"))
    }

    @Test func excelSeparatorLineDecides() throws {
        let sheet = try CSVReader.read(bytes("sep=;\r\nA,B;C\r\n1,5;2\r\n"))
        #expect(sheet.rows.map(\.cells) == [[.text("A,B"), .text("C")], [.text("1,5"), .text("2")]])
    }

    @Test func refusalsAreInVietnamese() throws {
        // an unclosed quote names the row it opened in
        #expect(throws: SpreadsheetError.unclosedQuote(row: 2)) { try CSVReader.read(bytes("a,b\n\"x,y\n1,2\n")) }
        // bytes that are not UTF-8 and that no legacy encoding clearly reads (LegacyEncodingSheetTests)
        #expect(throws: SpreadsheetError.undecidedEncoding(
            "Không phân biệt được chữ viết theo bảng mã VNI hay Windows-1258; hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi tải lên lại.")
        ) { try CSVReader.read(Data([0x48, 0x6F, 0xD2, 0x0A])) }
        // limits: size and rows
        let limits = SpreadsheetLimits(maxBytes: 100, maxRows: 3)
        #expect(throws: SpreadsheetError.tooLarge(bytes: 101, limit: 100)) { try CSVReader.read(Data(repeating: 0x41, count: 101), limits: limits) }
        #expect(throws: SpreadsheetError.tooManyRows(limit: 3)) { try CSVReader.read(bytes("a\nb\nc\nd\n"), limits: limits) }
        #expect(throws: SpreadsheetError.empty) { try CSVReader.read(bytes("\r\n,,\r\n")) }
        #expect(SpreadsheetError.tooManyRows(limit: 100_000).description.contains("100.000 dòng"))
        #expect(SpreadsheetError.tooLarge(bytes: 12 * 1_048_576 + 524_288, limit: 10 * 1_048_576).description
            == "Tệp quá lớn (12,5 MB); chỉ nhận tệp đến 10 MB.")
        #expect(SpreadsheetError.tooLarge(bytes: 10 * 1_048_576 + 1000, limit: 10 * 1_048_576).description
            == "Tệp quá lớn (10,1 MB); chỉ nhận tệp đến 10 MB.")
    }

    @Test func theFrontDoorTellsFormatsApart() throws {
        #expect(throws: SpreadsheetError.legacyExcel) {
            try SpreadsheetReader.read(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), filename: "ds.xls")
        }
        #expect(throws: SpreadsheetError.unsupportedFormat) { try SpreadsheetReader.read(bytes("%PDF-1.4"), filename: "ds.pdf") }
        #expect(throws: SpreadsheetError.damaged("không phải gói ZIP")) { try SpreadsheetReader.read(bytes("a,b"), filename: "ds.xlsx") }
        #expect(try SpreadsheetReader.read(bytes("a,b\n1,2"), filename: "DS.CSV").rows.count == 2)
    }

    @Test func templatesRoundTrip() throws {
        // the writer's output (BOM, CRLF, quotes where needed) reads back as written
        let rows = [["Họ và tên", "Ghi chú"], ["An", "có \"x\", có ;"], ["Bình", "hai\ndòng"]]
        let sheet = try CSVReader.read(CSVWriter.data(rows: rows))
        #expect(sheet.rows.map { $0.cells.map(\.inputText) } == rows)
    }

    @Test func formulasAreWrittenInertAndReadBackAsTyped() throws {
        // "=HYPERLINK(…)" or "+84…" would run as formulas when the CSV is opened in a spreadsheet
        let rows = [["Điện thoại", "Ghi chú"], ["+84 912 345 678", "=HYPERLINK(\"http://x\",\"y\")"], ["-5", "@SUM(A1)"], ["'=giữ", "a-b"]]
        let data = CSVWriter.data(rows: rows)
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("'+84 912 345 678,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n'-5,'@SUM(A1)"))
        #expect(!text.split(separator: "\r\n").contains { line in line.split(separator: ",").contains { "=+-@".contains($0.first!) } })
        let sheet = try CSVReader.read(data)
        #expect(sheet.rows.map { $0.cells.map(\.inputText) } == rows)
    }
}
