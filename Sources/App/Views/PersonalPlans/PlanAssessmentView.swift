import Domain
import Plot

struct PlanAssessmentPageModel: Sendable {
    let cellCode: String
    let cellName: String
    let year: Int
    let lines: [PlanAssessmentLine]
    let editable: Bool
    let yearEnd: Bool
    /// What was typed, by plan id, when the form comes back with errors.
    let typed: [Int: PlanAssessmentMark]
}

/// The year-end assessment of a whole cell on one screen: each submitted plan gets "hoàn thành"
/// or "không hoàn thành" and a comment; one button saves them all.
enum PlanAssessmentView {
    static func assessmentField(_ planID: Int) -> String { "a-\(planID)" }
    static func commentField(_ planID: Int) -> String { "c-\(planID)" }

    static func render(_ m: PlanAssessmentPageModel, errors: FormErrors, csrf: String) -> Markup {
        let pairs: [(String, String?)] = [("don-vi", m.cellCode), ("nam", String(m.year))]
        var parts: [Markup] = [
            H.el("p", [:], H.a(SiteURL.personalPlans.with(pairs), "‹ Kế hoạch cá nhân của chi bộ")),
            H.h1("Đánh giá kế hoạch cá nhân năm \(m.year)"),
            H.p(m.cellName, class: "hint"),
        ]
        if !m.yearEnd { parts.append(H.p("Đánh giá cuối năm mở từ ngày 1/12/\(m.year).", class: "hint")) }
        guard !m.lines.isEmpty else {
            return H.group(parts + [H.p("Chi bộ chưa có kế hoạch cá nhân nào năm \(m.year).", class: "empty")])
        }
        let open = m.editable && m.yearEnd
        let blocks = m.lines.map { block($0, typed: m.typed[$0.plan.id!], open: open, errors: errors) }
        guard open else { return H.group(parts + blocks) }
        let save = H.el("p", ["class": "actions"], Form.submit("Lưu đánh giá"))
        return H.group(parts + [
            Form.errorSummary(errors),
            Form.post(action: SiteURL.personalPlanAssessment.with(pairs), csrf: csrf, id: "plan-assessment-form", [
                Form.hidden("unit", m.cellCode), Form.hidden("year", String(m.year)),
                H.p("Chỉ kế hoạch đã nộp mới đánh giá được. Chọn kết quả cho từng đảng viên rồi bấm “Lưu đánh giá” một lần.", class: "hint"),
                H.group(blocks),
                save,
            ]),
        ])
    }

    /// One member: the plan's state and self-assessment, then the choices and the comment.
    private static func block(_ line: PlanAssessmentLine, typed: PlanAssessmentMark?, open: Bool, errors: FormErrors) -> Markup {
        let plan = line.plan
        let id = plan.id!
        let status = PersonalPlanWords.status(plan.status, submittedOn: plan.submittedOn, late: false)
        var content: [Markup] = [
            H.el("legend", [:], H.a(SiteURL.personalPlan(id).path, line.fullName)),
            H.p(status, class: "hint"),
        ]
        if !plan.selfAssessment.isEmpty { content.append(H.p("Tự đánh giá: " + plan.selfAssessment)) }
        guard open && plan.status == .submitted else {
            content.append(H.p("Chi bộ đánh giá: " + PersonalPlanWords.assessment(plan.assessment, on: plan.assessedOn)
                + (plan.assessmentComment.isEmpty ? "" : ". Nhận xét: " + plan.assessmentComment)))
            return H.el("fieldset", ["class": "plan-assessment", "data-plan": String(id)], children: content)
        }
        let chosen = typed?.assessment ?? plan.assessment?.rawValue ?? ""
        let choices: [(String, String)] = PlanAssessment.allCases.map { ($0.rawValue, $0.label) } + [("", "Chưa đánh giá")]
        let field = assessmentField(id)
        content.append(H.el("div", ["class": "choices", "role": "radiogroup", "aria-label": "Kết quả của \(line.fullName)"],
            children: choices.map { value, label in
                H.el("label", ["class": "choice"],
                     H.el("input", ["type": "radio", "name": field, "value": value, "checked": value == chosen ? "" : nil]),
                     .text(" " + label))
            }))
        errors[field].map { content.append(H.el("p", ["class": "error"], .text($0))) }
        content.append(Form.text(commentField(id), "Nhận xét", value: typed?.comment ?? plan.assessmentComment, errors: errors,
                                 extra: [("maxlength", String(PersonalPlanService.commentLimit))]))
        return H.el("fieldset", ["class": "plan-assessment", "data-plan": String(id)], children: content)
    }
}

/// A form asking which cell and year, for the pages that work on one cell.
enum CellYearPicker {
    static func render(title: String, action: SiteURL, unit: String, year: Int, note: String?) -> Markup {
        let none = FormErrors()
        return H.group([
            H.h1(title),
            note.map { H.el("p", ["class": "flash-error", "role": "status"], .text($0)) } ?? .empty,
            H.el("form", ["method": "get", "action": action.path, "class": "filters"],
                Form.text("don-vi", "Mã chi bộ", value: unit, errors: none, required: true),
                Form.text("nam", "Năm", value: String(year), errors: none, type: "number", extra: [("inputmode", "numeric")]),
                Form.submit("Mở")),
        ])
    }
}
