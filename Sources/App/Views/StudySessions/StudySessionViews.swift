import Domain
import Plot

/// A study session as the list shows it.
struct StudySessionLine: Sendable {
    let id: Int
    let title: String
    let heldOn: LocalDate
    let unitName: String
    let topicTitle: String?
    let format: StudyFormat
    let mode: StudyMode
}

/// The list page's filters as entered (text, so the form shows what was typed).
struct StudySessionListQuery: Sendable {
    var unit = ""
    var year = ""
    var topic = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year), ("chuyen-de", topic)] }
}

enum StudySessionListView {
    static func render(
        query: StudySessionListQuery, lines: [StudySessionLine], total: Int, page: Int, perPage: Int,
        topics: [(value: String, label: String)], unknownUnit: Bool, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.studySessions.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị tổ chức (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("chuyen-de", "Chuyên đề", options: topics, selected: query.topic, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        var notes: [Markup] = []
        if unknownUnit {
            notes.append(H.el("p", ["class": "flash-error", "role": "status"],
                              .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")))
        }
        notes.append(H.p("\(VietnameseFormat.number(total)) hội nghị", class: "hint"))
        let rows = lines.map { s in
            H.row([
                H.text(VietnameseFormat.date(s.heldOn)),
                H.a(SiteURL.studySession(s.id).path, s.title),
                H.text(s.unitName),
                H.text(s.topicTitle ?? "—"),
                H.text("\(s.format.label); \(s.mode.label.lowercased())"),
            ])
        }
        return H.group([
            H.h1("Hội nghị học tập, quán triệt chuyên đề"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.studySessionNew.path, "Thêm hội nghị", class: "button primary")) : .empty,
            filters,
            H.group(notes),
            H.table(id: "study-session-list", headers: ["Ngày", "Hội nghị", "Đơn vị tổ chức", "Chuyên đề", "Hình thức"],
                    rows: rows, empty: "Không có hội nghị nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.studySessions.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

/// A study session's page.
struct StudySessionFacts: Sendable {
    let id: Int
    let title: String
    let heldOn: LocalDate
    let unitName: String
    let unitID: Int
    let topicTitle: String?
    let format: StudyFormat
    let mode: StudyMode
    let nonMemberCount: Int
    let note: String
    let expectedUnits: [(code: String, name: String)]
    let counts: AttendanceCounts
}

enum StudySessionDetailView {
    static func render(_ s: StudySessionFacts, canEdit: Bool, canMark: Bool, linkUnit: Bool) -> Markup {
        let c = s.counts
        let rate = VietnameseFormat.percent(numerator: c.present, denominator: c.expected) ?? VietnameseFormat.notANumber
        let expected = s.expectedUnits.isEmpty
            ? H.text("—")
            : H.el("ul", [:], children: s.expectedUnits.map { H.el("li", [:], .text("\($0.name) (\($0.code))")) })
        let figures: [(String, String)] = [
            ("Đảng viên dự kiến tham dự", VietnameseFormat.number(c.expected)),
            ("Có mặt", VietnameseFormat.number(c.present)),
            ("Vắng có lý do", VietnameseFormat.number(c.excused)),
            ("Vắng không lý do", VietnameseFormat.number(c.unexcused)),
            ("Chưa điểm danh", VietnameseFormat.number(c.notMarked)),
            ("Tỉ lệ tham gia", rate),
        ]
        var actions: [Markup] = [
            H.a(SiteURL.studySessionAttendance(s.id).path, canMark ? "Điểm danh" : "Xem điểm danh", class: canMark ? "button primary" : "button"),
        ]
        if canMark { actions.append(H.a(SiteURL.attendanceImport(s.id).path, "Nhập điểm danh từ tệp", class: "button")) }
        if canEdit { actions.append(H.a(SiteURL.studySessionEdit(s.id).path, "Sửa hội nghị", class: "button")) }
        return H.group([
            H.el("p", [:], H.a(SiteURL.studySessions.path, "‹ Hội nghị học tập")),
            H.h1(s.title),
            H.facts([
                ("Ngày tổ chức", H.text(VietnameseFormat.date(s.heldOn))),
                ("Đơn vị tổ chức", linkUnit ? H.a(SiteURL.unit(s.unitID).path, s.unitName) : H.text(s.unitName)),
                ("Chuyên đề", H.text(s.topicTitle ?? "—")),
                ("Hình thức", H.text(s.format.label)),
                ("Cách thức tổ chức", H.text(s.mode.label)),
                ("Lượt quần chúng tham dự", H.text(VietnameseFormat.number(s.nonMemberCount))),
                ("Ghi chú", H.text(s.note.isEmpty ? "—" : s.note)),
                ("Đơn vị dự kiến tham dự", expected),
            ]),
            H.h2("Điểm danh"),
            H.el("dl", ["class": "facts", "id": "attendance-counts"],
                 children: figures.flatMap { [H.el("dt", [:], .text($0.0)), H.el("dd", [:], .text($0.1))] }),
            H.el("p", ["class": "actions"], children: actions),
        ])
    }
}
