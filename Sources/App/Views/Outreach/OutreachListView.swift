import Domain
import Plot

/// An outreach activity as the list's rows show it.
struct OutreachLine: Sendable {
    let id: Int
    let heldOn: LocalDate
    let form: OutreachForm
    let title: String
    let participants: Int
    let unitName: String
}

/// The list page's filters as entered.
struct OutreachListQuery: Sendable {
    var unit = ""
    var year = ""
    var form = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year), ("hinh-thuc", form)] }
}

enum OutreachListView {
    static func participants(_ n: Int) -> String { VietnameseFormat.number(n) + " lượt" }

    static func render(
        query: OutreachListQuery, lines: [OutreachLine], total: Int, totals: OutreachTotals, page: Int, perPage: Int,
        unknownUnit: Bool, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let forms = OutreachForm.allCases.map { (value: $0.rawValue, label: $0.label) }
        let filters = H.el("form", ["method": "get", "action": SiteURL.outreach.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("hinh-thuc", "Hình thức", options: forms, selected: query.form, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        var notes: [Markup] = []
        if unknownUnit {
            notes.append(H.el("p", ["class": "flash-error", "role": "status"],
                              .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")))
        }
        notes.append(H.facts([
            ("Số hoạt động", H.el("span", ["id": "outreach-activities"], .text(VietnameseFormat.number(totals.activities)))),
            ("Người tham gia", H.el("span", ["id": "outreach-participants"], .text(participants(totals.participants)))),
        ]))
        let rows = lines.map { a in
            H.row([
                H.a(SiteURL.outreachActivity(a.id).path, VietnameseFormat.date(a.heldOn)),
                H.text(a.form.label),
                H.text(a.title),
                H.text(participants(a.participants)),
                H.text(a.unitName),
            ])
        }
        return H.group([
            H.h1("Hoạt động tuyên truyền"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.outreachNew.path, "Thêm hoạt động", class: "button primary")) : .empty,
            filters,
            H.group(notes),
            H.table(id: "outreach-list", headers: ["Ngày", "Hình thức", "Nội dung", "Người tham gia", "Đơn vị tổ chức"],
                    rows: rows, empty: "Không có hoạt động nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.outreach.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}
