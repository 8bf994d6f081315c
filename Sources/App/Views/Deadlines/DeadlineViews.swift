import Domain
import Plot

/// `/han-can-lam`: what is overdue or due soon in a unit's subtree, grouped, with counts on top.
struct DeadlinePageModel: Sendable {
    /// The filters as typed.
    let unit: String
    let year: String
    let report: DeadlineReport
    let page: Int
    let perPage: Int
}

enum DeadlineListView {
    static func render(_ m: DeadlinePageModel) -> Markup {
        let r = m.report
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.deadlines.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm các tổ chức trực thuộc)", value: m.unit, errors: none,
                      hint: "Để trống: toàn bộ phạm vi của bạn."),
            Form.text("nam", "Năm", value: m.year.isEmpty ? String(r.year) : m.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Xem"))
        var body: [Markup] = [H.h1("Hạn cần làm"), filters]
        if r.unknownUnit {
            body.append(H.el("p", ["class": "flash-error", "role": "status"],
                             .text("Không tìm thấy tổ chức đảng có mã “\(m.unit)” trong phạm vi của bạn.")))
            return H.group(body)
        }
        let scope = r.root.map { "\($0.name) và các tổ chức đảng trực thuộc" } ?? "Toàn bộ các tổ chức đảng"
        body.append(H.p("\(scope), năm \(r.year), tính đến \(VietnameseFormat.date(r.today)).", class: "hint"))
        body.append(DeadlineSummary.render(r.counts, link: nil))
        body.append(DeadlineTable.grouped(r.items, root: r.root?.id, empty: "Không có việc nào quá hạn hoặc sắp đến hạn."))
        body.append(Pager.render(page: m.page, perPage: m.perPage, total: r.counts.total) { page in
            SiteURL.deadlines.with([("don-vi", m.unit), ("nam", m.year), ("trang", String(page))])
        })
        body.append(H.p("Kế hoạch năm, kế hoạch toàn khóa và kế hoạch cá nhân tính theo hạn nộp do cấp trên đặt; "
            + "sinh hoạt chi bộ thường kỳ của mỗi tháng phải được ghi chậm nhất vào ngày \(Deadlines.meetingRecordDay) tháng sau. "
            + "“Sắp đến hạn”: trong \(Deadlines.dueSoonDays) ngày tới.", class: "hint"))
        return H.group(body)
    }
}

/// The counts by group, with a link to the full list when shown elsewhere (unit page, home).
enum DeadlineSummary {
    static func render(_ counts: DeadlineCounts, link: String?) -> Markup {
        var rows: [(String, Markup)] = [
            (DeadlineGroup.overdue.label, H.text(VietnameseFormat.count(counts.overdue, unit: "việc"))),
            (DeadlineGroup.dueSoon.label + " (\(Deadlines.dueSoonDays) ngày tới)", H.text(VietnameseFormat.count(counts.dueSoon, unit: "việc"))),
        ]
        if counts.noDueDate > 0 {
            rows.append((DeadlineGroup.noDueDate.label, H.text(VietnameseFormat.count(counts.noDueDate, unit: "kế hoạch"))))
        }
        return H.el("div", ["class": "deadline-counts"],
                    H.facts(rows),
                    link.map { H.el("p", [:], H.a($0, "Xem hạn cần làm")) } ?? .empty)
    }
}

/// Items under their group's heading, in the order given. The unit column is left out when
/// every item is the root's own (a cell's list), to keep the table narrow on a phone.
enum DeadlineTable {
    /// `heading`: the element of the groups' headings ("h3" inside a section of a larger page).
    static func grouped(_ items: [DeadlineItem], root: Int?, empty: String, heading: String = "h2") -> Markup {
        guard !items.isEmpty else { return H.p(empty, class: "empty") }
        let showUnit = items.contains { $0.unitID != root }
        return H.group(DeadlineGroup.allCases.compactMap { group in
            let rows = items.filter { $0.group == group }
            guard !rows.isEmpty else { return nil }
            return H.el("section", ["class": "deadline-group", "id": "nhom-\(group.rawValue)"],
                        H.el(heading, [:], .text(group.label)), table(rows, showUnit: showUnit))
        })
    }

    static func table(_ items: [DeadlineItem], showUnit: Bool) -> Markup {
        let headers = (showUnit ? ["Đơn vị"] : []) + ["Việc cần làm", "Hiện trạng", "Hạn"]
        return H.table(headers: headers, rows: items.map { item in
            H.el("tr", ["data-kind": item.kind.rawValue, "data-unit": item.unitCode], children: [
                showUnit ? H.el("td", [:], .text(item.unitName)) : .empty,
                H.el("td", [:], H.a(item.link, item.what)),
                H.el("td", [:], .text(item.state)),
                H.el("td", [:],
                     .text(item.due.map(VietnameseFormat.date) ?? "—"), H.el("br"),
                     H.el("span", ["class": item.group == .overdue ? "deadline overdue" : "deadline"], .text(item.status.label))),
            ])
        })
    }
}
