import Domain
import Plot

/// The list page's filters as entered.
struct DueDateListQuery: Sendable {
    var year = ""
    var kind = ""

    var pairs: [(String, String?)] { [("nam", year), ("loai", kind)] }
}

enum DueDateListView {
    static func render(
        query: DueDateListQuery, lines: [DueDateLine], total: Int, page: Int, perPage: Int, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let kinds = DueKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        let filters = H.el("form", ["method": "get", "action": SiteURL.dueDates.path, "class": "filters", "role": "search"],
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("loai", "Loại hạn nộp", options: kinds, selected: query.kind, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        let rows = lines.map { l -> Markup in
            let d = l.due
            let action: Markup = l.fromAbove
                ? H.el("span", ["class": "badge"], .text("Cấp trên đặt"))
                : (canCreate ? H.a(SiteURL.dueDateEdit(d.id).path, "Sửa") : .text("—"))
            return H.el("tr", ["data-due": String(d.id!)],
                H.el("td", [:], .text(l.unit?.name ?? "")),
                H.el("td", [:], .text(d.kind.label)),
                H.el("td", [:], .text(String(d.year))),
                H.el("td", [:], .text(VietnameseFormat.date(d.dueOn))),
                H.el("td", [:], .text(d.note.isEmpty ? "—" : d.note)),
                H.el("td", [:], action))
        }
        return H.group([
            H.el("p", [:], H.a(SiteURL.unitPlans.path, "‹ Kế hoạch thực hiện")),
            H.h1("Hạn nộp"),
            H.p("Hạn do các đơn vị trong phạm vi của bạn đặt cho cấp dưới, và hạn do cấp trên đặt ràng buộc đơn vị của bạn "
                + "(chỉ xem). Kế hoạch của một đơn vị theo hạn của đơn vị cấp trên gần nhất đã đặt.", class: "hint"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.dueDateNew.path, "Đặt hạn nộp", class: "button primary")) : .empty,
            filters,
            H.table(id: "due-date-list", headers: ["Đơn vị đặt", "Loại", "Năm", "Hạn nộp", "Ghi chú", ""], rows: rows,
                    empty: "Chưa có hạn nộp nào."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.dueDates.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

enum DueDateFormView {
    /// `id` nil: a new due date.
    static func render(id: Int?, values: DueDateInput, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.dueDateEdit($0).path } ?? SiteURL.dueDateNew.path
        let kinds = DueKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Đặt hạn nộp" : "Sửa hạn nộp"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "due-date-form", [
                Form.text("unit", "Mã đơn vị đặt hạn", value: values.unitCode, errors: errors, required: true,
                          hint: "Hạn ràng buộc các tổ chức đảng cấp dưới của đơn vị này (kế hoạch cá nhân: cả đảng viên của đơn vị).",
                          extra: [("autocomplete", "off")]),
                Form.select("kind", "Loại hạn nộp", options: kinds, selected: values.kind, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("year", "Năm", value: values.year, errors: errors, type: "number", required: true,
                          hint: "Năm của kế hoạch; kế hoạch toàn khóa: năm đầu của chương trình.",
                          extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
                Form.text("dueOn", "Hạn nộp", value: values.dueOn, errors: errors, type: "date", required: true),
                Form.textarea("note", "Ghi chú", value: values.note, errors: errors, rows: 2),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(SiteURL.dueDates.path, "Hủy", class: "button")),
            ]),
        ])
    }
}
