import Domain
import Plot

/// A meeting's page.
struct CellMeetingFacts: Sendable {
    let id: Int
    let kind: CellMeetingKind
    let heldOn: LocalDate
    let unitID: Int
    let unitCode: String
    let unitName: String
    let durationMinutes: Int
    let present: Int
    let absentExcused: Int
    let absentUnexcused: Int
    let includedContent: Bool
    let contentNote: String
    let topicTitle: String?
    let opinionsRaised: Int
    let summary: String
}

enum CellMeetingDetailView {
    static func render(_ m: CellMeetingFacts, canEdit: Bool) -> Markup {
        let back = SiteURL.cellMeetings.with([("don-vi", m.unitCode), ("nam", String(m.heldOn.year))])
        var facts: [(String, Markup)] = [
            ("Chi bộ", H.a(SiteURL.unit(m.unitID).path, m.unitName)),
            ("Loại sinh hoạt", H.text(m.kind.label)),
            ("Ngày sinh hoạt", H.text(VietnameseFormat.date(m.heldOn))),
            ("Thời lượng", H.text("\(VietnameseFormat.number(m.durationMinutes)) phút")),
            ("Có mặt", H.text("\(VietnameseFormat.number(m.present)) đảng viên")),
            ("Vắng có lý do", H.text(VietnameseFormat.number(m.absentExcused))),
            ("Vắng không lý do", H.text(VietnameseFormat.number(m.absentUnexcused))),
            ("Nội dung học tập và làm theo Bác", H.text(m.includedContent ? "Có: \(m.contentNote)" : "Không đưa vào lần sinh hoạt này")),
        ]
        if m.kind == .thematic {
            facts.append(("Chuyên đề", H.text(m.topicTitle ?? "—")))
            facts.append(("Ý kiến phát biểu", H.text("\(VietnameseFormat.number(m.opinionsRaised)) ý kiến")))
        }
        facts.append(("Tóm tắt", H.text(m.summary.isEmpty ? "—" : m.summary)))
        return H.group([
            H.el("p", [:], H.a(back, "‹ Sinh hoạt chi bộ")),
            H.h1("\(m.kind.label) ngày \(VietnameseFormat.date(m.heldOn))"),
            H.p(m.unitName, class: "hint"),
            H.facts(facts),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.cellMeetingEdit(m.id).path, "Sửa", class: "button")) : .empty,
        ])
    }
}

enum CellMeetingFormView {
    /// `id` nil: a new meeting.
    static func render(
        id: Int?, values: CellMeetingInput, topics: [(value: String, label: String)], errors: FormErrors, csrf: String
    ) -> Markup {
        let action = id.map { SiteURL.cellMeetingEdit($0).path } ?? SiteURL.cellMeetingNew.path
        let back = id.map { SiteURL.cellMeeting($0).path } ?? SiteURL.cellMeetings.with([("don-vi", values.unitCode)])
        let kinds = CellMeetingKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        let count: [(String, String?)] = [("min", "0"), ("inputmode", "numeric")]
        let title = id == nil ? "Ghi sinh hoạt chi bộ" : "Sửa sinh hoạt chi bộ"
        let checkbox = H.el("div", ["class": "field"],
            H.el("label", ["for": "f-includedProgrammeContent"],
                H.el("input", ["type": "checkbox", "id": "f-includedProgrammeContent", "name": "includedProgrammeContent",
                               "value": "1", "checked": values.includedProgrammeContent ? "" : nil]),
                .text(" Có đưa nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh vào sinh hoạt")))
        return H.group([
            H.h1(title),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "cell-meeting-form", [
                Form.text("unit", "Mã chi bộ", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã của chi bộ trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.select("kind", "Loại sinh hoạt", options: kinds, selected: values.kind, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("heldOn", "Ngày sinh hoạt", value: values.heldOn, errors: errors, type: "date", required: true,
                          hint: "Mỗi tháng một lần sinh hoạt thường kỳ."),
                Form.text("durationMinutes", "Thời lượng (phút)", value: values.durationMinutes, errors: errors, type: "number",
                          required: true, extra: [("min", "15"), ("max", "600"), ("inputmode", "numeric")]),
                Form.text("present", "Số đảng viên có mặt", value: values.present, errors: errors, type: "number",
                          required: true, extra: count),
                Form.text("absentExcused", "Số vắng có lý do", value: values.absentExcused, errors: errors, type: "number",
                          required: true, extra: count),
                Form.text("absentUnexcused", "Số vắng không lý do", value: values.absentUnexcused, errors: errors, type: "number",
                          required: true, extra: count),
                checkbox,
                Form.textarea("contentNote", "Nội dung học tập và làm theo Bác đã đưa vào (bắt buộc khi có)",
                              value: values.contentNote, errors: errors, rows: 3),
                Form.select("topicId", "Chuyên đề (chỉ với sinh hoạt chuyên đề)", options: topics, selected: values.topicID,
                            errors: errors, blank: "— Không chọn —"),
                Form.text("opinionsRaised", "Số ý kiến phát biểu (chỉ với sinh hoạt chuyên đề)", value: values.opinionsRaised,
                          errors: errors, type: "number", extra: count),
                Form.textarea("summary", "Tóm tắt", value: values.summary, errors: errors),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
