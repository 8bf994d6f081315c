import Domain
import Plot

/// The plan form as the member and the writers of their cell fill it: up to eight items, the
/// commitments, the self-assessment at year end; one column, big fields, for a phone.
struct PersonalPlanFormModel: Sendable {
    let action: String
    let values: PersonalPlanInput
    /// The plan has been submitted: saving keeps it submitted.
    let submitted: Bool
    /// December or later of the plan's year: the self-assessment is open.
    let yearEnd: Bool
    /// A writer fills the plan from paper and may give the day it was handed in.
    let paper: Bool
    let cancel: String
}

enum PersonalPlanForm {
    /// The form fields of the items, the commitments and the button that was pressed.
    static func itemField(_ n: Int) -> String { "item\(n)" }
    static let actionField = "action"
    static let saveDraft = "luu-nhap"
    static let submit = "nop"

    static func render(_ m: PersonalPlanFormModel, errors: FormErrors, csrf: String) -> Markup {
        let typed = m.values.items ?? []
        let items = (1...PersonalPlanService.maxItems).map { n in
            Form.text(itemField(n), "Việc \(n)", value: typed.indices.contains(n - 1) ? typed[n - 1] : "",
                      errors: FormErrors(), extra: [("maxlength", String(PersonalPlanService.itemLimit))])
        }
        let itemsBlock = H.el("fieldset", ["class": errors["items"] == nil ? "plan-items" : "plan-items invalid"],
            H.el("legend", [:], .text("Những việc làm theo Bác trong năm"), H.el("span", ["class": "req", "aria-hidden": "true"], .text(" *"))),
            H.p("Tối đa \(PersonalPlanService.maxItems) việc, mỗi ô một việc; ô để trống được bỏ qua. Cần ít nhất một việc để nộp.", class: "hint"),
            errors["items"].map { H.el("p", ["class": "error", "id": "e-items"], .text($0)) } ?? .empty,
            H.group(items))
        var fields: [Markup] = [
            itemsBlock,
            Form.textarea("commitment", "Cam kết tu dưỡng, rèn luyện, phấn đấu (bắt buộc khi nộp)", value: m.values.commitment, errors: errors, rows: 4),
            Form.textarea("exemplaryCommitment", "Cam kết nêu gương (nếu có)", value: m.values.exemplaryCommitment, errors: errors, rows: 3),
        ]
        if m.yearEnd {
            fields.append(Form.textarea("selfAssessment", "Tự đánh giá kết quả thực hiện trong năm", value: m.values.selfAssessment,
                                        errors: errors, rows: 4))
        }
        if m.paper {
            fields.append(Form.text("submittedOn", "Ngày nộp (theo bản giấy)", value: m.values.submittedOn, errors: errors, type: "date",
                                    hint: "Khi nhập kế hoạch từ bản giấy: ngày đảng viên nộp cho chi bộ. Để trống: hôm nay."))
        }
        errors["status"].map { fields.append(H.el("p", ["class": "error", "id": "e-status"], .text($0))) }
        let buttons: [Markup] = m.submitted
            ? [button("Lưu thay đổi", submit, primary: true)]
            : [button("Lưu nháp", saveDraft, primary: false), button("Nộp kế hoạch", submit, primary: true)]
        fields.append(H.el("p", ["class": "actions"], children: buttons + [H.a(m.cancel, "Hủy", class: "button")]))
        return H.group([
            Form.errorSummary(errors),
            Form.post(action: m.action, csrf: csrf, id: "personal-plan-form", class: "plan-form", fields),
        ])
    }

    private static func button(_ label: String, _ value: String, primary: Bool) -> Markup {
        H.el("button", ["type": "submit", "name": actionField, "value": value, "class": primary ? "button primary" : "button"], .text(label))
    }

    /// The input of a posted form: `fields` as decoded from the body.
    static func input(_ fields: [String: String]) -> PersonalPlanInput {
        let status: PersonalPlanStatus? = switch fields[actionField] {
        case submit: .submitted
        case saveDraft: .draft
        default: nil
        }
        return PersonalPlanInput(
            items: (1...PersonalPlanService.maxItems).map { fields[itemField($0)] ?? "" },
            commitment: fields["commitment"], exemplaryCommitment: fields["exemplaryCommitment"],
            selfAssessment: fields["selfAssessment"], submittedOn: fields["submittedOn"], status: status)
    }
}
