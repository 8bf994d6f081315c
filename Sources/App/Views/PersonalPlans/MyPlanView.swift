import Domain
import Plot

/// The member's own plan of a year: where it stands and the form, or the plan as assessed.
struct MyPlanPageModel: Sendable {
    let year: Int
    let years: ClosedRange<Int>
    /// Why the account cannot write a plan, when it cannot.
    let problem: String?
    let facts: PersonalPlanFacts?
    let due: LocalDate?
    /// nil once the cell has assessed the plan.
    let form: PersonalPlanFormModel?
    let fromTemplate: Bool
    /// The member's plans of other years: year and status words.
    let otherYears: [(year: Int, words: String)]
}

enum MyPlanView {
    static func render(_ m: MyPlanPageModel, errors: FormErrors, csrf: String) -> Markup {
        var nav: [Markup] = []
        if m.years.contains(m.year - 1) { nav.append(H.a(link(m.year - 1), "‹ Năm \(m.year - 1)", class: "button")) }
        if m.years.contains(m.year + 1) { nav.append(H.a(link(m.year + 1), "Năm \(m.year + 1) ›", class: "button")) }
        var parts: [Markup] = [H.h1("Kế hoạch của tôi năm \(m.year)")]
        guard m.problem == nil else {
            return H.group(parts + [H.p(m.problem!, class: "empty"), H.el("p", ["class": "actions"], children: nav)])
        }
        let f = m.facts
        var status: [(String, Markup)] = [
            ("Tình trạng", H.text(PersonalPlanWords.status(f?.status, submittedOn: f?.submittedOn, late: f?.late ?? false))),
            ("Hạn nộp", H.text(m.due.map(VietnameseFormat.date) ?? "Cấp ủy chưa đặt hạn nộp")),
        ]
        if let f, f.assessment != nil || !f.assessmentComment.isEmpty {
            status.append(("Chi bộ đánh giá", H.text(PersonalPlanWords.assessment(f.assessment, on: f.assessedOn))))
            if !f.assessmentComment.isEmpty { status.append(("Nhận xét của chi bộ", H.text(f.assessmentComment))) }
        }
        parts.append(H.facts(status))
        if let form = m.form {
            if m.fromTemplate {
                parts.append(H.p("Đã điền sẵn theo mẫu kế hoạch của chi bộ: sửa lại cho hợp với nhiệm vụ của bạn rồi bấm “Nộp kế hoạch”.", class: "hint"))
            } else if f?.status == .submitted {
                parts.append(H.p("Kế hoạch đã nộp vẫn sửa được cho đến khi chi bộ đánh giá.", class: "hint"))
            }
            parts.append(PersonalPlanForm.render(form, errors: errors, csrf: csrf))
        } else if let f {
            parts.append(H.p(PersonalPlanService.assessedMessage, class: "hint"))
            parts += [
                H.h2("Những việc làm theo Bác"), PersonalPlanWords.items(f.items),
                H.facts([
                    ("Cam kết tu dưỡng, rèn luyện, phấn đấu", H.text(f.commitment.isEmpty ? "—" : f.commitment)),
                    ("Cam kết nêu gương", H.text(f.exemplaryCommitment.isEmpty ? "—" : f.exemplaryCommitment)),
                    ("Tự đánh giá", H.text(f.selfAssessment.isEmpty ? "—" : f.selfAssessment)),
                ]),
            ]
        }
        if !m.otherYears.isEmpty {
            parts.append(H.h2("Các năm khác"))
            parts.append(H.el("ul", [:], children: m.otherYears.map { item in
                H.el("li", [:], H.a(link(item.year), "Năm \(item.year)"), .text(": " + item.words))
            }))
        }
        parts.append(H.el("p", ["class": "actions"], children: nav))
        return H.group(parts)
    }

    static func link(_ year: Int) -> String { SiteURL.myPlan.with([("nam", String(year))]) }
}
