import Domain
import Plot

/// The choices the nomination forms offer: forms of commendation and issuers.
struct NominationOptions: Sendable {
    let forms: [(value: String, label: String)]
    let issuers: [(value: String, label: String)]
}

enum NominationFormView {
    /// `id` nil: a new nomination (the proposing unit is typed; on edit it is fixed).
    static func render(id: Int?, values: NominationInput, options: NominationOptions, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.nominationEdit($0).path } ?? SiteURL.nominationNew.path
        let back = id.map { SiteURL.nomination($0).path } ?? SiteURL.nominations.path
        let unit: Markup = id == nil
            ? Form.text("unit", "Mã đơn vị đề nghị", value: values.unitCode, errors: errors, required: true,
                        hint: "Tổ chức đảng lập đề nghị, trong phạm vi của bạn.", extra: [("autocomplete", "off")])
            : .empty
        let rows = values.rows.enumerated().map { candidateRow($0.offset + 1, $0.element, options: options, errors: errors) }
        let papers = NominationPaperKind.allCases.map { kind in
            Form.text("paper-\(kind.rawValue)", kind.label + (NominationPaperKind.required.contains(kind) ? " (bắt buộc khi gửi)" : ""),
                      value: values.papers[kind], errors: errors, hint: "Số, ngày và trích yếu; để trống nếu chưa có.")
        }
        return H.group([
            H.h1(id == nil ? "Lập đề nghị khen thưởng" : "Sửa đề nghị khen thưởng"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "nomination-form", [
                unit,
                Form.text("title", "Tiêu đề", value: values.title, errors: errors, required: true,
                          hint: "Ví dụ: Đề nghị khen thưởng tổ chức đảng, đảng viên tiêu biểu năm 2025."),
                Form.text("fromYear", "Từ năm", value: values.fromYear, errors: errors, type: "number", required: true,
                          extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
                Form.text("toYear", "Đến năm", value: values.toYear, errors: errors, type: "number",
                          hint: "Để trống nếu đề nghị cho một năm.", extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
                Form.text("event", "Đợt khen thưởng", value: values.event, errors: errors),
                H.h2("Đối tượng đề nghị"),
                H.p("Mỗi dòng một tập thể hoặc cá nhân; dòng để trống được bỏ qua.", class: "hint"),
                H.group(rows),
                H.h2("Hồ sơ kèm theo"),
                H.group(papers),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }

    private static func candidateRow(_ n: Int, _ row: NominationInput.Row, options: NominationOptions, errors: FormErrors) -> Markup {
        let kinds = CommendationRecipient.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.el("fieldset", ["class": "candidate", "id": "candidate-\(n)"],
            H.el("legend", [:], .text("Đối tượng \(n)")),
            Form.select("c\(n)-kind", "Loại đối tượng", options: kinds, selected: row.kind, errors: errors, blank: "— Chọn —"),
            Form.text("c\(n)-personId", "Mã số đảng viên (cá nhân)", value: row.personID, errors: errors,
                      extra: [("inputmode", "numeric")]),
            Form.text("c\(n)-unit", "Mã tổ chức đảng (tập thể)", value: row.unitCode, errors: errors, extra: [("autocomplete", "off")]),
            Form.text("c\(n)-name", "Tên (tập thể khác, nhóm tác giả)", value: row.name, errors: errors),
            Form.textarea("c\(n)-achievements", "Tóm tắt thành tích", value: row.achievements, errors: errors, rows: 3),
            Form.select("c\(n)-formId", "Hình thức đề nghị", options: options.forms, selected: row.formID, errors: errors,
                        blank: "— Chọn hình thức —"))
    }
}
