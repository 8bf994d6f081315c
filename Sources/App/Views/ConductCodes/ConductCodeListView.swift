import Domain
import Plot

/// A conduct code as the register's rows show it.
struct ConductCodeLine: Sendable {
    let id: Int
    let documentNumber: String
    let issuedOn: LocalDate
    let scope: ConductScope
    let title: String
    let unitName: String
    /// The number of the code that replaced it; nil while in force.
    let replacedByNumber: String?
}

/// The list page's filters as entered (text, so the form shows what was typed).
struct ConductCodeListQuery: Sendable {
    var unit = ""
    var inForce = ""
    var year = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("hieu-luc", inForce), ("nam", year)] }
}

enum ConductCodeListView {
    static func render(
        query: ConductCodeListQuery, lines: [ConductCodeLine], total: Int, page: Int, perPage: Int,
        unknownUnit: Bool, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.conductCodes.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.select("hieu-luc", "Hiệu lực", options: [(value: "con", label: "Còn hiệu lực"), (value: "het", label: "Đã được thay thế")],
                        selected: query.inForce, errors: none, blank: "Tất cả"),
            Form.text("nam", "Năm ban hành", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Lọc"))
        var notes: [Markup] = []
        if unknownUnit {
            notes.append(H.el("p", ["class": "flash-error", "role": "status"],
                              .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")))
        }
        notes.append(H.p("\(VietnameseFormat.number(total)) chuẩn mực", class: "hint"))
        let rows = lines.map { c in
            H.row([
                H.a(SiteURL.conductCode(c.id).path, c.documentNumber),
                H.text(VietnameseFormat.date(c.issuedOn)),
                H.text(c.scope.label),
                H.text(c.title),
                H.text(c.unitName),
                H.text(c.replacedByNumber.map { "Đã được thay thế bởi \($0)" } ?? "Còn hiệu lực"),
            ])
        }
        return H.group([
            H.h1("Chuẩn mực đạo đức"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.conductCodeNew.path, "Thêm chuẩn mực", class: "button primary")) : .empty,
            filters,
            H.group(notes),
            H.table(id: "conduct-code-list", headers: ["Số, ký hiệu", "Ngày ban hành", "Loại", "Tên chuẩn mực", "Đơn vị ban hành", "Hiệu lực"],
                    rows: rows, empty: "Không có chuẩn mực nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.conductCodes.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}
