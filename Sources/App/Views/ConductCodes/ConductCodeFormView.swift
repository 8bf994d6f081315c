import Domain
import Plot

enum ConductCodeFormView {
    /// `id` nil: a new code. `replaceable`: codes in force a revision may replace.
    static func render(
        id: Int?, values: ConductCodeInput, replaceable: [(value: String, label: String)], errors: FormErrors, csrf: String
    ) -> Markup {
        let action = id.map { SiteURL.conductCodeEdit($0).path } ?? SiteURL.conductCodeNew.path
        let back = id.map { SiteURL.conductCode($0).path } ?? SiteURL.conductCodes.path
        let scopes = ConductScope.allCases.map { (value: $0.rawValue, label: $0.label) }
        let heading = id == nil ? (values.replacesID == nil ? "Thêm chuẩn mực đạo đức" : "Ban hành bản sửa đổi chuẩn mực") : "Sửa chuẩn mực đạo đức"
        return H.group([
            H.h1(heading),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "conduct-code-form", [
                Form.text("unit", "Mã đơn vị ban hành", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng ban hành chuẩn mực, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.select("scope", "Loại chuẩn mực", options: scopes, selected: values.scope, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("title", "Tên chuẩn mực", value: values.title, errors: errors, required: true),
                Form.text("documentNumber", "Số, ký hiệu văn bản", value: values.documentNumber, errors: errors, required: true,
                          hint: "Không nhập chữ “Số”. Ví dụ: 15-QĐ/TU, 03-QĐ/ĐU.",
                          extra: [("autocapitalize", "characters"), ("autocomplete", "off")]),
                Form.text("issuedOn", "Ngày ban hành", value: values.issuedOn, errors: errors, type: "date", required: true),
                Form.select("replacesId", "Thay thế chuẩn mực", options: replaceable, selected: values.replacesID, errors: errors,
                            blank: "— Không thay thế (ban hành lần đầu) —"),
                Form.textarea("summary", "Nội dung chính", value: values.summary, errors: errors, rows: 6),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
