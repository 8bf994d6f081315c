import Domain
import Foundation
import Spreadsheets
import Testing

@Suite struct HeaderMatcherTests {
    static let columns = [
        ColumnSpec("name", "Họ và tên", spellings: ["Họ tên"]),
        ColumnSpec("birth", "Ngày sinh", required: false),
        ColumnSpec("present", "Có mặt"),
        ColumnSpec("absent", "Vắng có lý do"),
    ]

    private func row(_ number: Int, _ texts: [String]) -> SheetRow {
        SheetRow(number: number, cells: texts.map { $0.isEmpty ? .empty : .text($0) })
    }

    @Test func headerBelowATitleInAnySpelling() throws {
        // setup: a title and a unit line above; headers without diacritics, upper case, extra
        // spaces; an unknown column; a numbering row "(1) (2) …"; a signature line at the end
        let sheet = Sheet(name: "", rows: [
            row(1, ["DANH SÁCH ĐẢNG VIÊN"]),
            row(2, ["Chi bộ A1", "", "", "Ngày 18/5/2024"]),
            row(4, ["STT", "HO  TEN", "Ghi chú", "co mat", "Vắng có lý do."]),
            row(5, ["(1)", "(2)", "(3)", "(4)", "(5)"]),
            row(6, ["1", "Nguyễn Văn An", "", "x", ""]),
            row(7, ["2", "Trần Thị Bình", "ốm", "", "x"]),
            row(9, ["", "", "Người lập biểu"]),
        ])

        // act
        let table = try HeaderMatcher.table(sheet, columns: Self.columns)

        // assert
        #expect(table.headerRow == 4)
        #expect(table.columns == ["name": 1, "present": 3, "absent": 4])
        #expect(table.rows.map(\.number) == [6, 7])
        #expect(table.cell("name", table.rows[1]) == .text("Trần Thị Bình"))
        #expect(table.cell("birth", table.rows[1]) == .empty)
        #expect(table.label("present") == "co mat (cột D)")
        #expect(table.label("birth") == "Ngày sinh")
    }

    @Test func twoLineHeaderUnderAMergedHeading() throws {
        // setup: as XLSXReader gives a merged header: "Họ và tên" merged down over two lines,
        // "Vắng" over "có lý do", read together
        let sheet = Sheet(name: "", rows: [
            row(1, ["Họ và tên", "Số đảng viên", "Vắng"]),
            row(2, ["Họ và tên", "Có mặt", "có lý do"]),
            row(3, ["Lê Văn C", "1", ""]),
        ])

        // act
        let table = try HeaderMatcher.table(sheet, columns: Self.columns)

        // assert
        #expect(table.headerRow == 2)
        #expect(table.columns == ["name": 0, "present": 1, "absent": 2])
        #expect(table.rows.map(\.number) == [3])
    }

    @Test func mergedHeaderFromARealWorkbook() throws {
        // the Excel workbook of XLSXReaderTests: title, then "Họ và tên"/"Ngày sinh" merged over
        // rows 2–3 and "Số đảng viên" over "Có mặt" and "Vắng"
        let sheet = try XLSXReader.read(try XLSXReaderTests.excelWorkbook())
        let columns = [ColumnSpec("name", "Họ và tên"), ColumnSpec("birth", "Ngày sinh"), ColumnSpec("present", "Có mặt"),
                       ColumnSpec("absent", "Số đảng viên vắng")]
        let table = try HeaderMatcher.table(sheet, columns: columns)
        #expect(table.headerRow == 3)
        #expect(table.columns == ["name": 0, "birth": 1, "present": 2, "absent": 3])
        #expect(table.rows.map(\.number) == [4, 5, 7])
        #expect(table.cell("birth", table.rows[0]) == .date(LocalDate("1980-01-01")!))
    }

    @Test func missingAndDoubledColumnsAreNamed() throws {
        let missing = Sheet(name: "", rows: [row(1, ["Họ và tên", "Có mặt"]), row(2, ["An", "x"])])
        #expect(throws: SpreadsheetError.missingColumns(["Vắng có lý do"])) { try HeaderMatcher.table(missing, columns: Self.columns) }
        let doubled = Sheet(name: "", rows: [row(1, ["Họ và tên", "Có mặt", "Vắng có lý do", "Họ tên"]), row(2, ["An", "x", "", "An"])])
        #expect(throws: SpreadsheetError.duplicateColumn("Họ và tên", columns: ["A", "D"])) { try HeaderMatcher.table(doubled, columns: Self.columns) }
        let none = Sheet(name: "", rows: [row(1, ["a", "b"])])
        #expect(throws: SpreadsheetError.noHeader(expected: ["Họ và tên", "Có mặt", "Vắng có lý do"])) { try HeaderMatcher.table(none, columns: Self.columns) }
        #expect(SpreadsheetError.missingColumns(["Vắng có lý do"]).description == "Dòng tiêu đề thiếu cột “Vắng có lý do”.")
    }

    @Test func folding() {
        #expect(HeaderMatcher.fold("Thời lượng (phút)") == "thoiluongphut")
        #expect(HeaderMatcher.fold("  HỌ VÀ TÊN ") == HeaderMatcher.fold("ho va ten"))
        #expect(HeaderMatcher.fold("Đảng viên".decomposedStringWithCanonicalMapping) == "dangvien")
    }
    @Test func aMappingNamesColumnsTheSpellingsDoNotKnow() throws {
        // setup: "Tên ĐV" is no spelling of "Họ và tên"; "Có mặt" is mapped away from its own
        // column onto "Vắng có lý do"'s; "STT" is numbering
        let sheet = Sheet(name: "", rows: [
            row(1, ["STT", "Tên ĐV", "Số có mặt", "Vắng", "Quê quán"]),
            row(2, ["1", "Lê Văn C", "x", "", "Huế"]),
        ])
        let mapping = try HeaderMatcher.resolve(mapping: [("ten dv", "Họ và tên"), ("Số có mặt", "present"), ("Vắng", "Vắng có lý do")],
                                                columns: Self.columns)

        // act
        let unmapped = HeaderMatcher.unrecognisedHeaders(sheet, columns: Self.columns)
        let table = try HeaderMatcher.table(sheet, columns: Self.columns, mapping: mapping)

        // assert
        #expect(unmapped == ["Tên ĐV", "Số có mặt", "Vắng", "Quê quán"])
        #expect(throws: SpreadsheetError.self) { try HeaderMatcher.table(sheet, columns: Self.columns) }
        #expect(table.columns == ["name": 1, "present": 2, "absent": 3])
        #expect(table.unrecognised == ["Quê quán"])
        #expect(table.label("name") == "Tên ĐV (cột B)")
    }

    @Test func aMappingToAnUnknownColumnOrTwiceOntoOneIsRefused() {
        #expect(throws: ColumnMappingError.self) {
            try HeaderMatcher.resolve(mapping: [("Tên ĐV", "Quê quán")], columns: Self.columns)
        }
        #expect(throws: ColumnMappingError.self) {
            try HeaderMatcher.resolve(mapping: [("Tên ĐV", "name"), ("Họ", "Họ tên")], columns: Self.columns)
        }
        // "not used" is left out; the same header named twice alike is one mapping
        #expect((try? HeaderMatcher.resolve(mapping: [("Quê quán", ""), ("Tên ĐV", "name"), ("ten dv", "Họ và tên")],
                                             columns: Self.columns)) == ["tendv": "name"])
    }
}
