import Domain
import Foundation
import Spreadsheets
import Testing

/// Real byte sequences of old Vietnamese encodings, written out as hex.
enum LegacyBytes {
    // TCVN3 (ABC)
    static let hoVaTen: [UInt8] = [0x48, 0xE4, 0x20, 0x76, 0xB5, 0x20, 0x74, 0xAA, 0x6E] // "Hä vµ tªn": Họ và tên
    static let chiBo: [UInt8] = [0x43, 0x68, 0x69, 0x20, 0x62, 0xE9] // "Chi bé": Chi bộ
    static let diemDanh: [UInt8] = [0xA7, 0x69, 0xD3, 0x6D, 0x20, 0x64, 0x61, 0x6E, 0x68] // "§iÓm danh": Điểm danh
    static let binh: [UInt8] = [0x54, 0x72, 0xC7, 0x6E, 0x20, 0x54, 0x68, 0xDE, 0x20, 0x42, 0xD7, 0x6E, 0x68] // Trần Thị Bình
    static let cuong: [UInt8] = [0x4C, 0xAA, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0x43, 0xAD, 0xEA, 0x6E, 0x67] // Lê Văn Cường
    static let an: [UInt8] = [0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0x41, 0x6E] // Nguyễn Văn An
    static let coMat: [UInt8] = [0x43, 0xE3, 0x20, 0x6D, 0xC6, 0x74] // Có mặt
    static let vangCoLyDo: [UInt8] = [0x56, 0xBE, 0x6E, 0x67, 0x20, 0x63, 0xE3, 0x20, 0x6C, 0xFD, 0x20, 0x64, 0x6F] // Vắng có lý do

    /// As Excel holds text typed in a TCVN3 font: the bytes through Windows-1252.
    static func view(_ bytes: [UInt8]) -> String { LegacyEncoding.view(of: bytes) }

    /// CSV lines of byte fields, comma-separated, CRLF.
    static func csv(_ rows: [[[UInt8]]]) -> Data {
        Data(rows.flatMap { $0.joined(separator: [0x2C]) + [0x0D, 0x0A] })
    }
}

@Suite struct LegacyEncodingSheetTests {
    static let columns = [
        ColumnSpec("name", "Họ và tên"),
        ColumnSpec("unit", "Chi bộ", required: false),
        ColumnSpec("status", "Điểm danh"),
    ]

    @Test func aTCVN3CSVIsReadWhole() throws {
        // setup: a CSV saved from a sheet in .VnTime (bytes, not UTF-8)
        let data = LegacyBytes.csv([
            [LegacyBytes.hoVaTen, LegacyBytes.chiBo, LegacyBytes.diemDanh],
            [LegacyBytes.binh, Array("A1".utf8), LegacyBytes.coMat],
            [LegacyBytes.cuong, Array("B1".utf8), LegacyBytes.vangCoLyDo],
            [LegacyBytes.an, Array("A1".utf8), LegacyBytes.coMat],
        ])
        #expect(String(data: data, encoding: .utf8) == nil)

        // act
        let sheet = try CSVReader.read(data)

        // assert
        #expect(sheet.fileEncoding == .tcvn3)
        #expect(sheet.rows.map { $0[0].inputText } == ["Họ và tên", "Trần Thị Bình", "Lê Văn Cường", "Nguyễn Văn An"])
        #expect(sheet.rows.map { $0[2].inputText } == ["Điểm danh", "Có mặt", "Vắng có lý do", "Có mặt"])
    }

    @Test func aVNICSVIsReadWhole() throws {
        // VNI-Times bytes: "Hoï vaø teân" … (a vowel, then its mark byte)
        let data = Data([0x48, 0x6F, 0xEF, 0x20, 0x76, 0x61, 0xF8, 0x20, 0x74, 0x65, 0xE2, 0x6E, 0x3B, 0xD1, 0x69, 0x65, 0xE5, 0x6D, 0x0A,
                         0x4E, 0x67, 0x75, 0x79, 0x65, 0xE3, 0x6E, 0x20, 0x56, 0x61, 0xEA, 0x6E, 0x20, 0x41, 0x6E, 0x3B, 0x31, 0x0A,
                         0x54, 0x72, 0x61, 0xE0, 0x6E, 0x20, 0x54, 0x68, 0xF2, 0x20, 0x42, 0xEC, 0x6E, 0x68, 0x3B, 0x32, 0x0A,
                         0xD1, 0x61, 0xEB, 0x6E, 0x67, 0x20, 0x51, 0x75, 0x6F, 0xE1, 0x63, 0x20, 0x48, 0x75, 0xF8, 0x6E, 0x67, 0x3B, 0x33, 0x0A])
        let sheet = try CSVReader.read(data)
        #expect(sheet.fileEncoding == .vni)
        #expect(sheet.rows.map { $0[0].inputText } == ["Họ và tên", "Nguyễn Văn An", "Trần Thị Bình", "Đặng Quốc Hùng"])
        #expect(sheet.rows[0][1] == .text("Điểm"))
    }

    @Test func aWindows1258CSVAndAUTF16OneAreRead() throws {
        // Windows-1258: "Họ và tên" / "Nguyễn Văn An" / "Đảng bộ xã" with tones as combining bytes
        let data = Data([0x48, 0x6F, 0xF2, 0x20, 0x76, 0x61, 0xCC, 0x20, 0x74, 0xEA, 0x6E, 0x0A,
                         0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0x56, 0xE3, 0x6E, 0x20, 0x41, 0x6E, 0x0A,
                         0xD0, 0x61, 0xD2, 0x6E, 0x67, 0x20, 0x62, 0xF4, 0xF2, 0x20, 0x78, 0x61, 0xDE, 0x0A])
        let sheet = try CSVReader.read(data)
        #expect(sheet.fileEncoding == .windows1258)
        #expect(sheet.rows.map { $0[0].inputText } == ["Họ và tên", "Nguyễn Văn An", "Đảng bộ xã"])

        // Excel's "Unicode Text": UTF-16 LE with a byte-order mark, tab-separated
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("Họ và tên\tĐiểm danh\r\nTrần Thị Bình\tCó mặt\r\n".data(using: .utf16LittleEndian)!)
        let tabbed = try CSVReader.read(utf16)
        #expect(tabbed.rows.map(\.cells) == [[.text("Họ và tên"), .text("Điểm danh")], [.text("Trần Thị Bình"), .text("Có mặt")]])
    }

    @Test func bytesOfNoKnownEncodingAreRefused() {
        // one word that Windows-1258 ("Hỏ") and VNI ("Họi") both read: not guessed
        #expect(throws: SpreadsheetError.self) { try CSVReader.read(Data([0x48, 0x6F, 0xD2, 0x0A])) }
        // Latin-1 "Zürich" is in no Vietnamese encoding
        #expect(throws: SpreadsheetError.notUTF8) { try CSVReader.read(Data([0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68, 0x0A])) }
    }

    @Test func anXLSXColumnInTCVN3IsConvertedAndReported() throws {
        // setup: the header and the names typed in .VnTime; the unit codes plain; a note in Unicode
        let file = try XLSXFixture.inlineWorkbook([
            ["DANH SÁCH", "", "", ""],
            [LegacyBytes.view(LegacyBytes.hoVaTen), "Chi bộ", LegacyBytes.view(LegacyBytes.diemDanh), "Ghi chú"],
            [LegacyBytes.view(LegacyBytes.binh), "A1", LegacyBytes.view(LegacyBytes.coMat), "Đến muộn"],
            [LegacyBytes.view(LegacyBytes.cuong), "B1", LegacyBytes.view(LegacyBytes.vangCoLyDo), ""],
            [LegacyBytes.view(LegacyBytes.an), "A1", LegacyBytes.view(LegacyBytes.coMat), "Về sớm"],
        ])

        // act
        let table = try HeaderMatcher.table(try XLSXReader.read(file), columns: Self.columns)

        // assert: converted cell by cell, reported per column, the title read too
        #expect(table.rows.map { table.cell("name", $0).inputText } == ["Trần Thị Bình", "Lê Văn Cường", "Nguyễn Văn An"])
        #expect(table.rows.map { table.cell("status", $0).inputText } == ["Có mặt", "Vắng có lý do", "Có mặt"])
        #expect(table.rows.map { $0[3].inputText } == ["Đến muộn", "", "Về sớm"])
        #expect(table.label("name") == "Họ và tên (cột A)")
        #expect(table.encodings["name"]?.convertedFrom == .tcvn3)
        #expect(table.encodings["unit"]?.detection == .unicode)
        #expect(table.conversions == ["Cột “Họ và tên”: chuyển từ TCVN3 (ABC) sang Unicode",
                                      "Cột “Điểm danh”: chuyển từ TCVN3 (ABC) sang Unicode"])
    }

    @Test func aMixedColumnTheImportReadsRefusesTheFile() throws {
        // setup: names retyped in Unicode in two rows of a TCVN3 column
        let rows: [[String]] = [
            ["Họ và tên", "Điểm danh", "Ghi chú"],
            [LegacyBytes.view(LegacyBytes.binh), "Có mặt", LegacyBytes.view(LegacyBytes.binh)],
            [LegacyBytes.view(LegacyBytes.cuong), "Có mặt", "Nguyễn Thị Hương"],
            ["Nguyễn Thị Hương", "Có mặt", ""],
            ["Đào Văn Tuấn", "Có mặt", ""],
            [LegacyBytes.view(LegacyBytes.an), "Có mặt", ""],
        ]
        let sheet = try XLSXReader.read(try XLSXFixture.inlineWorkbook(rows))

        // act & assert: the column read is refused, naming it and the rows
        do {
            _ = try HeaderMatcher.table(sheet, columns: Self.columns)
            Issue.record("a mixed column was decided")
        } catch let error as SpreadsheetError {
            guard case .undecidedColumns(let columns) = error else { Issue.record("\(error)"); return }
            #expect(columns.count == 1)
            #expect(columns.first?.hasPrefix("“Họ và tên” (cột A): Lẫn nhiều bảng mã") == true)
            #expect(columns.first?.hasSuffix("Ví dụ: dòng 4, 5.") == true)
            #expect(error.description.contains("Chưa nhập được tệp"))
        }

        // a column the import does not read may stay undecided
        let ignored = try HeaderMatcher.table(sheet, columns: [ColumnSpec("status", "Điểm danh")])
        #expect(ignored.rows.count == 5)
    }
}
