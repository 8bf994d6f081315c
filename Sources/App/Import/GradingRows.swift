import Domain
import Spreadsheets

/// A sheet of yearly gradings (xếp loại chất lượng), one grade a row: a member, found as the
/// people import finds people (identity number, else name, birth date and cell), or an
/// organisation by its code. The row lands on the grading sheet of its unit and year.
enum GradingRows {
    static let columns: [ColumnSpec] = [
        ColumnSpec("year", "Năm", spellings: ["Năm xếp loại", "Năm đánh giá", "Năm đánh giá, xếp loại"]),
        ColumnSpec("subject", "Đối tượng", spellings: ["Đối tượng xếp loại", "Loại đối tượng"], required: false),
        ColumnSpec("unit", "Mã đơn vị", spellings: ["Mã chi bộ", "Chi bộ", "Đơn vị", "Mã tổ chức đảng", "Mã đơn vị được xếp loại"]),
        ColumnSpec("fullName", "Họ và tên", spellings: ["Họ tên", "Họ và tên đảng viên", "Tên đảng viên"], required: false),
        ColumnSpec("birthDate", "Ngày sinh", spellings: ["Ngày tháng năm sinh", "Sinh ngày"], required: false),
        ColumnSpec("identityNumber", "Số CCCD", spellings: ["Số định danh", "Số định danh cá nhân", "CCCD", "Số CMND", "CMND",
                                                            "Số CCCD/CMND", "CCCD/CMND"], required: false),
        ColumnSpec("level", "Mức xếp loại", spellings: ["Xếp loại", "Kết quả xếp loại", "Xếp loại chất lượng", "Mức"], required: false),
        ColumnSpec("score", "Điểm", spellings: ["Tổng điểm", "Điểm đánh giá", "Số điểm"], required: false),
        ColumnSpec("allTasksDone", "Hoàn thành mọi nhiệm vụ", spellings: ["Hoàn thành tất cả nhiệm vụ", "Hoàn thành 100% nhiệm vụ"],
                   required: false),
        ColumnSpec("note", "Ghi chú", required: false),
    ]

    static let intro = "Mỗi dòng là một kết quả xếp loại chất lượng: của một đảng viên (nhận ra theo số CCCD, hoặc họ tên, ngày sinh "
        + "và chi bộ) hay của một tổ chức đảng (theo mã), ghi vào bảng xếp loại của đơn vị và năm đó, theo quy định của năm như khi "
        + "xếp loại trên màn hình. Bảng đã nộp không bị ghi đè. Kết quả đã có và không khác thì bỏ qua, nên nhập lại cùng một tệp "
        + "không làm thay đổi gì."

    static func help(_ key: String) -> String {
        switch key {
        case "year": "Năm xếp loại, như 2024; năm phải có quy định xếp loại."
        case "subject": "“Đảng viên” hoặc “Tổ chức đảng”; để trống thì là đảng viên khi có họ tên hoặc số CCCD."
        case "unit": "Với đảng viên: mã chi bộ nơi người đó sinh hoạt năm đó. Với tổ chức đảng: mã của tổ chức được xếp loại."
        case "fullName": "Họ và tên đảng viên, như trong hồ sơ."
        case "birthDate": "Ngày/tháng/năm, để phân biệt người trùng họ tên."
        case "identityNumber": "9 hoặc 12 chữ số; có thì nhận ra người theo số này."
        case "level": "“Hoàn thành xuất sắc nhiệm vụ” (HTXSNV), “Hoàn thành tốt nhiệm vụ” (HTTNV), “Hoàn thành nhiệm vụ” (HTNV) "
            + "hoặc “Không hoàn thành nhiệm vụ” (KHTNV). Năm chấm điểm thì mức do điểm quyết định; ghi thì phải khớp."
        case "score": "Chỉ với năm chấm theo thang 100 điểm: số từ 0 đến 100, như 87,5."
        case "allTasksDone": "Năm chấm điểm: “Có” khi hoàn thành mọi nhiệm vụ (cần cho HTXSNV); để trống thì theo mức đã ghi."
        case "note": "Ghi chú của kết quả xếp loại; để trống thì giữ ghi chú đã có."
        default: ""
        }
    }

    /// One row as read: texts, with the level and subject understood when they can be.
    struct Row: Sendable {
        var year: String
        var subject: GradingSubject?
        var subjectText: String
        var unitCode: String
        var person: PersonService.PersonInput
        var level: GradingLevel?
        var levelText: String
        var score: String
        var allTasksDone: Bool?
        var doneText: String
        var note: String

        var namesPerson: Bool { !(person.fullName ?? "").isEmpty || !(person.identityNumber ?? "").isEmpty }
    }

    static func row(_ table: Table, _ row: SheetRow) -> Row {
        func text(_ key: String) -> String { VietnameseText.normalize(table.cell(key, row).inputText) }
        var person = PersonService.PersonInput()
        person.fullName = text("fullName")
        person.birthDate = text("birthDate")
        person.identityNumber = identity(table.cell("identityNumber", row))
        let subjectText = text("subject"), levelText = text("level"), doneText = text("allTasksDone")
        var read = Row(year: text("year"), subject: subject(subjectText), subjectText: subjectText, unitCode: text("unit"),
                       person: person, level: level(levelText), levelText: levelText, score: text("score"),
                       allTasksDone: doneText.isEmpty ? nil : CellMeetingRows.yesNo(table.cell("allTasksDone", row)),
                       doneText: doneText, note: text("note"))
        if subjectText.isEmpty { read.subject = read.namesPerson ? .member : .organisation }
        return read
    }

    /// "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Xuất sắc", "htxsnv" (the code)… any case, with
    /// or without diacritics.
    static func level(_ text: String) -> GradingLevel? {
        var folded = HeaderMatcher.fold(text)
        if folded.hasSuffix("nhiemvu"), folded != "nhiemvu" { folded.removeLast("nhiemvu".count) }
        switch folded {
        case "hoanthanhxuatsac", "xuatsac", "htxs", "htxsnv": return .excellent
        case "hoanthanhtot", "tot", "htt", "httnv": return .good
        case "hoanthanh", "ht", "htnv": return .fulfilled
        case "khonghoanthanh", "kht", "khtnv": return .unfulfilled
        default: return nil
        }
    }

    /// "Đảng viên", "Tổ chức đảng", "Tổ chức", or the code.
    static func subject(_ text: String) -> GradingSubject? {
        switch HeaderMatcher.fold(text) {
        case "dangvien", "dv", "canhan": .member
        case "tochucdang", "tochuc", "tapthe", "donvi": .organisation
        default: GradingSubject.allCases.first { HeaderMatcher.fold($0.rawValue) == HeaderMatcher.fold(text) }
        }
    }

    /// A number cell loses an identity number's leading zero in Excel: put it back.
    private static func identity(_ cell: Cell) -> String {
        let text = VietnameseText.normalize(cell.inputText).replacingOccurrences(of: " ", with: "")
        guard case .number = cell, [9, 12].contains(text.count + 1), text.allSatisfy(\.isNumber) else { return text }
        return "0" + text
    }

    /// The row an export writes for a grade, in `columns`' order: what the import reads back.
    static func exportRow(year: Int, subject: GradingSubject, unitCode: String, person: Person?, level: GradingLevel,
                          score: Double?, allTasksDone: Bool?, note: String) -> [String] {
        [
            String(year), subject.label, unitCode, person?.fullName ?? "", person?.birthDate.map(VietnameseFormat.date) ?? "",
            person?.identityNumber ?? "", level.label, score.map(GradingScore.format) ?? "",
            score == nil ? "" : (allTasksDone == true ? "Có" : "Không"), note,
        ]
    }
}
