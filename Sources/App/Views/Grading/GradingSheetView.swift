import Domain
import Plot

struct GradingSheetPageModel: Sendable {
    let detail: GradingSheetDetail
    let editable: Bool
    let mayReopen: Bool
    /// What was typed, by row key, when the form comes back refused.
    let typed: [Int: GradingMark]?
    /// The outstanding checkbox as typed, when the form comes back refused.
    var typedOutstanding: Bool? = nil
}

/// One sheet graded on one screen: a level (four-level regimes) or a score and "every task done"
/// (scored regimes, the level computed) per row, the counts per level and the cap warning on top.
enum GradingSheetView {
    static func render(_ m: GradingSheetPageModel, errors: FormErrors, csrf: String) -> Markup {
        let d = m.detail, sheet = d.sheet
        let back = SiteURL.gradings.with([("don-vi", d.unit.code), ("nam", String(sheet.year))])
        var parts: [Markup] = [
            H.el("p", [:], H.a(back, "‹ Xếp loại năm \(sheet.year) của \(d.unit.code)")),
            H.h1("Xếp loại \(sheet.subject.label.lowercased()) năm \(sheet.year)"),
            H.p(d.unit.name, class: "hint"),
            H.facts([
                ("Quy định", .text(d.regime.name)),
                ("Trạng thái", .text(sheet.status.label + (sheet.submittedOn.map { " ngày " + VietnameseFormat.date($0) } ?? ""))),
                ("Kết quả", H.el("span", ["id": "grading-counts"], .text(countsText(d.counts, ungraded: d.ungraded.count)))),
            ]),
        ]
        if let warning = d.cap?.warning {
            parts.append(H.el("p", ["class": "flash-error", "id": "cap-warning", "role": "alert"], .text(warning)))
        }
        parts.append(Form.errorSummary(errors))
        if d.rows.isEmpty { parts.append(H.p("Không có ai để xếp loại năm \(sheet.year).", class: "empty")) }
        if m.editable {
            parts.append(form(m, errors: errors, csrf: csrf))
        } else {
            parts.append(H.table(id: "grading-table", headers: headers(d), rows: d.rows.map { row in
                let e = row.evaluation
                var cells: [Markup] = [.text(row.name)]
                if sheet.subject == .member { cells.append(.text(row.planAssessment ?? "")) }
                cells.append(.text(e?.level.abbreviation ?? "Chưa xếp loại"))
                if d.rules.isScored { cells.append(.text(e?.score.map(GradingScore.format) ?? "")) }
                cells.append(.text(e?.note ?? ""))
                return H.row(cells)
            }))
        }
        if m.mayReopen {
            parts.append(Form.post(action: SiteURL.gradingSheetReopen(sheet.id).path, csrf: csrf, id: "reopen-form", [
                H.h2("Mở lại để đơn vị sửa"),
                Form.text("reason", "Lý do mở lại", value: nil, errors: errors, required: true),
                Form.submit("Mở lại", class: "button"),
            ]))
        }
        return H.group(parts)
    }

    static func countsText(_ counts: [GradingLevel: Int], ungraded: Int) -> String {
        (GradingLevel.allCases.map { "\($0.abbreviation): \(VietnameseFormat.number(counts[$0] ?? 0))" }
            + ["Chưa xếp loại: \(VietnameseFormat.number(ungraded))"]).joined(separator: " · ")
    }

    private static func headers(_ d: GradingSheetDetail) -> [String] {
        var h = [d.sheet.subject == .member ? "Đảng viên" : "Tổ chức đảng"]
        if d.sheet.subject == .member { h.append("Kế hoạch cá nhân") }
        h.append("Xếp loại")
        if d.rules.isScored { h.append("Điểm") }
        h.append("Ghi chú")
        return h
    }

    private static func form(_ m: GradingSheetPageModel, errors: FormErrors, csrf: String) -> Markup {
        let d = m.detail, sheet = d.sheet
        var children: [Markup] = [
            H.p(d.rules.isScored
                ? "Nhập điểm (thang 100, ví dụ 87,5) và đánh dấu nếu hoàn thành tất cả nhiệm vụ; mức xếp loại được tính theo quy định khi lưu."
                : "Chọn mức xếp loại cho từng người rồi bấm “Lưu nháp”; nộp khi đã xếp loại đủ.", class: "hint"),
        ]
        children += d.rows.map { row(d, $0, typed: m.typed?[$0.key], errors: errors) }
        if let percent = d.rules.outstandingCapPercent {
            let checked = m.typedOutstanding ?? sheet.outstanding
            children.append(H.el("label", ["class": "choice"],
                H.el("input", ["type": "checkbox", "name": "outstanding", "checked": checked ? "" : nil]),
                .text(" Đơn vị được đánh giá xuất sắc / thành tích nổi bật (giới hạn \(percent)%)")))
        }
        children.append(H.el("p", ["class": "actions"],
            Form.submit("Lưu nháp", class: "button"),
            H.el("button", ["type": "submit", "class": "button primary", "formaction": SiteURL.gradingSheetSubmit(sheet.id).path],
                 .text("Lưu và nộp"))))
        return Form.post(action: SiteURL.gradingSheet(sheet.id).path, csrf: csrf, id: "grading-form", children)
    }

    private static func row(_ d: GradingSheetDetail, _ row: GradingRow, typed: GradingMark?, errors: FormErrors) -> Markup {
        let k = row.key, e = row.evaluation
        var content: [Markup] = [H.el("legend", [:], .text(row.name))]
        if let plan = row.planAssessment { content.append(H.p("Kế hoạch cá nhân: " + plan, class: "hint")) }
        if d.rules.isScored {
            let score = typed?.score ?? e?.score.map(GradingScore.format) ?? ""
            let done = typed?.allTasksDone ?? e?.allTasksDone ?? false
            content.append(Form.text(GradingService.field("score", k), "Điểm", value: score, errors: errors,
                                     extra: [("inputmode", "decimal"), ("maxlength", "5")]))
            content.append(H.el("label", ["class": "choice"],
                H.el("input", ["type": "checkbox", "name": GradingService.field("done", k), "checked": done ? "" : nil]),
                .text(" Hoàn thành tất cả nhiệm vụ")))
            if let e, typed == nil { content.append(H.p("Xếp loại: \(e.level.abbreviation) — \(e.level.label)", class: "result")) }
        } else {
            content.append(Form.select(GradingService.field("level", k), "Xếp loại",
                                       options: GradingLevel.allCases.map { ($0.rawValue, "\($0.abbreviation) — \($0.label)") },
                                       selected: typed?.level ?? e?.level.rawValue, errors: errors, blank: "Chưa xếp loại"))
        }
        content.append(Form.text(GradingService.field("note", k), "Ghi chú", value: typed?.note ?? e?.note, errors: errors,
                                 extra: [("maxlength", String(GradingService.noteLimit))]))
        return H.el("fieldset", ["class": "plan-assessment", "data-row": String(k)], children: content)
    }
}

/// A member's own grades, year by year (submitted sheets only).
enum MyGradingsView {
    static func render(_ rows: [(evaluation: Evaluation, unit: OrgUnit?)]) -> Markup {
        H.group([
            H.h1("Kết quả xếp loại của tôi"),
            H.table(id: "my-gradings", headers: ["Năm", "Chi bộ", "Xếp loại", "Điểm"], rows: rows.map { e, unit in
                H.row([.text(String(e.year)), .text(unit?.name ?? ""), .text(e.level.label), .text(e.score.map(GradingScore.format) ?? "")])
            }, empty: "Chưa có kết quả xếp loại nào của bạn đã được chi bộ nộp."),
        ])
    }
}
