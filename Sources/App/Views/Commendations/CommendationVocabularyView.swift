import Domain
import Plot

/// The forms and issuers of commendations, each with a link to edit, and a form to add one.
enum CommendationVocabularyView {
    struct Term: Sendable {
        let id: Int
        let name: String
        let isPraise: Bool?
        let sortOrder: Int
    }

    /// `formErrors`/`issuerErrors` and the values belong to the add form that was submitted.
    static func render(
        forms: [Term], issuers: [Term], formValues: CommendationTermInput, formErrors: FormErrors,
        issuerValues: CommendationTermInput, issuerErrors: FormErrors, csrf: String
    ) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.commendations.path, "‹ Khen thưởng")),
            H.h1("Hình thức khen thưởng và cấp khen"),
            H.h2("Hình thức khen thưởng"),
            H.table(id: "commendation-forms", headers: ["Tên", "Biểu dương", "Thứ tự"], rows: forms.map { t in
                H.row([H.a(SiteURL.commendationFormEdit(t.id).path, t.name), H.text(t.isPraise == true ? "Có" : "—"),
                       H.text(String(t.sortOrder))])
            }),
            H.el("h3", [:], .text("Thêm hình thức")),
            Form.errorSummary(formErrors),
            termForm(action: SiteURL.commendationFormNew.path, values: formValues, errors: formErrors, isForm: true, csrf: csrf),
            H.h2("Cấp khen"),
            H.table(id: "commendation-issuers", headers: ["Tên", "Thứ tự"], rows: issuers.map { t in
                H.row([H.a(SiteURL.commendationIssuerEdit(t.id).path, t.name), H.text(String(t.sortOrder))])
            }),
            H.el("h3", [:], .text("Thêm cấp khen")),
            Form.errorSummary(issuerErrors),
            termForm(action: SiteURL.commendationIssuerNew.path, values: issuerValues, errors: issuerErrors, isForm: false, csrf: csrf),
        ])
    }

    /// The edit page of one form (`isForm`) or one issuer.
    static func edit(action: String, isForm: Bool, values: CommendationTermInput, errors: FormErrors, csrf: String) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.commendationVocabulary.path, "‹ Hình thức khen thưởng và cấp khen")),
            H.h1(isForm ? "Sửa hình thức khen thưởng" : "Sửa cấp khen"),
            Form.errorSummary(errors),
            termForm(action: action, values: values, errors: errors, isForm: isForm, csrf: csrf),
        ])
    }

    private static func termForm(action: String, values: CommendationTermInput, errors: FormErrors, isForm: Bool, csrf: String) -> Markup {
        Form.post(action: action, csrf: csrf, [
            Form.text("name", "Tên", value: values.name, errors: errors, required: true),
            isForm
                ? H.el("div", ["class": "field"],
                       H.el("label", [:],
                            H.el("input", ["type": "checkbox", "name": "isPraise", "value": "on", "checked": values.praise ? "" : nil]),
                            .text(" Là hình thức biểu dương (chỉ tiêu V.2)")))
                : .empty,
            Form.text("sortOrder", "Thứ tự hiển thị", value: values.sortOrder, errors: errors, type: "number",
                      hint: "Số nhỏ đứng trước; để trống là 100.", extra: [("min", "0"), ("inputmode", "numeric")]),
            H.el("p", ["class": "actions"], Form.submit("Lưu")),
        ])
    }
}
