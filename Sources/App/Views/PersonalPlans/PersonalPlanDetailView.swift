import Domain
import Plot

/// Words for where a plan stands, shared by every page that shows one.
enum PersonalPlanWords {
    /// "Chưa có kế hoạch", "Đang soạn (chưa nộp)" or "Đã nộp ngày 10/3/2025 — trễ hạn".
    static func status(_ status: PersonalPlanStatus?, submittedOn: LocalDate?, late: Bool, short: Bool = false) -> String {
        switch status {
        case nil: return "Chưa có kế hoạch"
        case .draft: return "Đang soạn (chưa nộp)"
        case .submitted:
            let day = submittedOn.map { short ? "\($0.day)/\($0.month)" : VietnameseFormat.date($0) } ?? ""
            return "Đã nộp ngày \(day)" + (late ? " — trễ hạn" : "")
        }
    }

    static func due(_ due: LocalDate?) -> String {
        due.map { "Hạn nộp: \(VietnameseFormat.date($0))" } ?? "Hạn nộp: cấp ủy chưa đặt hạn nộp kế hoạch cá nhân năm này."
    }

    static func assessment(_ value: PlanAssessment?, on day: LocalDate?) -> String {
        guard let value else { return "Chưa đánh giá" }
        return value.label + (day.map { " (ngày \(VietnameseFormat.date($0)))" } ?? "")
    }

    /// A numbered list of the items.
    static func items(_ items: [String]) -> Markup {
        items.isEmpty ? H.p("Chưa có việc nào.", class: "empty")
            : H.el("ol", ["class": "plan-items"], children: items.map { H.el("li", [:], .text($0)) })
    }
}

/// A plan's page: what it says, where it stands, the cell's assessment.
enum PersonalPlanDetailView {
    static func render(_ f: PersonalPlanFacts, canEdit: Bool, back: (href: String, label: String)?) -> Markup {
        let facts: [(String, Markup)] = [
            ("Đảng viên", H.text(f.personName)),
            ("Chi bộ", H.text(f.unitName)),
            ("Năm", H.text(String(f.year))),
            ("Tình trạng", H.text(PersonalPlanWords.status(f.status, submittedOn: f.submittedOn, late: f.late))),
            ("Hạn nộp", H.text(f.due.map(VietnameseFormat.date) ?? "Chưa đặt")),
            ("Cam kết tu dưỡng, rèn luyện, phấn đấu", H.text(f.commitment.isEmpty ? "—" : f.commitment)),
            ("Cam kết nêu gương", H.text(f.exemplaryCommitment.isEmpty ? "—" : f.exemplaryCommitment)),
            ("Tự đánh giá", H.text(f.selfAssessment.isEmpty ? "—" : f.selfAssessment)),
            ("Chi bộ đánh giá", H.text(PersonalPlanWords.assessment(f.assessment, on: f.assessedOn))),
            ("Nhận xét của chi bộ", H.text(f.assessmentComment.isEmpty ? "—" : f.assessmentComment)),
        ]
        return H.group([
            back.map { H.el("p", [:], H.a($0.href, "‹ " + $0.label)) } ?? .empty,
            H.h1("Kế hoạch cá nhân năm \(f.year)"),
            H.p(f.personName, class: "hint"),
            H.h2("Những việc làm theo Bác"),
            PersonalPlanWords.items(f.items),
            H.facts(facts),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.personalPlanEdit(f.id).path, "Sửa kế hoạch", class: "button primary")) : .empty,
        ])
    }
}
