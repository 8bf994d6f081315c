import Domain
import Plot

/// One commendation as its page shows it. A person recipient is named only: no birth date,
/// no phone.
struct CommendationFacts: Sendable {
    let id: Int
    let formName: String
    let isPraise: Bool
    let issuerName: String
    let recipientKind: CommendationRecipient
    let recipientName: String
    /// The unit commended, linked when it is a unit of the tree.
    let recipientUnitID: Int?
    let period: String
    let event: String
    let reason: String
    let decisionNumber: String
    let decidedOn: LocalDate
    let unitName: String
    let unitID: Int
    /// The nomination whose decision created it, if any.
    var nomination: (id: Int, title: String)? = nil
}

enum CommendationDetailView {
    static func render(_ c: CommendationFacts, canEdit: Bool) -> Markup {
        let recipient = c.recipientUnitID.map { H.a(SiteURL.unit($0).path, c.recipientName) } ?? H.text(c.recipientName)
        return H.group([
            H.el("p", [:], H.a(SiteURL.commendations.path, "‹ Khen thưởng")),
            H.h1(c.formName + ": " + c.recipientName),
            H.facts([
                ("Hình thức", H.text(c.formName + (c.isPraise ? " (biểu dương)" : ""))),
                ("Cấp khen", H.text(c.issuerName)),
                ("Đối tượng", H.text(c.recipientKind.label)),
                ("Được khen", recipient),
                ("Thời gian", H.text(c.period)),
                ("Đợt khen thưởng", H.text(c.event.isEmpty ? "—" : c.event)),
                ("Thành tích", H.text(c.reason)),
                ("Quyết định", H.text("Số " + c.decisionNumber + ", ngày " + VietnameseFormat.date(c.decidedOn))),
                ("Đơn vị ghi nhận", H.a(SiteURL.unit(c.unitID).path, c.unitName)),
            ] + (c.nomination.map { [("Theo đề nghị", H.a(SiteURL.nomination($0.id).path, $0.title))] } ?? [])),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.commendationEdit(c.id).path, "Sửa khen thưởng", class: "button")) : .empty,
        ])
    }
}

enum CommendationFormView {
    /// `id` nil: a new commendation.
    static func render(id: Int?, values: CommendationInput, options: CommendationListView.Options, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.commendationEdit($0).path } ?? SiteURL.commendationNew.path
        let back = id.map { SiteURL.commendation($0).path } ?? SiteURL.commendations.path
        let kinds = CommendationRecipient.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Thêm khen thưởng" : "Sửa khen thưởng"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "commendation-form", [
                Form.text("unit", "Mã đơn vị ghi nhận", value: values.unitCode, errors: errors, required: true,
                          hint: "Tổ chức đảng ghi nhận khen thưởng này, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.select("formId", "Hình thức khen thưởng", options: options.forms, selected: values.formID, errors: errors,
                            required: true, blank: "— Chọn hình thức —"),
                Form.select("issuerId", "Cấp khen", options: options.issuers, selected: values.issuerID, errors: errors,
                            required: true, blank: "— Chọn cấp khen —"),
                Form.select("recipientKind", "Đối tượng được khen", options: kinds, selected: values.recipientKind, errors: errors,
                            required: true, blank: "— Chọn đối tượng —"),
                Form.text("recipientUnit", "Mã tổ chức đảng được khen", value: values.recipientUnitCode, errors: errors,
                          hint: "Khi đối tượng là tập thể (tổ chức đảng).", extra: [("autocomplete", "off")]),
                Form.text("personId", "Mã số cá nhân được khen", value: values.personID, errors: errors,
                          hint: "Khi đối tượng là cá nhân: mã số trên trang của người đó.", extra: [("inputmode", "numeric")]),
                Form.text("recipientName", "Tên tập thể khác hoặc các tác giả", value: values.recipientName, errors: errors,
                          hint: "Khi đối tượng là tập thể khác hoặc nhóm tác giả; các tác giả cách nhau bằng dấu phẩy."),
                Form.text("fromYear", "Từ năm", value: values.fromYear, errors: errors, type: "number", required: true,
                          extra: [("min", String(YearRecordFields.firstYear)), ("inputmode", "numeric")]),
                Form.text("toYear", "Đến năm", value: values.toYear, errors: errors, type: "number",
                          hint: "Để trống nếu khen cho một năm; ví dụ 2021–2023 cho một giai đoạn.",
                          extra: [("min", String(YearRecordFields.firstYear)), ("inputmode", "numeric")]),
                Form.text("event", "Đợt khen thưởng", value: values.event, errors: errors,
                          hint: "Ví dụ: Sơ kết 3 năm thực hiện Kết luận 01-KL/TW."),
                Form.textarea("reason", "Thành tích", value: values.reason, errors: errors),
                Form.text("decisionNumber", "Số quyết định", value: values.decisionNumber, errors: errors, required: true,
                          hint: "Ví dụ: 15-QĐ/ĐUK hoặc 123/QĐ-UBND.", extra: [("autocomplete", "off")]),
                Form.text("decidedOn", "Ngày quyết định", value: values.decidedOn, errors: errors, type: "date", required: true),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
