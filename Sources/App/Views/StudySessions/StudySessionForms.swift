import Domain
import Plot

enum StudySessionFormView {
    /// `id` nil: a new session.
    static func render(
        id: Int?, values: StudySessionInput, topics: [(value: String, label: String)], errors: FormErrors, csrf: String
    ) -> Markup {
        let action = id.map { SiteURL.studySessionEdit($0).path } ?? SiteURL.studySessionNew.path
        let back = id.map { SiteURL.studySession($0).path } ?? SiteURL.studySessions.path
        let formats = StudyFormat.allCases.map { (value: $0.rawValue, label: $0.label) }
        let modes = StudyMode.allCases.map { (value: $0.rawValue, label: $0.label) }
        let title = id == nil ? "Thêm hội nghị học tập" : "Sửa hội nghị học tập"
        return H.group([
            H.h1(title),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "study-session-form", [
                Form.text("unit", "Mã đơn vị tổ chức", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng tổ chức hội nghị, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.text("title", "Tên hội nghị", value: values.title, errors: errors, required: true,
                          hint: "Ví dụ: Hội nghị học tập, quán triệt chuyên đề năm 2025."),
                Form.text("heldOn", "Ngày tổ chức", value: values.heldOn, errors: errors, type: "date", required: true),
                Form.select("topicId", "Chuyên đề", options: topics, selected: values.topicID, errors: errors,
                            blank: "— Không gắn chuyên đề —"),
                Form.select("format", "Hình thức", options: formats, selected: values.format, errors: errors, required: true,
                            blank: "— Chọn hình thức —"),
                Form.select("mode", "Cách thức tổ chức", options: modes, selected: values.mode, errors: errors, required: true,
                            blank: "— Chọn cách thức —"),
                Form.textarea("expectedUnits", "Mã các đơn vị dự kiến tham dự (bắt buộc)", value: values.expectedUnits, errors: errors, rows: 3),
                H.el("p", ["class": "hint"], .text("Cách nhau bằng dấu phẩy hoặc xuống dòng; mỗi đơn vị gồm cả các đơn vị cấp dưới. Ví dụ: X-DL, X-DH.")),
                Form.text("nonMemberCount", "Lượt quần chúng tham dự", value: values.nonMemberCount, errors: errors, type: "number",
                          hint: "Người ngoài Đảng tham dự, chỉ đếm số lượt.", extra: [("min", "0"), ("inputmode", "numeric")]),
                Form.textarea("note", "Ghi chú", value: values.note, errors: errors, rows: 3),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}

/// The attendance screen: every expected member the account sees, grouped by unit, marked in
/// one submission (unmarked rows come preselected "Có mặt").
enum StudySessionAttendanceView {
    /// Form field of a person's mark.
    static func field(_ personID: Int) -> String { "s-\(personID)" }
    /// The button that marks everyone present and saves.
    static let allPresentField = "tat-ca-co-mat"

    static func render(
        id: Int, title: String, heldOn: LocalDate, groups: [(unitName: String, lines: [AttendanceLine])],
        editable: Bool, errors: FormErrors, csrf: String
    ) -> Markup {
        let total = groups.reduce(0) { $0 + $1.lines.count }
        let intro = H.p("\(VietnameseFormat.date(heldOn)) · \(VietnameseFormat.number(total)) đảng viên dự kiến tham dự trong phạm vi của bạn.", class: "hint")
        let back = H.el("p", [:], H.a(SiteURL.studySession(id).path, "‹ \(title)"))
        guard total > 0 else {
            return H.group([back, H.h1("Điểm danh"), intro,
                            H.p("Không có đảng viên dự kiến tham dự nào trong phạm vi của bạn.", class: "empty")])
        }
        let tables = groups.map { group in
            H.group([
                H.h2(group.unitName),
                editable ? editableTable(group.lines) : readOnlyTable(group.lines),
            ])
        }
        guard editable else { return H.group([back, H.h1("Điểm danh"), intro] + tables) }
        let buttons = H.el("p", ["class": "actions"],
            Form.submit("Lưu điểm danh"),
            H.el("button", ["type": "submit", "name": allPresentField, "value": "1", "class": "button"], .text("Đánh dấu tất cả có mặt")))
        return H.group([
            back, H.h1("Điểm danh"), intro,
            Form.errorSummary(errors),
            Form.post(action: SiteURL.studySessionAttendance(id).path, csrf: csrf, id: "attendance-form", [
                H.p("Người chưa điểm danh được chọn sẵn “Có mặt”: chỉ cần sửa người vắng rồi bấm “Lưu điểm danh”. Nút “Đánh dấu tất cả có mặt” lưu ngay mọi người là có mặt.", class: "hint"),
                buttons,
                H.group(tables),
                buttons,
            ]),
        ])
    }

    /// Name and the three choices in two cells, so the table stays narrow on a phone; each
    /// choice is a whole label, an easy target for a thumb.
    private static func editableTable(_ lines: [AttendanceLine]) -> Markup {
        let rows = lines.map { line in
            let chosen = line.status ?? .present
            let choices = AttendanceStatus.allCases.map { status in
                H.el("label", ["class": "choice"],
                     H.el("input", ["type": "radio", "name": field(line.personID), "value": status.rawValue,
                                    "checked": status == chosen ? "" : nil, "aria-label": "\(line.fullName): \(status.label)"]),
                     .text(" " + status.label + " "))
            }
            return H.row([
                H.text(line.fullName + (line.status == nil ? " (chưa điểm danh)" : "")),
                H.el("span", ["class": "choices"], children: choices),
            ])
        }
        return H.table(headers: ["Họ và tên", "Tình trạng"], rows: rows)
    }

    private static func readOnlyTable(_ lines: [AttendanceLine]) -> Markup {
        H.table(headers: ["Họ và tên", "Tình trạng"], rows: lines.map { line in
            H.row([H.text(line.fullName), H.text(line.status?.label ?? "Chưa điểm danh")])
        })
    }
}
