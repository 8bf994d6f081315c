import Domain
import Plot

/// The form that starts a review: programme, unit, kind, period.
enum ReviewNewView {
    static func render(values: ReviewStart, programmes: [(value: String, label: String)], errors: FormErrors, csrf: String) -> Markup {
        let kinds = ReviewKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1("Lập báo cáo sơ kết, tổng kết"),
            H.p("Hệ thống soạn sẵn các phần của báo cáo với số liệu của tổ chức đảng và các đơn vị trực thuộc trong kỳ; "
                + "sau khi lập, bạn sửa lời văn và thông tin văn bản."),
            H.el("p", ["class": "actions", "id": "review-kind-presets"], children: [H.text("Điền sẵn kỳ báo cáo: ")]
                + ReviewKind.allCases.map { kind in
                    H.a(SiteURL.reviewNew.with([("loai", kind.rawValue), ("don-vi", values.unitCode)]), kind.label, class: "button")
                }),
            Form.errorSummary(errors),
            Form.post(action: SiteURL.reviewNew.path, csrf: csrf, id: "review-new-form", [
                Form.select("programme", "Chương trình", options: programmes, selected: values.programmeID, errors: errors, required: true),
                Form.text("unit", "Mã tổ chức đảng", value: values.unitCode, errors: errors, required: true,
                          hint: "Báo cáo gồm tổ chức đảng này và các đơn vị trực thuộc.", extra: [("autocomplete", "off")]),
                Form.select("kind", "Loại báo cáo", options: kinds, selected: values.kind, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("from", "Từ ngày", value: values.from, errors: errors, type: "date", required: true),
                Form.text("to", "Đến ngày", value: values.to, errors: errors, type: "date", required: true,
                          hint: "Sơ kết 3 năm Kết luận 01-KL/TW: 18/5/2021 – 18/5/2024; báo cáo năm: cả năm."),
                H.el("p", ["class": "actions"], Form.submit("Lập báo cáo"), H.a(SiteURL.reviews.path, "Hủy", class: "button")),
            ]),
        ])
    }
}

/// The form that edits a saved review's header, signature, recipients and parts.
enum ReviewEditView {
    struct Values: Sendable {
        var superiorBody = ""
        var issuingBody = ""
        var number = ""
        var place = ""
        var issuedOn = ""
        var summary = ""
        var signatureOnBehalf = ""
        var signatureTitle = ""
        var signatureName = ""
        var recipients = ""
        var parts = ["", "", "", ""]
    }

    static func render(id: Int, title: String, values: Values, errors: FormErrors, csrf: String) -> Markup {
        H.group([
            H.h1("Sửa báo cáo"),
            H.p(title, class: "hint"),
            Form.errorSummary(errors),
            Form.post(action: SiteURL.reviewEdit(id).path, csrf: csrf, id: "review-edit-form", [
                Form.text("cap-tren", "Cơ quan cấp trên", value: values.superiorBody, errors: errors),
                Form.text("co-quan", "Cơ quan ban hành", value: values.issuingBody, errors: errors, required: true),
                Form.text("so", "Số văn bản", value: values.number, errors: errors, required: true, hint: "Ví dụ: Số 12-BC/TU."),
                Form.text("dia-danh", "Địa danh", value: values.place, errors: errors, required: true),
                Form.text("ngay", "Ngày ban hành", value: values.issuedOn, errors: errors, type: "date", required: true),
                Form.text("trich-yeu", "Trích yếu", value: values.summary, errors: errors, required: true),
            ] + values.parts.enumerated().map { i, text in
                Form.textarea("phan-\(i + 1)", ReviewPart.titles[i], value: text, errors: errors, rows: 14)
            } + [
                Form.text("tm", "Thẩm quyền ký", value: values.signatureOnBehalf, errors: errors),
                Form.text("chuc-vu", "Chức vụ người ký", value: values.signatureTitle, errors: errors),
                Form.text("nguoi-ky", "Người ký", value: values.signatureName, errors: errors),
                Form.textarea("noi-nhan", "Nơi nhận (mỗi dòng một nơi)", value: values.recipients, errors: errors, rows: 4),
                H.p("Mỗi đoạn văn cách nhau một dòng trống; dòng ngắn bắt đầu bằng “1.”, “2.”… là tiêu đề mục.", class: "hint"),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(SiteURL.review(id).path, "Hủy", class: "button")),
            ]),
        ])
    }
}
