import Domain
import Plot

/// The list of suggestion rules and the form to add or edit one (administrators).
enum SuggestionRuleViews {
    struct Row: Sendable {
        let id: Int
        let name: String
        let subject: GradingSubject
        let level: GradingLevel
        let years: Int
        let form: String
        let issuer: String
        let active: Bool
        let sortOrder: Int
    }

    static func list(_ rows: [Row]) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.suggestions.path, "‹ Đề xuất khen thưởng")),
            H.h1("Quy tắc đề xuất khen thưởng"),
            H.p("Mỗi quy tắc chọn những người hoặc tổ chức đảng có cùng mức xếp loại trong một số năm liên tục, "
                + "và hình thức khen, cấp khen tương ứng (Hướng dẫn 06-HD/TW). Sửa quy tắc có hiệu lực ngay.", class: "hint"),
            H.el("p", ["class": "actions"], H.a(SiteURL.suggestionRuleNew.path, "Thêm quy tắc", class: "button")),
            H.table(id: "suggestion-rules", headers: ["Quy tắc", "Đối tượng", "Mức", "Số năm", "Hình thức, cấp khen", "Áp dụng", "Thứ tự"],
                    rows: rows.map { r in
                        H.row([H.a(SiteURL.suggestionRuleEdit(r.id).path, r.name), H.text(r.subject.label), H.text(r.level.abbreviation),
                               H.text(String(r.years)), H.text("\(r.form) — \(r.issuer)"), H.text(r.active ? "Có" : "Thôi áp dụng"),
                               H.text(String(r.sortOrder))])
                    }, empty: "Chưa có quy tắc nào."),
        ])
    }

    static func form(
        action: String, isNew: Bool, values: SuggestionRuleInput, errors: FormErrors,
        forms: [(String, String)], issuers: [(String, String)], csrf: String
    ) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.suggestionRules.path, "‹ Quy tắc đề xuất khen thưởng")),
            H.h1(isNew ? "Thêm quy tắc đề xuất" : "Sửa quy tắc đề xuất"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, [
                Form.text("name", "Tên quy tắc", value: values.name, errors: errors, required: true),
                Form.select("subject", "Đối tượng", options: GradingSubject.allCases.map { ($0.rawValue, $0.label) },
                            selected: values.subject, errors: errors, required: true, blank: "— Chọn —"),
                Form.select("level", "Mức xếp loại", options: GradingLevel.allCases.map { ($0.rawValue, "\($0.abbreviation) — \($0.label)") },
                            selected: values.level, errors: errors, required: true, blank: "— Chọn —"),
                Form.text("years", "Số năm liên tục", value: values.years, errors: errors, type: "number", required: true,
                          hint: "1: xếp loại trong năm xét; 5: năm năm liền đến năm xét.",
                          extra: [("min", "1"), ("max", "10"), ("inputmode", "numeric")]),
                Form.select("formId", "Hình thức khen thưởng", options: forms.map { ($0.0, $0.1) }, selected: values.formId,
                            errors: errors, required: true, blank: "— Chọn —"),
                Form.select("issuerId", "Cấp khen", options: issuers.map { ($0.0, $0.1) }, selected: values.issuerId,
                            errors: errors, required: true, blank: "— Chọn —"),
                H.el("div", ["class": "field"],
                     H.el("label", [:],
                          H.el("input", ["type": "checkbox", "name": "active", "value": "on", "checked": values.isActive ? "" : nil]),
                          .text(" Đang áp dụng"))),
                Form.text("sortOrder", "Thứ tự hiển thị", value: values.sortOrder, errors: errors, type: "number",
                          hint: "Số nhỏ đứng trước; để trống là 100.", extra: [("min", "0"), ("inputmode", "numeric")]),
                H.el("p", ["class": "actions"], Form.submit("Lưu")),
            ]),
        ])
    }
}
