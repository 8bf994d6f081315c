import Domain
import Spreadsheets

/// A sheet of cell meetings, one a row, read into the same input the form sends. Column keys
/// are the form's field names, so a validation message lands on its column.
enum CellMeetingRows {
    static let columns: [ColumnSpec] = [
        ColumnSpec("unit", "Mã chi bộ", spellings: ["Mã đơn vị", "Mã tổ chức đảng", "Mã TCĐ"]),
        ColumnSpec("kind", "Loại sinh hoạt", spellings: ["Loại", "Hình thức sinh hoạt"]),
        ColumnSpec("heldOn", "Ngày sinh hoạt", spellings: ["Ngày", "Ngày họp", "Ngày sinh hoạt chi bộ"]),
        ColumnSpec("durationMinutes", "Thời lượng (phút)", spellings: ["Thời lượng", "Số phút", "Thời gian (phút)"]),
        ColumnSpec("present", "Có mặt", spellings: ["Số có mặt", "Đảng viên có mặt", "Số đảng viên có mặt"]),
        ColumnSpec("absentExcused", "Vắng có lý do", spellings: ["Số vắng có lý do"]),
        ColumnSpec("absentUnexcused", "Vắng không lý do", spellings: ["Số vắng không lý do"]),
        ColumnSpec("includedProgrammeContent", "Có nội dung học tập và làm theo Bác",
                   spellings: ["Có nội dung học tập và làm theo", "Có nội dung làm theo Bác", "Có học tập và làm theo Bác"]),
        ColumnSpec("contentNote", "Nội dung", spellings: ["Nội dung học tập và làm theo Bác", "Nội dung đã đưa vào sinh hoạt"], required: false),
        ColumnSpec("opinionsRaised", "Số ý kiến", spellings: ["Số ý kiến phát biểu", "Ý kiến phát biểu", "Số ý kiến thảo luận"], required: false),
        ColumnSpec("summary", "Tóm tắt", spellings: ["Tóm tắt nội dung", "Nội dung tóm tắt"], required: false),
    ]

    /// The row as the form's input, and what cannot even be put into it (an unknown kind, a
    /// yes/no that is neither).
    static func input(_ table: Table, _ row: SheetRow) -> (input: CellMeetingInput, problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        func text(_ key: String) -> String { VietnameseText.normalize(table.cell(key, row).inputText) }

        var input = CellMeetingInput()
        input.unitCode = text("unit")
        let kindText = text("kind")
        if let kind = kind(kindText) {
            input.kind = kind.rawValue
        } else if !kindText.isEmpty {
            problems.append(ImportProblem(table, row, "kind", "Không hiểu loại sinh hoạt này: ghi “Thường kỳ” hoặc “Chuyên đề”."))
        }
        input.heldOn = text("heldOn")
        input.durationMinutes = text("durationMinutes")
        input.present = text("present")
        input.absentExcused = text("absentExcused")
        input.absentUnexcused = text("absentUnexcused")
        if let included = yesNo(table.cell("includedProgrammeContent", row)) {
            input.includedProgrammeContent = included
        } else {
            problems.append(ImportProblem(table, row, "includedProgrammeContent", "Ghi “Có” (hoặc “x”) hoặc “Không” (hoặc để trống)."))
        }
        input.contentNote = text("contentNote")
        input.opinionsRaised = text("opinionsRaised")
        input.summary = text("summary")
        return (input, problems)
    }

    /// "Thường kỳ", "Sinh hoạt chuyên đề", "thuong_ky", any case, with or without diacritics.
    static func kind(_ text: String) -> CellMeetingKind? {
        switch HeaderMatcher.fold(text) {
        case "thuongky", "sinhhoatthuongky", "sinhhoatchibothuongky": .regular
        case "chuyende", "sinhhoatchuyende", "sinhhoatchibochuyende": .thematic
        default: nil
        }
    }

    /// Có / x / true / 1 → yes; Không / blank / false / 0 → no; anything else nil.
    static func yesNo(_ cell: Cell) -> Bool? {
        if case .boolean(let value) = cell { return value }
        switch HeaderMatcher.fold(cell.inputText) {
        case "co", "x", "1", "true", "yes", "dung": return true
        case "khong", "", "0", "false", "no", "sai": return false
        default: return nil
        }
    }

    /// A regular meeting's cell and month, to find two in one file.
    static func monthKey(_ input: CellMeetingInput) -> String? {
        guard input.kind == CellMeetingKind.regular.rawValue, let day = LocalDate.parse(input.heldOn ?? ""),
              let code = input.unitCode, !code.isEmpty
        else { return nil }
        return code.uppercased() + "|" + CellMeeting.monthKey(day)
    }

    /// Every value of the row, to find the same row twice in one file.
    static func signature(_ input: CellMeetingInput) -> String {
        let day = LocalDate.parse(input.heldOn ?? "")?.iso ?? input.heldOn ?? ""
        return [input.unitCode?.uppercased(), input.kind, day, input.durationMinutes, input.present, input.absentExcused,
                input.absentUnexcused, input.includedProgrammeContent ? "1" : "0", input.contentNote, input.opinionsRaised,
                input.summary].map { $0 ?? "" }.joined(separator: "\u{1F}")
    }

    /// Whether `meeting` already holds everything the row says (what the sheet has no column
    /// for, the topic, is not compared).
    static func same(_ meeting: CellMeeting, _ input: CellMeetingInput) -> Bool {
        meeting.durationMinutes == Int(input.durationMinutes ?? "")
            && meeting.present == Int(input.present ?? "")
            && meeting.absentExcused == Int(input.absentExcused ?? "")
            && meeting.absentUnexcused == Int(input.absentUnexcused ?? "")
            && meeting.includedProgrammeContent == input.includedProgrammeContent
            && meeting.contentNote == (input.contentNote ?? "")
            && meeting.opinionsRaised == (Int(input.opinionsRaised ?? "") ?? 0)
            && meeting.summary == (input.summary ?? "")
    }
}
