import Domain
import Spreadsheets

/// A sheet of attendance marks for one study session, one member a row. People are named, not
/// numbered (the lists committees keep have no ids): by name, with the birth date or the cell
/// to tell namesakes apart.
enum AttendanceRows {
    static let columns: [ColumnSpec] = [
        ColumnSpec("fullName", "Họ và tên", spellings: ["Họ tên", "Tên", "Họ và tên đảng viên", "Tên đảng viên"]),
        ColumnSpec("birthDate", "Ngày sinh", spellings: ["Ngày tháng năm sinh", "Sinh ngày", "Ngày, tháng, năm sinh"], required: false),
        ColumnSpec("unit", "Chi bộ", spellings: ["Mã chi bộ", "Mã đơn vị", "Đơn vị"], required: false),
        ColumnSpec("status", "Điểm danh", spellings: ["Tình trạng", "Có mặt/vắng", "Tham dự", "Kết quả điểm danh"]),
    ]

    /// One row as read: what identifies the person, and the mark (nil: left blank).
    struct Line {
        let name: String
        let birthDate: LocalDate?
        let unitCode: String
        let status: AttendanceStatus?
    }

    static func line(_ table: Table, _ row: SheetRow) -> (line: Line?, problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        let name = VietnameseText.normalize(table.cell("fullName", row).inputText)
        if name.isEmpty { problems.append(ImportProblem(table, row, "fullName", "Chưa ghi họ và tên.")) }

        var birthDate: LocalDate?
        switch table.cell("birthDate", row) {
        case .empty: break
        case .date(let day): birthDate = day
        case let other:
            birthDate = LocalDate.parse(VietnameseText.normalize(other.inputText))
            if birthDate == nil {
                problems.append(ImportProblem(table, row, "birthDate", "Không đúng dạng ngày (ví dụ 18/5/1980)."))
            }
        }

        let statusText = VietnameseText.normalize(table.cell("status", row).inputText)
        let status = self.status(statusText)
        if status == nil && !statusText.isEmpty {
            problems.append(ImportProblem(table, row, "status", "Không hiểu điểm danh này: ghi “Có mặt” (hoặc “x”), “Vắng có lý do” hoặc “Vắng không lý do”."))
        }
        guard problems.isEmpty else { return (nil, problems) }
        let unit = VietnameseText.normalize(table.cell("unit", row).inputText)
        return (Line(name: name, birthDate: birthDate, unitCode: unit, status: status), [])
    }

    /// "Có mặt", "x", "✓", "có", "Vắng có lý do", "vắng (có phép)", "co_mat"… A bare "Vắng"
    /// does not say whether it was excused, so it is refused rather than guessed.
    static func status(_ text: String) -> AttendanceStatus? {
        if text == "✓" || text == "✔" { return .present }
        switch HeaderMatcher.fold(text) {
        case "comat", "co", "x": return .present
        case "vangcolydo", "vangcophep", "colydo": return .excused
        case "vangkhonglydo", "vangkhongphep", "khonglydo": return .unexcused
        default: return AttendanceStatus(rawValue: text)
        }
    }
}
