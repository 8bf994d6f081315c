import Domain
import Plot

/// The template a cell agrees for its members' plans of a year: items one per line, the commitment.
enum PlanTemplateView {
    static func render(
        cellCode: String, cellName: String, year: Int, items: String, commitment: String, exists: Bool,
        editable: Bool, errors: FormErrors, csrf: String
    ) -> Markup {
        let back = SiteURL.personalPlans.with([("don-vi", cellCode), ("nam", String(year))])
        var parts: [Markup] = [
            H.el("p", [:], H.a(back, "‹ Kế hoạch cá nhân của chi bộ")),
            H.h1("Mẫu kế hoạch cá nhân năm \(year)"),
            H.p(cellName, class: "hint"),
        ]
        guard editable else {
            let lines = items.split(separator: "\n").map(String.init)
            return H.group(parts + (exists
                ? [PersonalPlanWords.items(lines), H.facts([("Cam kết", H.text(commitment.isEmpty ? "—" : commitment))])]
                : [H.p("Chi bộ chưa soạn mẫu kế hoạch năm \(year).", class: "empty")]))
        }
        parts.append(H.p("Đảng viên mở kế hoạch của mình sẽ thấy mẫu này điền sẵn; nút “Tạo kế hoạch từ mẫu” ở trang kế hoạch "
            + "cá nhân lập bản nháp theo mẫu cho những người chưa có.", class: "hint"))
        return H.group(parts + [
            Form.errorSummary(errors),
            Form.post(action: SiteURL.planTemplate.path, csrf: csrf, id: "plan-template-form", [
                Form.hidden("unit", cellCode), Form.hidden("year", String(year)),
                Form.textarea("items", "Các việc làm theo Bác (mỗi dòng một việc, tối đa \(PersonalPlanService.maxItems) việc)",
                              value: items, errors: errors, rows: 8),
                Form.textarea("commitment", "Cam kết tu dưỡng, rèn luyện, phấn đấu", value: commitment, errors: errors, rows: 4),
                H.el("p", ["class": "actions"], Form.submit("Lưu mẫu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
