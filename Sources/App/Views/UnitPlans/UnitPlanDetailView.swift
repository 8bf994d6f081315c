import Domain
import Plot

/// A plan's page: its facts and content, the review steps the account may take, its
/// breakthrough goals and the review history.
struct UnitPlanPageModel: Sendable {
    let line: UnitPlanLine
    let events: [UnitPlanEvent]
    let goals: [BreakthroughGoal]
    /// The review steps this account may take now.
    let actions: [PlanAction]
    let canEdit: Bool
    let canAddGoal: Bool
    /// The comment typed when a step was refused, kept for the next try.
    var comment = ""
    var errors = FormErrors()
}

enum UnitPlanDetailView {
    /// "Kế hoạch năm 2024", "Kế hoạch toàn khóa".
    static func title(_ p: UnitPlan) -> String {
        let name = UnitPlanService.name(p.scope, p.year)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func render(_ m: UnitPlanPageModel, csrf: String) -> Markup {
        let p = m.line.plan
        let unitName = m.line.unit?.name ?? ""
        var due: Markup = .text("Chưa có (cấp trên chưa đặt hạn)")
        if let day = m.line.due {
            due = H.group([.text(VietnameseFormat.date(day) + " "), UnitPlanTable.timelinessBadge(m.line.timeliness)])
        }
        let facts: [(String, Markup)] = [
            ("Tổ chức đảng", H.a(SiteURL.unit(p.unitID).path, unitName)),
            ("Chương trình", .text(m.line.programme?.documentNumber ?? "")),
            ("Loại kế hoạch", .text(p.scope.label)),
            ("Năm", .text(p.scope == .year ? String(p.year) : "\(p.year) (năm đầu của chương trình)")),
            ("Chủ đề", .text(p.theme)),
            ("Số, ký hiệu", .text(p.documentNumber.isEmpty ? "—" : p.documentNumber)),
            ("Trạng thái", H.el("span", ["id": "plan-status"], .text(p.status.label))),
            ("Hạn nộp", H.el("span", ["id": "plan-due"], due)),
            ("Nộp lần đầu", .text(p.firstSubmittedOn.map(VietnameseFormat.date) ?? "—")),
            ("Nộp gần nhất", .text(p.submittedOn.map(VietnameseFormat.date) ?? "—")),
            ("Ngày duyệt", .text(p.approvedOn.map(VietnameseFormat.date) ?? "—")),
        ]
        let paragraphs = p.content.split(separator: "\n", omittingEmptySubsequences: true).map { H.p(String($0)) }
        return H.group([
            H.el("p", [:], H.a(SiteURL.unitPlans.with([("don-vi", m.line.unit?.code)]), "‹ Kế hoạch thực hiện")),
            H.h1("\(title(p)) — \(unitName)"),
            H.p(p.theme, class: "hint"),
            H.facts(facts),
            m.canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.unitPlanEdit(p.id).path, "Sửa kế hoạch", class: "button")) : .empty,
            reviewForm(m, csrf: csrf),
            H.h2("Nội dung kế hoạch"),
            paragraphs.isEmpty ? H.p("Chưa nhập nội dung.", class: "empty") : H.el("div", ["id": "plan-content"], children: paragraphs),
            H.h2("Nội dung đột phá"),
            GoalTable.render(m.goals),
            m.canAddGoal ? H.el("p", ["class": "actions"], H.a(SiteURL.goalNew(p.id).path, "Đăng ký nội dung đột phá", class: "button")) : .empty,
            H.h2("Quá trình xem xét"),
            history(m.events),
        ])
    }

    /// One form, one button per step the account may take; the comment goes with any of them.
    private static func reviewForm(_ m: UnitPlanPageModel, csrf: String) -> Markup {
        guard !m.actions.isEmpty else { return .empty }
        let reviews = m.actions.contains(.approve)
        let buttons = m.actions.map { action in
            H.el("button", ["type": "submit", "name": "action", "value": action.rawValue,
                            "class": action == .returnForRevision ? "button" : "button primary"],
                 .text(buttonLabel(action)))
        }
        return H.el("section", ["id": "plan-review", "aria-labelledby": "review-title"],
            H.el("h2", ["id": "review-title"], .text(reviews ? "Xem xét kế hoạch" : "Nộp kế hoạch")),
            Form.errorSummary(m.errors),
            Form.post(action: SiteURL.unitPlanAction(m.line.plan.id).path, csrf: csrf, id: "plan-action-form", [
                Form.textarea("comment", reviews ? "Ý kiến (bắt buộc khi trả lại)" : "Ghi chú khi nộp", value: m.comment,
                              errors: m.errors, rows: 3),
                H.el("p", ["class": "actions"], children: buttons),
            ]))
    }

    static func buttonLabel(_ action: PlanAction) -> String {
        switch action {
        case .submit: "Nộp kế hoạch lên cấp trên"
        case .returnForRevision: "Trả lại để sửa"
        case .approve: "Duyệt kế hoạch"
        }
    }

    private static func history(_ events: [UnitPlanEvent]) -> Markup {
        let rows = events.map { e in
            H.row([
                .text(VietnameseFormat.date(e.onDate)),
                .text(e.action.label),
                .text(e.username),
                .text(e.comment.isEmpty ? "—" : e.comment),
            ])
        }
        return H.table(id: "plan-history", headers: ["Ngày", "Bước", "Người thực hiện", "Ý kiến"], rows: rows,
                       empty: "Kế hoạch chưa nộp lần nào.")
    }
}
