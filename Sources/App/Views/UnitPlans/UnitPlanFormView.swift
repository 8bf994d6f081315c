import Domain
import Plot

enum UnitPlanFormView {
    /// `id` nil: a new plan.
    static func render(
        id: Int?, values: UnitPlanInput, programmes: [(value: String, label: String)], errors: FormErrors, csrf: String
    ) -> Markup {
        let action = id.map { SiteURL.unitPlanEdit($0).path } ?? SiteURL.unitPlanNew.path
        let back = id.map { SiteURL.unitPlan($0).path } ?? SiteURL.unitPlans.path
        let scopes = PlanScope.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Thêm kế hoạch thực hiện" : "Sửa kế hoạch thực hiện"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "unit-plan-form", [
                Form.text("unit", "Mã tổ chức đảng", value: values.unitCode, errors: errors, required: true,
                          hint: "Đảng bộ, chi bộ cơ sở hoặc cấp trên; chi bộ trực thuộc không lập kế hoạch riêng.",
                          extra: [("autocomplete", "off")]),
                Form.select("programmeId", "Chương trình", options: programmes, selected: values.programmeID, errors: errors,
                            required: true, blank: "— Chọn chương trình —"),
                Form.select("scope", "Loại kế hoạch", options: scopes, selected: values.scope, errors: errors, required: true),
                Form.text("year", "Năm", value: values.year, errors: errors, type: "number",
                          hint: "Kế hoạch toàn khóa lấy năm đầu của chương trình; có thể để trống.",
                          extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
                Form.text("theme", "Chủ đề năm (kế hoạch toàn khóa: tên kế hoạch)", value: values.theme, errors: errors, required: true),
                Form.text("documentNumber", "Số, ký hiệu kế hoạch", value: values.documentNumber, errors: errors,
                          hint: "Khi đã ban hành, ví dụ 12-KH/ĐU.", extra: [("autocomplete", "off")]),
                Form.textarea("content", "Nội dung kế hoạch (nhiệm vụ, giải pháp, phân công, thời gian)", value: values.content,
                              errors: errors, rows: 12),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
