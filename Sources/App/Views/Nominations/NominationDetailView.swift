import Domain
import Plot

/// A nomination's page: where it stands, its papers and candidates, its way up the tree, and
/// the steps this account may take.
struct NominationPageModel: Sendable {
    struct Step: Sendable {
        let event: NominationEvent
        let from: String
        let to: String
    }
    let line: NominationLine
    let papers: [NominationPaper]
    let candidates: [NominationCandidate]
    let steps: [Step]
    let issuerName: String?
    let options: NominationOptions
    let actions: [NominationAction]
    let canEdit: Bool
    /// What was typed when a step was refused, kept for the next try.
    var fields: [String: String] = [:]
    var errors = FormErrors()
}

enum NominationDetailView {
    static func render(_ m: NominationPageModel, csrf: String) -> Markup {
        let n = m.line.nomination
        var facts: [(String, Markup)] = [
            ("Đơn vị đề nghị", H.a(SiteURL.unit(n.unitID).path, m.line.unitName)),
            ("Thời gian", .text(n.fromYear == n.toYear ? String(n.toYear) : "\(n.fromYear)–\(n.toYear)")),
            ("Đợt khen thưởng", .text(n.event.isEmpty ? "—" : n.event)),
            ("Trạng thái", H.el("span", ["class": "nomination-status"], .text(n.status.label))),
            ("Đang ở", H.el("span", ["class": "nomination-current-unit"], .text(m.line.currentUnitName))),
            ("Ngày gửi", .text(n.submittedOn.map(VietnameseFormat.date) ?? "—")),
        ]
        if n.status == .decided, let day = n.decidedOn {
            facts.append(("Quyết định", .text("Số \(n.decisionNumber), ngày \(VietnameseFormat.date(day)) — \(m.issuerName ?? "")")))
            facts.append(("Được khen thưởng", H.el("span", ["class": "nomination-counts"], .text(NominationService.acceptedSummary(m.candidates)))))
        }
        return H.group([
            H.el("p", [:], H.a(SiteURL.nominations.path, "‹ Đề nghị khen thưởng")),
            H.h1(n.title),
            H.facts(facts),
            m.canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.nominationEdit(n.id).path, "Sửa đề nghị", class: "button")) : .empty,
            Form.errorSummary(m.errors),
            NominationActionForms.render(m, csrf: csrf),
            H.h2("Đối tượng đề nghị"),
            candidates(m),
            H.h2("Hồ sơ kèm theo"),
            papers(m.papers),
            H.h2("Quá trình xử lý"),
            timeline(m.steps),
        ])
    }

    private static func candidates(_ m: NominationPageModel) -> Markup {
        let forms = Dictionary(m.options.forms.map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
        let decided = m.line.nomination.status == .decided
        let rows = m.candidates.map { c -> Markup in
            var result: Markup = .text("—")
            if decided {
                result = c.commendationID.map { H.a(SiteURL.commendation($0).path, "Được khen thưởng") } ?? .text("Không được khen thưởng")
            }
            return H.row([.text(c.recipientName), .text(c.recipientKind.label), .text(forms[String(c.formID)] ?? ""),
                          .text(c.achievements), result])
        }
        return H.table(id: "nomination-candidates", headers: ["Đối tượng", "Loại", "Hình thức", "Thành tích", "Kết quả"], rows: rows,
                       empty: "Chưa có đối tượng nào.")
    }

    private static func papers(_ papers: [NominationPaper]) -> Markup {
        guard !papers.isEmpty else { return H.p("Chưa kê khai giấy tờ nào.", class: "empty") }
        return H.el("ul", ["id": "nomination-papers"], children: papers.map {
            H.el("li", [:], H.el("strong", [:], .text($0.kind.label + ": ")), .text($0.description))
        })
    }

    private static func timeline(_ steps: [NominationPageModel.Step]) -> Markup {
        let rows = steps.map { s in
            H.row([
                .text(VietnameseFormat.date(s.event.onDate)),
                .text(s.event.action.label),
                .text("\(s.from) → \(s.to)"),
                .text(s.event.username),
                .text(s.event.comment.isEmpty ? "—" : s.event.comment),
            ])
        }
        return H.table(id: "nomination-timeline", headers: ["Ngày", "Bước", "Từ → đến", "Người thực hiện", "Lý do, ý kiến"],
                       rows: rows, empty: "Đề nghị chưa gửi lên cấp trên.")
    }
}
