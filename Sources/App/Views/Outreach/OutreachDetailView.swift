import Domain
import Plot

struct OutreachFacts: Sendable {
    let id: Int
    let heldOn: LocalDate
    let form: OutreachForm
    let title: String
    let participants: Int
    let note: String
    let unitName: String
    let unitID: Int
}

enum OutreachDetailView {
    static func render(_ a: OutreachFacts, canEdit: Bool) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.outreach.path, "‹ Hoạt động tuyên truyền")),
            H.h1(a.title),
            H.facts([
                ("Ngày tổ chức", H.text(VietnameseFormat.date(a.heldOn))),
                ("Hình thức", H.text(a.form.label)),
                ("Nội dung tuyên truyền", H.text(a.title)),
                ("Người tham gia", H.text(OutreachListView.participants(a.participants))),
                ("Đơn vị tổ chức", H.a(SiteURL.unit(a.unitID).path, a.unitName)),
                ("Ghi chú", H.text(a.note.isEmpty ? "—" : a.note)),
            ]),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.outreachEdit(a.id).path, "Sửa hoạt động", class: "button")) : .empty,
        ])
    }
}

enum OutreachFormView {
    /// `id` nil: a new activity.
    static func render(id: Int?, values: OutreachInput, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.outreachEdit($0).path } ?? SiteURL.outreachNew.path
        let back = id.map { SiteURL.outreachActivity($0).path } ?? SiteURL.outreach.path
        let forms = OutreachForm.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Thêm hoạt động tuyên truyền" : "Sửa hoạt động tuyên truyền"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "outreach-form", [
                Form.text("unit", "Mã đơn vị tổ chức", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng tổ chức hoạt động, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.text("heldOn", "Ngày tổ chức", value: values.heldOn, errors: errors, type: "date", required: true),
                Form.select("form", "Hình thức tuyên truyền", options: forms, selected: values.form, errors: errors, required: true,
                            blank: "— Chọn hình thức —"),
                Form.text("title", "Nội dung tuyên truyền", value: values.title, errors: errors, required: true),
                Form.text("participants", "Số lượt người tham gia", value: values.participants, errors: errors, type: "number",
                          required: true, hint: "Lượt người: một người tham gia hai lần tính hai lượt.",
                          extra: [("min", "0"), ("max", String(OutreachService.participantsLimit)), ("inputmode", "numeric")]),
                Form.textarea("note", "Ghi chú", value: values.note, errors: errors),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
