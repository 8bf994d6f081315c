import Domain
import Plot

/// The list page's filters as entered (text, so the form shows what was typed).
struct UnitPlanListQuery: Sendable {
    var unit = ""
    var year = ""
    var scope = ""
    var status = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year), ("loai", scope), ("trang-thai", status)] }
}

struct UnitPlanListModel: Sendable {
    let query: UnitPlanListQuery
    let lines: [UnitPlanLine]
    let total: Int
    let page: Int
    let perPage: Int
    let unknownUnit: Bool
    let canCreate: Bool
    /// Plans submitted by the units below, waiting for this account's review.
    let awaiting: [UnitPlanLine]
    let awaitingTotal: Int
}

enum UnitPlanListView {
    static func render(_ m: UnitPlanListModel) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.unitPlans.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: m.query.unit, errors: none),
            Form.text("nam", "Năm", value: m.query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("loai", "Loại kế hoạch", options: PlanScope.allCases.map { ($0.rawValue, $0.label) },
                        selected: m.query.scope, errors: none, blank: "Tất cả"),
            Form.select("trang-thai", "Trạng thái", options: PlanStatus.allCases.map { ($0.rawValue, $0.label) },
                        selected: m.query.status, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        var actions: [Markup] = []
        if m.canCreate { actions.append(H.a(SiteURL.unitPlanNew.path, "Thêm kế hoạch", class: "button primary")) }
        actions.append(H.a(SiteURL.dueDates.path, "Hạn nộp kế hoạch", class: "button"))
        var awaiting: Markup = .empty
        if m.awaitingTotal > 0 {
            let more = m.awaitingTotal > m.awaiting.count
                ? H.p("Và \(VietnameseFormat.number(m.awaitingTotal - m.awaiting.count)) kế hoạch khác; lọc theo trạng thái “\(PlanStatus.submitted.label)” để xem hết.", class: "hint")
                : .empty
            awaiting = H.el("section", ["id": "awaiting-review", "aria-labelledby": "awaiting-title"],
                H.el("h2", ["id": "awaiting-title"], .text("Chờ bạn duyệt (\(VietnameseFormat.number(m.awaitingTotal)))")),
                UnitPlanTable.render(m.awaiting, id: "awaiting-list", empty: ""),
                more)
        }
        return H.group([
            H.h1("Kế hoạch thực hiện"),
            H.p("Kế hoạch năm (chủ đề năm) và kế hoạch toàn khóa của các tổ chức đảng; cấp trên trực tiếp xem xét, "
                + "trả lại hoặc duyệt. Hạn nộp là hạn do cấp trên gần nhất đặt.", class: "hint"),
            H.el("p", ["class": "actions"], children: actions),
            awaiting,
            H.h2("Tất cả kế hoạch"),
            filters,
            m.unknownUnit
                ? H.el("p", ["class": "flash-error", "role": "status"],
                       .text("Không tìm thấy tổ chức đảng có mã “\(m.query.unit)” trong phạm vi của bạn."))
                : H.p("\(VietnameseFormat.number(m.total)) kế hoạch", class: "hint"),
            UnitPlanTable.render(m.lines, id: "unit-plan-list", empty: "Không có kế hoạch nào phù hợp."),
            Pager.render(page: m.page, perPage: m.perPage, total: m.total) { n in
                SiteURL.unitPlans.with(m.query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

/// Plans as lists show them: unit, year, theme, status, the binding due date and the late flag.
enum UnitPlanTable {
    static func render(_ lines: [UnitPlanLine], id: String, empty: String) -> Markup {
        let rows = lines.map { line -> Markup in
            let p = line.plan
            return H.el("tr", ["data-plan": String(p.id!)],
                H.el("td", [:], .text(line.unit?.name ?? "")),
                H.el("td", [:], .text(p.scope == .year ? String(p.year) : "Toàn khóa \(line.programme?.documentNumber ?? "")")),
                H.el("td", [:], H.a(SiteURL.unitPlan(p.id).path, p.theme)),
                H.el("td", [:], .text(p.status.label)),
                H.el("td", [:], .text(line.due.map(VietnameseFormat.date) ?? "—")),
                H.el("td", [:], timelinessBadge(line.timeliness)))
        }
        return H.table(id: id, headers: ["Tổ chức đảng", "Năm", "Chủ đề", "Trạng thái", "Hạn nộp", "Đúng hạn"], rows: rows, empty: empty)
    }

    /// "Nộp trễ 5 ngày" and "Quá hạn 12 ngày" stand out; the other states are plain words.
    static func timelinessBadge(_ t: PlanRules.Timeliness) -> Markup {
        if let flag = t.flag { return H.el("span", ["class": "badge late"], .text(flag)) }
        switch t {
        case .onTime: return .text("Đúng hạn")
        case .notYetDue: return .text("Chưa đến hạn")
        default: return .text("—")
        }
    }
}
