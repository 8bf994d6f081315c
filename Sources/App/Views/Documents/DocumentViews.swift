import Domain
import Plot

/// The register list page's filters as entered (text, so the form shows what was typed).
struct DocumentListQuery: Sendable {
    var q = ""
    var unit = ""
    var year = ""
    var kind = ""
    var programme = ""

    /// The query string of these filters, for links that keep them (pager).
    var pairs: [(String, String?)] {
        [("q", q), ("don-vi", unit), ("nam", year), ("loai", kind), ("chuong-trinh", programme)]
    }
}

enum DocumentListView {
    static func render(
        query: DocumentListQuery, lines: [DocumentLine], total: Int, page: Int, perPage: Int,
        programmes: [(value: String, label: String)], unknownUnit: Bool, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let kinds = GuidanceKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        let filters = H.el("form", ["method": "get", "action": SiteURL.documents.path, "class": "filters", "role": "search"],
            Form.text("q", "Tìm theo trích yếu hoặc số", value: query.q, errors: none, type: "search",
                      hint: "Gõ có dấu hoặc không dấu, ví dụ: ke hoach hoc tap"),
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm ban hành", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("loai", "Loại văn bản", options: kinds, selected: query.kind, errors: none, blank: "Tất cả"),
            Form.select("chuong-trinh", "Chương trình", options: programmes, selected: query.programme, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        var notes: [Markup] = []
        if unknownUnit {
            notes.append(H.el("p", ["class": "flash-error", "role": "status"],
                              .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")))
        }
        notes.append(H.p("\(VietnameseFormat.number(total)) văn bản", class: "hint"))
        return H.group([
            H.h1("Văn bản chỉ đạo"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.documentNew.path, "Thêm văn bản", class: "button primary")) : .empty,
            filters,
            H.group(notes),
            DocumentTable.render(lines, showProgramme: true, empty: "Không có văn bản nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.documents.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

/// A guidance document's page.
struct DocumentFacts: Sendable {
    let id: Int
    let number: String
    let style: DocumentNumber.Style
    let kind: GuidanceKind
    let title: String
    let issuedOn: LocalDate
    let unitName: String
    let unitID: Int
    let programmeID: Int?
    let programmeNumber: String?
}

enum DocumentDetailView {
    static func render(_ d: DocumentFacts, canEdit: Bool, linkUnit: Bool) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.documents.path, "‹ Văn bản chỉ đạo")),
            H.h1("\(d.kind.label) \(d.number)"),
            H.facts([
                ("Số, ký hiệu", H.text(d.number)),
                ("Loại văn bản", H.text(d.kind.label + (d.style == .party ? " (văn bản của Đảng)" : " (văn bản hành chính)"))),
                ("Trích yếu", H.text(d.title)),
                ("Ngày ban hành", H.text(VietnameseFormat.date(d.issuedOn))),
                ("Đơn vị ban hành", linkUnit ? H.a(SiteURL.unit(d.unitID).path, d.unitName) : H.text(d.unitName)),
                ("Chương trình", d.programmeID.map { H.a(SiteURL.programme($0).path, d.programmeNumber ?? "") } ?? H.text("—")),
            ]),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.documentEdit(d.id).path, "Sửa văn bản", class: "button")) : .empty,
        ])
    }
}

enum DocumentFormView {
    /// `id` nil: a new document.
    static func render(
        id: Int?, values: DocumentInput, programmes: [(value: String, label: String)], errors: FormErrors, csrf: String
    ) -> Markup {
        let action = id.map { SiteURL.documentEdit($0).path } ?? SiteURL.documentNew.path
        let back = id.map { SiteURL.document($0).path } ?? SiteURL.documents.path
        let kinds = GuidanceKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Thêm văn bản chỉ đạo" : "Sửa văn bản chỉ đạo"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "document-form", [
                Form.text("unit", "Mã đơn vị ban hành", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng ban hành văn bản, trong phạm vi của bạn.",
                          extra: [("autocomplete", "off")]),
                Form.text("number", "Số, ký hiệu văn bản", value: values.number, errors: errors, required: true,
                          hint: "Không nhập chữ “Số”. Ví dụ: 34-KH/ĐUK (văn bản của Đảng), 123/QĐ-UBND (văn bản hành chính).",
                          extra: [("autocapitalize", "characters"), ("autocomplete", "off")]),
                Form.select("kind", "Loại văn bản", options: kinds, selected: values.kind, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("title", "Trích yếu", value: values.title, errors: errors, required: true),
                Form.text("issuedOn", "Ngày ban hành", value: values.issuedOn, errors: errors, type: "date", required: true),
                Form.select("programmeId", "Thực hiện chương trình", options: programmes, selected: values.programmeID,
                            errors: errors, blank: "— Không gắn chương trình —"),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
