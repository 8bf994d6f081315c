import Domain
import Plot

/// The overview's filters as entered (text, so the form shows what was typed).
struct PersonalPlanListQuery: Sendable {
    var unit = ""
    var year = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year)] }
}

struct PersonalPlanOverviewModel: Sendable {
    let query: PersonalPlanListQuery
    let overview: PersonalPlanOverview
    let page: Int
    let perPage: Int
    let canWrite: Bool
}

/// Who has a plan: a cell's members one by one, or a subtree's cells with their counts.
enum PersonalPlanOverviewView {
    static func render(_ m: PersonalPlanOverviewModel, csrf: String) -> Markup {
        let o = m.overview
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.personalPlans.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã chi bộ hoặc đơn vị cấp trên", value: m.query.unit, errors: none,
                      hint: "Để trống: toàn bộ phạm vi của bạn."),
            Form.text("nam", "Năm", value: String(o.year), errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Xem"))
        var parts: [Markup] = [H.h1("Kế hoạch cá nhân, cam kết"), filters]
        if o.unknownUnit {
            parts.append(H.el("p", ["class": "flash-error", "role": "status"],
                              .text("Không tìm thấy tổ chức đảng có mã “\(m.query.unit)” trong phạm vi của bạn.")))
            return H.group(parts)
        }
        let scope = o.root?.name ?? "Toàn hệ thống"
        parts.append(H.h2("\(scope), năm \(o.year)"))
        parts.append(H.p(summary(o.totals), class: "plan-counts"))
        if let root = o.root, o.rootIsCell {
            parts.append(H.p(PersonalPlanWords.due(o.due), class: "hint"))
            let startable = m.canWrite && o.hasTemplate && o.members.contains { $0.planID == nil && !$0.movedAway }
            parts.append(cellActions(code: root.code, year: o.year, hasTemplate: o.hasTemplate, startable: startable, csrf: csrf))
            parts.append(memberTable(o.members, year: o.year, canWrite: m.canWrite))
        } else {
            parts.append(cellTable(o.cells, year: o.year))
            parts.append(Pager.render(page: m.page, perPage: m.perPage, total: o.cellTotal) { n in
                SiteURL.personalPlans.with(m.query.pairs + [("trang", n > 1 ? String(n) : nil)])
            })
        }
        return H.group(parts)
    }

    /// "12/15 đảng viên đã nộp; 3 chưa nộp; 10 đúng hạn; đã đánh giá 8, hoàn thành 7."
    static func summary(_ c: PersonalPlanCounts) -> String {
        let n: (Int) -> String = VietnameseFormat.number
        return "\(n(c.submitted))/\(n(c.expected)) đảng viên đã nộp; \(n(c.missing)) chưa nộp; \(n(c.onTime)) nộp đúng hạn; "
            + "đã đánh giá \(n(c.assessed)), hoàn thành \(n(c.fulfilled))."
    }

    /// `startable`: the account may start drafts from the template and someone in the cell lacks a plan.
    private static func cellActions(code: String, year: Int, hasTemplate: Bool, startable: Bool, csrf: String) -> Markup {
        let pairs: [(String, String?)] = [("don-vi", code), ("nam", String(year))]
        var actions: [Markup] = [
            H.a(SiteURL.planTemplate.with(pairs), hasTemplate ? "Mẫu kế hoạch năm \(year)" : "Soạn mẫu kế hoạch năm \(year)", class: "button"),
            H.a(SiteURL.personalPlanAssessment.with(pairs), "Đánh giá cuối năm", class: "button"),
        ]
        if startable {
            actions.append(Form.post(action: SiteURL.personalPlansFromTemplate.path, csrf: csrf, id: "from-template-form", class: "inline", [
                Form.hidden("unit", code), Form.hidden("year", String(year)),
                Form.submit("Tạo kế hoạch từ mẫu cho người chưa có"),
            ]))
        }
        return H.el("div", ["class": "actions"], children: actions)
    }

    private static func memberTable(_ lines: [PersonalPlanMemberLine], year: Int, canWrite: Bool) -> Markup {
        let rows = lines.map { line -> Markup in
            let name: Markup = if let id = line.planID, !line.planElsewhere {
                H.a(SiteURL.personalPlan(id).path, line.fullName)
            } else if canWrite && !line.movedAway && line.planID == nil {
                H.a(SiteURL.personPersonalPlan(line.personID).with([("nam", String(year))]), line.fullName)
            } else {
                H.text(line.fullName)
            }
            let note = [line.movedAway ? "đã chuyển sinh hoạt" : nil, line.planElsewhere ? "kế hoạch lập ở chi bộ trước" : nil]
                .compactMap { $0 }.joined(separator: "; ")
            let moved: Markup = note.isEmpty ? .empty : H.el("small", ["class": "hint"], .text(" (\(note))"))
            return H.el("tr", ["data-person": String(line.personID)], children: [
                H.el("td", [:], name, moved),
                H.el("td", ["class": line.late || line.status == nil ? "plan-attention" : nil],
                     .text(PersonalPlanWords.status(line.status, submittedOn: line.submittedOn, late: line.late, short: true))),
                H.el("td", [:], .text(line.assessment?.label ?? "—")),
            ])
        }
        return H.table(id: "personal-plan-members", headers: ["Đảng viên", "Kế hoạch", "Chi bộ đánh giá"], rows: rows,
                       empty: "Không có đảng viên nào phải lập kế hoạch năm \(year) ở chi bộ này.")
    }

    private static func cellTable(_ rows: [PersonalPlanCellRow], year: Int) -> Markup {
        let n: (Int) -> String = VietnameseFormat.number
        let body = rows.map { row in
            H.el("tr", ["data-unit": row.code], children: [
                H.el("th", ["scope": "row"], H.a(SiteURL.personalPlans.with([("don-vi", row.code), ("nam", String(year))]), row.name)),
                H.el("td", ["class": "num"], .text(n(row.counts.expected))),
                H.el("td", ["class": "num"], .text(n(row.counts.submitted))),
                H.el("td", ["class": "num"], .text(n(row.counts.onTime))),
                H.el("td", ["class": "num"], .text("\(n(row.counts.fulfilled))/\(n(row.counts.assessed))")),
            ])
        }
        guard !body.isEmpty else { return H.p("Không có chi bộ nào trong phạm vi đã chọn.", class: "empty") }
        let headers = ["Chi bộ", "Phải lập", "Đã nộp", "Đúng hạn", "Hoàn thành / đã đánh giá"]
        return H.el("div", ["class": "table-wrap"],
            H.el("table", ["id": "personal-plan-cells"],
                H.el("thead", [:], H.el("tr", [:], children: headers.map { H.el("th", ["scope": "col"], .text($0)) })),
                H.el("tbody", [:], children: body)))
    }
}
