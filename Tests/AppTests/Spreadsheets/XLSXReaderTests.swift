import Domain
import Foundation
@testable import Spreadsheets
import Testing

@Suite struct XLSXReaderTests {
    /// As Excel writes a committee's list: a merged title, a two-line header (merged down and
    /// across), shared strings with rich text, a phonetic guide and an escaped newline, dates
    /// under the built-in format 14 and a custom "dd/mm/yyyy", a time, a boolean, a formula's
    /// cached text, a cell left out of a row and an empty row.
    static func excelWorkbook() throws -> Data {
        let strings = XLSXFixture.sharedStrings(
            ["BÁO CÁO SINH HOẠT CHI BỘ", "Họ và tên", "Ngày sinh", "Số đảng viên", "Có mặt", "Vắng"],
            extra: "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Nguyễn </t></r><r><t>Văn An</t></r></si>"
                + "<si><t>Trần Thị Bình</t><rPh sb=\"0\" eb=\"1\"><t>ちん</t></rPh></si>"
                + "<si><t>Ghi chú_x000D_dòng hai</t></si>")
        let rows = """
            <row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="2" spans="1:5"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="E2" t="inlineStr"><is><t>Ghi chú</t></is></c></row>\
            <row r="3" spans="1:5"><c r="C3" t="s"><v>4</v></c><c r="D3" t="s"><v>5</v></c></row>\
            <row r="4" spans="1:5"><c r="A4" t="s"><v>6</v></c><c r="B4" s="1"><v>29221</v></c><c r="C4" s="3"><v>12</v></c><c r="D4"><v>1</v></c><c r="E4" t="s"><v>8</v></c></row>\
            <row r="5" spans="1:5"><c r="A5" t="s"><v>7</v></c><c r="C5" s="2"><v>44334</v></c><c r="D5" t="b"><v>1</v></c><c r="E5" s="4"><v>0.5</v></c></row>\
            <row r="6" spans="1:5"/>\
            <row r="7" spans="1:5"><c r="A7" t="str"><f>A4&amp;"!"</f><v>Nguyễn Văn An!</v></c><c r="B7" t="d"><v>2024-05-18T00:00:00</v></c><c r="C7"><v>2.5</v></c></row>
            """
        return try XLSXFixture.workbook(
            sheets: [("Danh sách", XLSXFixture.sheet(rows, merges: ["A1:E1", "A2:A3", "B2:B3", "C2:D2"])), ("Ẩn", XLSXFixture.sheet(""))],
            sharedStrings: strings, styles: XLSXFixture.styles)
    }

    @Test func excelCellsComeOutTyped() throws {
        // act
        let sheet = try XLSXReader.read(try Self.excelWorkbook())

        // assert: the rows that hold anything, by their numbers
        #expect(sheet.name == "Danh sách")
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 4, 5, 7])
        let row = Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.number, $0) })
        // merged title fills its range; merged header cells fill down and across
        #expect(row[1]!.cells == Array(repeating: .text("BÁO CÁO SINH HOẠT CHI BỘ"), count: 5))
        #expect(row[2]!.cells == [.text("Họ và tên"), .text("Ngày sinh"), .text("Số đảng viên"), .text("Số đảng viên"), .text("Ghi chú")])
        #expect(row[3]!.cells == [.text("Họ và tên"), .text("Ngày sinh"), .text("Có mặt"), .text("Vắng")])
        // rich text runs joined; built-in date 14; a number under "#,##0"; an escaped CR
        #expect(row[4]!.cells == [.text("Nguyễn Văn An"), .date(LocalDate("1980-01-01")!), .number(12), .number(1), .text("Ghi chú\rdòng hai")])
        // the phonetic guide is not text; B5 was left out; custom date; boolean; a time is no date
        #expect(row[5]!.cells == [.text("Trần Thị Bình"), .empty, .date(LocalDate("2021-05-18")!), .boolean(true), .number(0.5)])
        // a formula's cached string; an ISO date cell (t="d"); a fraction
        #expect(row[7]!.cells == [.text("Nguyễn Văn An!"), .date(LocalDate("2024-05-18")!), .number(2.5)])
        #expect(row[7]![2].displayText == "2,5")
        #expect(row[4]![1].displayText == "1/1/1980")
        #expect(row[4]![2].inputText == "12")
    }

    @Test func libreOfficeAndPrefixedWriters() throws {
        // setup: LibreOffice writes t="n" and s on every cell; some exporters write an "x:"
        // prefix and leave out cell references, placing cells one after another
        let libre = XLSXFixture.sheet("""
            <row r="1"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c></row>\
            <row r="2"><c r="A2" s="0" t="s"><v>2</v></c><c r="B2" s="2" t="n"><v>44334</v></c></row>
            """)
        let prefixed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:worksheet xmlns:x="\(XLSXFixture.main)"><x:sheetData>\
            <x:row><x:c t="inlineStr"><x:is><x:t>Họ tên</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Số</x:t></x:is></x:c></x:row>\
            <x:row><x:c t="inlineStr"><x:is><x:r><x:t>Lê </x:t></x:r><x:r><x:t>Văn C</x:t></x:r></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        let data = try XLSXFixture.workbook(
            sheets: [("Trang 1", libre), ("Trang 2", prefixed)],
            sharedStrings: XLSXFixture.sharedStrings(["Họ và tên", "Ngày", "Phạm Thị D"]), styles: XLSXFixture.styles)

        // act
        let first = try XLSXReader.read(data)
        let second = try XLSXReader.read(data, sheet: "Trang 2")

        // assert
        #expect(first.rows.map(\.cells) == [[.text("Họ và tên"), .text("Ngày")], [.text("Phạm Thị D"), .date(LocalDate("2021-05-18")!)]])
        #expect(second.rows.map(\.cells) == [[.text("Họ tên"), .text("Số")], [.text("Lê Văn C"), .number(7)]])
        #expect(second.rows.map(\.number) == [1, 2])
        #expect(try XLSXReader.sheetNames(data) == ["Trang 1", "Trang 2"])
        #expect(throws: SpreadsheetError.sheetNotFound("Trang 3", available: ["Trang 1", "Trang 2"])) {
            try XLSXReader.read(data, sheet: "Trang 3")
        }
    }

    @Test func the1904DateSystem() throws {
        let data = try XLSXFixture.workbook(
            sheets: [("S", XLSXFixture.sheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42872</v></c></row>"))],
            styles: XLSXFixture.styles, date1904: true)
        #expect(try XLSXReader.read(data).rows[0].cells == [.date(LocalDate("2021-05-18")!)])
    }

    @Test func limitsAndDamage() throws {
        // more rows than allowed
        let rows = (1...5).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let data = try XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(rows))])
        #expect(throws: SpreadsheetError.tooManyRows(limit: 4)) { try XLSXReader.read(data, limits: SpreadsheetLimits(maxRows: 4)) }
        #expect(try XLSXReader.read(data, limits: SpreadsheetLimits(maxRows: 5)).rows.count == 5)
        // too large a file
        #expect(throws: SpreadsheetError.tooLarge(bytes: data.count, limit: 100)) {
            try SpreadsheetReader.read(data, filename: "a.xlsx", limits: SpreadsheetLimits(maxBytes: 100))
        }
        // a ZIP that is no workbook, and a sheet that is no XML
        let zip = try XLSXFixture.package([("readme.txt", "xin chào")])
        #expect(throws: SpreadsheetError.damaged("không có xl/workbook.xml")) { try XLSXReader.read(zip) }
        let broken = try XLSXFixture.workbook(sheets: [("S", "<worksheet><sheetData><row>")])
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(broken) }
        // a truncated package
        #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(data.prefix(data.count / 2), filename: "a.xlsx") }
    }

    @Test func cellReferences() {
        #expect(ColumnName.parse("A1")! == (0, 1))
        #expect(ColumnName.parse("AB12")! == (27, 12))
        #expect(ColumnName.parse("$XFD$1048576")! == (16_383, 1_048_576))
        #expect(ColumnName.parse("1A") == nil)
        #expect(ColumnName.letters(0) == "A")
        #expect(ColumnName.letters(27) == "AB")
        #expect(ColumnName.letters(16_383) == "XFD")
    }

    @Test func dateFormats() {
        for code in ["dd/mm/yyyy;@", "d/m/yy", "[$-42A]d mmmm yyyy", "mmm-yy", "yyyy-mm-dd h:mm", "dd\\.mm\\.yyyy"] {
            #expect(DateFormats.isDate(code), "\(code)")
        }
        for code in ["General", "#,##0", "0.00\"đ\"", "h:mm", "[h]:mm:ss", "mm:ss", "0%", "#,##0;[Red]-#,##0", "\"Ngày\" 0"] {
            #expect(!DateFormats.isDate(code), "\(code)")
        }
        #expect(DateFormats.date(serial: 1, date1904: false) == LocalDate("1900-01-01"))
        #expect(DateFormats.date(serial: 61, date1904: false) == LocalDate("1900-03-01"))
        #expect(DateFormats.date(serial: 60, date1904: false) == nil)
        #expect(DateFormats.date(serial: 45430.75, date1904: false) == LocalDate("2024-05-18"))
        #expect(DateFormats.builtIn.isSuperset(of: 14...22))
    }
}
