import Domain
import Plot

/// A plan's breakthrough goals, by deadline.
enum GoalTable {
    static func render(_ goals: [BreakthroughGoal]) -> Markup {
        let rows = goals.map { g in
            H.row([
                H.a(SiteURL.goal(g.id).path, g.title),
                .text(VietnameseFormat.date(g.deadline)),
                .text(g.status.label),
            ])
        }
        return H.table(id: "goal-list", headers: ["Nội dung đột phá", "Thời hạn", "Tình trạng"], rows: rows,
                       empty: "Chưa đăng ký nội dung đột phá nào.")
    }
}

/// A goal's page: its facts, its progress notes and, for writers, the form to add one.
struct GoalPageModel: Sendable {
    let goal: BreakthroughGoal
    let plan: UnitPlan
    let unitName: String
    let notes: [GoalProgressNote]
    let canEdit: Bool
    var noteDate = LocalDate.today().iso
    var noteText = ""
    var errors = FormErrors()
}

enum GoalDetailView {
    static func render(_ m: GoalPageModel, csrf: String) -> Markup {
        let g = m.goal
        let facts: [(String, Markup)] = [
            ("Kế hoạch", H.a(SiteURL.unitPlan(m.plan.id).path, "\(UnitPlanDetailView.title(m.plan)): \(m.plan.theme)")),
            ("Tổ chức đảng", H.a(SiteURL.unit(g.unitID).path, m.unitName)),
            ("Kết quả dự kiến", .text(g.expectedResult)),
            ("Thời hạn hoàn thành", .text(VietnameseFormat.date(g.deadline))),
            ("Tình trạng", H.el("span", ["id": "goal-status"], .text(g.status.label))),
            ("Ngày kết thúc", .text(g.finishedOn.map(VietnameseFormat.date) ?? "—")),
            ("Kết quả cuối cùng", .text(g.finalResult.isEmpty ? "—" : g.finalResult)),
        ]
        let rows = m.notes.map { n in
            H.row([.text(VietnameseFormat.date(n.onDate)), .text(n.note), .text(n.username)])
        }
        var noteForm: Markup = .empty
        if m.canEdit {
            noteForm = H.group([
                H.h2("Ghi tiến độ"),
                Form.errorSummary(m.errors),
                Form.post(action: SiteURL.goalNote(g.id).path, csrf: csrf, id: "goal-note-form", [
                    Form.text("onDate", "Ngày", value: m.noteDate, errors: m.errors, type: "date", required: true),
                    Form.textarea("note", "Việc đã làm, kết quả đạt được", value: m.noteText, errors: m.errors, rows: 3),
                    H.el("p", ["class": "actions"], Form.submit("Ghi tiến độ")),
                ]),
            ])
        }
        return H.group([
            H.el("p", [:], H.a(SiteURL.unitPlan(m.plan.id).path, "‹ Kế hoạch")),
            H.h1(g.title),
            H.p("Nội dung đột phá của \(m.unitName)", class: "hint"),
            H.facts(facts),
            m.canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.goalEdit(g.id).path, "Sửa, cập nhật kết quả", class: "button")) : .empty,
            H.h2("Tiến độ thực hiện"),
            H.table(id: "goal-notes", headers: ["Ngày", "Tiến độ", "Người ghi"], rows: rows, empty: "Chưa ghi tiến độ lần nào."),
            noteForm,
        ])
    }
}

enum GoalFormView {
    /// `goalID` nil: a new goal of the plan `planID`.
    static func render(goalID: Int?, planID: Int, planTitle: String, values: GoalInput, errors: FormErrors, csrf: String) -> Markup {
        let action = goalID.map { SiteURL.goalEdit($0).path } ?? SiteURL.goalNew(planID).path
        let back = goalID.map { SiteURL.goal($0).path } ?? SiteURL.unitPlan(planID).path
        let statuses = GoalStatus.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(goalID == nil ? "Đăng ký nội dung đột phá" : "Sửa nội dung đột phá"),
            H.p(planTitle, class: "hint"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "goal-form", [
                Form.text("title", "Nội dung đột phá", value: values.title, errors: errors, required: true),
                Form.textarea("expectedResult", "Kết quả dự kiến (đạt được gì, đo bằng gì)", value: values.expectedResult,
                              errors: errors, rows: 3),
                Form.text("deadline", "Thời hạn hoàn thành", value: values.deadline, errors: errors, type: "date", required: true),
                Form.select("status", "Tình trạng", options: statuses, selected: values.status, errors: errors, required: true),
                Form.textarea("finalResult", "Kết quả cuối cùng (bắt buộc khi hoàn thành hoặc không hoàn thành)",
                              value: values.finalResult, errors: errors, rows: 3),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
