import Domain
import Plot

/// A unit's grading for a year: its sheets (open one when none), and for a committee how each
/// unit directly below stands with its members' sheet.
enum GradingOverviewView {
    static func render(_ m: GradingOverview, editable: Bool, admin: Bool = false, csrf: String, error: String? = nil) -> Markup {
        var parts: [Markup] = [
            H.h1("Xếp loại chất lượng năm \(m.year)"),
            H.p("\(m.unit.code) — \(m.unit.name)", class: "hint"),
            filters(code: m.unit.code, year: m.year),
            H.p(m.regime.map { "Quy định áp dụng năm \(m.year): \($0.name)." } ?? GradingService.noRegimeMessage(m.year), class: "hint"),
        ]
        if admin { parts.append(H.el("p", [:], H.a(SiteURL.gradingRegimes.path, "Quy định xếp loại của từng năm ›"))) }
        if let error { parts.append(H.el("p", ["class": "flash-error", "role": "alert", "id": "open-error"], .text(error))) }
        if m.subjects.isEmpty { parts.append(H.p("Năm \(m.year) đơn vị không có đảng viên hay tổ chức trực thuộc để xếp loại.", class: "empty")) }
        for subject in m.subjects {
            var section: [Markup] = [H.h2(subject == .member ? "Xếp loại đảng viên" : "Xếp loại tổ chức đảng trực thuộc")]
            if let sheet = m.sheets[subject] {
                let counts = m.counts[sheet.id!] ?? [:]
                section.append(H.p("\(sheet.status.label). " + GradingLevel.allCases.map { "\($0.abbreviation): \(counts[$0] ?? 0)" }
                    .joined(separator: " · ")))
                section.append(H.el("p", [:], H.a(SiteURL.gradingSheet(sheet.id).path, "Mở bảng xếp loại", class: "button")))
            } else if editable && m.regime != nil {
                section.append(Form.post(action: SiteURL.gradings.path, csrf: csrf, [
                    Form.hidden("unit", m.unit.code), Form.hidden("year", String(m.year)), Form.hidden("subject", subject.rawValue),
                    Form.submit("Bắt đầu xếp loại"),
                ]))
            } else {
                section.append(H.p("Chưa bắt đầu xếp loại.", class: "empty"))
            }
            parts.append(H.el("section", ["class": "grading-subject"], children: section))
        }
        if !m.below.isEmpty {
            parts.append(H.h2("Xếp loại đảng viên ở các đơn vị trực thuộc"))
            parts.append(H.table(id: "grading-below", headers: ["Đơn vị", "Trạng thái"] + GradingLevel.allCases.map(\.abbreviation),
                                 rows: m.below.map { line in
                let unit = H.a(SiteURL.gradings.with([("don-vi", line.unit.code), ("nam", String(m.year))]), "\(line.unit.code) — \(line.unit.name)")
                let status: Markup = line.sheet.map { H.a(SiteURL.gradingSheet($0.id).path, $0.status.label) }
                    ?? .text(line.hasMembers ? "Chưa mở" : "Không có đảng viên trực tiếp")
                return H.row([unit, status] + GradingLevel.allCases.map { .text(VietnameseFormat.number(line.counts[$0] ?? 0)) })
            }))
        }
        return H.group(parts)
    }

    /// Which unit and year: a chi bộ grades its members, a committee the units below it.
    static func filters(code: String, year: Int) -> Markup {
        H.el("form", ["method": "get", "action": SiteURL.gradings.path, "class": "filters"],
             Form.text("don-vi", "Mã tổ chức đảng", value: code, errors: FormErrors()),
             Form.text("nam", "Năm", value: String(year), errors: FormErrors(), type: "number", extra: [("inputmode", "numeric")]),
             Form.submit("Xem", class: "button"))
    }

    /// The page without a unit (administrators, or a code not found).
    static func picker(code: String, year: Int, note: String?, admin: Bool) -> Markup {
        H.group([
            H.h1("Xếp loại chất lượng"),
            note.map { H.el("p", ["class": "flash-error", "role": "status"], .text($0)) } ?? .empty,
            filters(code: code, year: year),
            admin ? H.el("p", [:], H.a(SiteURL.gradingRegimes.path, "Quy định xếp loại của từng năm ›")) : .empty,
        ])
    }
}
