import Domain
import Plot

/// The list page's filters as entered.
struct PracticeModelListQuery: Sendable {
    var q = ""
    var unit = ""
    var year = ""
    var kind = ""

    var pairs: [(String, String?)] { [("q", q), ("don-vi", unit), ("nam", year), ("loai", kind)] }
}

struct PracticeModelLine: Sendable {
    let id: Int
    let year: Int
    let kind: PracticeModelKind
    let title: String
    let unitName: String
}

enum PracticeModelListView {
    static func render(
        query: PracticeModelListQuery, lines: [PracticeModelLine], total: Int, units: Int, page: Int, perPage: Int,
        unknownUnit: Bool, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let kinds = PracticeModelKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        let filters = H.el("form", ["method": "get", "action": SiteURL.practiceModels.path, "class": "filters", "role": "search"],
            Form.text("q", "Tìm theo tên mô hình", value: query.q, errors: none, type: "search",
                      hint: "Gõ có dấu hoặc không dấu, ví dụ: dan van kheo"),
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", String(YearRecordFields.firstYear)), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("loai", "Loại", options: kinds, selected: query.kind, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        let rows = lines.map { m in
            H.row([H.text(String(m.year)), H.text(m.kind.label), H.a(SiteURL.practiceModel(m.id).path, m.title), H.text(m.unitName)])
        }
        return H.group([
            H.h1("Mô hình, cách làm hay"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.practiceModelNew.path, "Thêm mô hình", class: "button primary")) : .empty,
            filters,
            unknownUnit ? H.el("p", ["class": "flash-error", "role": "status"],
                               .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")) : .empty,
            H.el("p", ["class": "hint", "id": "model-counts"],
                 .text("\(VietnameseFormat.number(total)) mô hình của \(VietnameseFormat.number(units)) đơn vị")),
            H.table(id: "model-list", headers: ["Năm", "Loại", "Tên mô hình", "Đơn vị"], rows: rows,
                    empty: "Không có mô hình nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.practiceModels.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

enum PracticeModelDetailView {
    static func render(model m: PracticeModel, unitName: String, canEdit: Bool) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.practiceModels.path, "‹ Mô hình, cách làm hay")),
            H.h1(m.title),
            H.facts([
                ("Loại", H.text(m.kind.label)),
                ("Năm", H.text(String(m.year))),
                ("Đơn vị đăng ký", H.a(SiteURL.unit(m.unitID).path, unitName)),
                ("Mô tả", m.description.isEmpty ? H.text("—") : H.el("div", ["class": "prose"], .text(m.description))),
                ("Kết quả", m.results.isEmpty ? H.text("—") : H.el("div", ["class": "prose"], .text(m.results))),
            ]),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.practiceModelEdit(m.id).path, "Sửa mô hình", class: "button"),
                           H.a(SiteURL.publicStoryNew.with([("mo-hinh", m.id.map(String.init))]), "Giới thiệu công khai", class: "button")) : .empty,
        ])
    }
}

enum PracticeModelFormView {
    static func render(id: Int?, values: PracticeModelInput, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.practiceModelEdit($0).path } ?? SiteURL.practiceModelNew.path
        let back = id.map { SiteURL.practiceModel($0).path } ?? SiteURL.practiceModels.path
        let kinds = PracticeModelKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Thêm mô hình" : "Sửa mô hình"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "model-form", [
                Form.text("unit", "Mã đơn vị đăng ký", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.text("year", "Năm", value: values.year, errors: errors, type: "number", required: true,
                          extra: [("min", String(YearRecordFields.firstYear)), ("inputmode", "numeric")]),
                Form.select("kind", "Loại mô hình", options: kinds, selected: values.kind, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("title", "Tên mô hình", value: values.title, errors: errors, required: true),
                Form.textarea("description", "Mô tả", value: values.description, errors: errors),
                Form.textarea("results", "Kết quả", value: values.results, errors: errors),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
