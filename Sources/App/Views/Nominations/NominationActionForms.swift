import Domain
import Plot

/// The forms of the steps this account may take, each posting `action` to …/xu-ly.
enum NominationActionForms {
    static func render(_ m: NominationPageModel, csrf: String) -> Markup {
        guard !m.actions.isEmpty else { return .empty }
        let path = SiteURL.nominationAction(m.line.nomination.id).path
        let forms = m.actions.map { action -> Markup in
            switch action {
            case .submit:
                return Form.post(action: path, csrf: csrf, id: "nomination-submit", [
                    Form.hidden("action", action.rawValue),
                    H.p("Gửi đề nghị cùng hồ sơ lên cấp trên trực tiếp; khi đã gửi, không sửa được nữa trừ khi bị trả lại.", class: "hint"),
                    Form.submit("Gửi lên cấp trên"),
                ])
            case .returnForRevision:
                return Form.post(action: path, csrf: csrf, id: "nomination-return", [
                    Form.hidden("action", action.rawValue),
                    Form.textarea("comment", "Lý do trả lại (bắt buộc)", value: m.fields["comment"], errors: m.errors, rows: 3),
                    Form.submit("Trả lại", class: "button"),
                ])
            case .forward:
                return Form.post(action: path, csrf: csrf, id: "nomination-forward", [
                    Form.hidden("action", action.rawValue),
                    Form.submit(action.label),
                ])
            case .decide:
                return decideForm(m, path: path, csrf: csrf)
            }
        }
        return H.el("section", ["id": "nomination-actions", "aria-labelledby": "nomination-actions-title"],
            H.el("h2", ["id": "nomination-actions-title"], .text("Xử lý đề nghị")),
            H.group(forms))
    }

    private static func decideForm(_ m: NominationPageModel, path: String, csrf: String) -> Markup {
        let typed = !m.fields.isEmpty
        let rows = m.candidates.map { c -> Markup in
            let id = String(c.id!)
            let accepted = typed ? m.fields["accept-\(id)"] != nil : true
            return H.el("fieldset", ["class": "candidate"],
                H.el("legend", [:], .text(c.recipientName)),
                H.el("div", ["class": "field"],
                     H.el("label", ["for": "f-accept-\(id)"],
                          H.el("input", ["type": "checkbox", "id": "f-accept-\(id)", "name": "accept-\(id)", "value": "1",
                                         "checked": accepted ? "" : nil]),
                          .text(" Được khen thưởng"))),
                Form.select("form-\(id)", "Hình thức", options: m.options.forms, selected: m.fields["form-\(id)"] ?? String(c.formID),
                            errors: m.errors))
        }
        return Form.post(action: path, csrf: csrf, id: "nomination-decide", [
            Form.hidden("action", NominationAction.decide.rawValue),
            H.el("h3", [:], .text("Ra quyết định khen thưởng")),
            Form.select("issuerId", "Cấp khen", options: m.options.issuers, selected: m.fields["issuerId"], errors: m.errors,
                        required: true, blank: "— Chọn cấp khen —"),
            Form.text("decisionNumber", "Số quyết định", value: m.fields["decisionNumber"], errors: m.errors, required: true,
                      hint: "Ví dụ: 15-QĐ/TU.", extra: [("autocomplete", "off")]),
            Form.text("decidedOn", "Ngày quyết định", value: m.fields["decidedOn"], errors: m.errors, type: "date", required: true),
            H.group(rows),
            Form.submit("Ra quyết định khen thưởng"),
        ])
    }
}
