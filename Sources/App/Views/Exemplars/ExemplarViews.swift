import Domain
import Plot

struct ExemplarListQuery: Sendable {
    var unit = ""
    var year = ""
    var subject = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year), ("doi-tuong", subject)] }
}

struct ExemplarLine: Sendable {
    let id: Int
    let year: Int
    let subject: ExemplarSubject
    let name: String
    let recognisedOn: LocalDate
    let unitName: String
}

enum ExemplarListView {
    static func render(
        query: ExemplarListQuery, lines: [ExemplarLine], total: Int, page: Int, perPage: Int, unknownUnit: Bool, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let subjects = ExemplarSubject.allCases.map { (value: $0.rawValue, label: $0.label) }
        let filters = H.el("form", ["method": "get", "action": SiteURL.exemplars.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị ghi nhận (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", String(YearRecordFields.firstYear)), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("doi-tuong", "Đối tượng", options: subjects, selected: query.subject, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        let rows = lines.map { e in
            H.row([H.text(String(e.year)), H.text(e.subject.label), H.a(SiteURL.exemplar(e.id).path, e.name),
                   H.text(VietnameseFormat.date(e.recognisedOn)), H.text(e.unitName)])
        }
        return H.group([
            H.h1("Điển hình tiên tiến"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.exemplarNew.path, "Thêm điển hình", class: "button primary")) : .empty,
            filters,
            unknownUnit ? H.el("p", ["class": "flash-error", "role": "status"],
                               .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")) : .empty,
            H.el("p", ["class": "hint", "id": "exemplar-counts"], .text("\(VietnameseFormat.number(total)) điển hình")),
            H.table(id: "exemplar-list", headers: ["Năm", "Đối tượng", "Tên", "Ngày ghi nhận", "Đơn vị ghi nhận"], rows: rows,
                    empty: "Không có điển hình nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.exemplars.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

enum ExemplarDetailView {
    static func render(exemplar e: Exemplar, unitName: String, subjectLink: String?, canEdit: Bool) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.exemplars.path, "‹ Điển hình tiên tiến")),
            H.h1(e.name),
            H.facts([
                ("Đối tượng", H.text(e.subject.label)),
                (e.subject == .collective ? "Tập thể" : "Cá nhân", subjectLink.map { H.a($0, e.name) } ?? H.text(e.name)),
                ("Năm", H.text(String(e.year))),
                ("Ngày ghi nhận", H.text(VietnameseFormat.date(e.recognisedOn))),
                ("Cấp ghi nhận", H.text(e.recognisedBy)),
                ("Đơn vị ghi nhận", H.a(SiteURL.unit(e.unitID).path, unitName)),
                ("Câu chuyện, thành tích", H.el("div", ["class": "prose"], .text(e.story))),
            ]),
            canEdit ? H.el("p", ["class": "actions"], H.a(SiteURL.exemplarEdit(e.id).path, "Sửa điển hình", class: "button"),
                           H.a(SiteURL.publicStoryNew.with([("dien-hinh", e.id.map(String.init))]), "Giới thiệu công khai", class: "button")) : .empty,
        ])
    }
}

enum ExemplarFormView {
    /// `people` nil: too many to list, the form asks for the person's id.
    static func render(
        id: Int?, values: ExemplarInput, people: [(value: String, label: String)]?, errors: FormErrors, csrf: String
    ) -> Markup {
        let action = id.map { SiteURL.exemplarEdit($0).path } ?? SiteURL.exemplarNew.path
        let back = id.map { SiteURL.exemplar($0).path } ?? SiteURL.exemplars.path
        let subjects = ExemplarSubject.allCases.map { (value: $0.rawValue, label: $0.label) }
        let personField: Markup = people.map {
            Form.select("personId", "Cá nhân điển hình (khi đối tượng là cá nhân)", options: $0, selected: values.personID,
                        errors: errors, blank: "— Chọn người —")
        } ?? Form.text("personId", "Mã số người (khi đối tượng là cá nhân)", value: values.personID, errors: errors,
                       type: "number", hint: "Mã số ở địa chỉ trang của người đó, ví dụ /nguoi/125 → 125.",
                       extra: [("inputmode", "numeric")])
        return H.group([
            H.h1(id == nil ? "Thêm điển hình tiên tiến" : "Sửa điển hình tiên tiến"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "exemplar-form", [
                Form.text("unit", "Mã đơn vị ghi nhận", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng ghi nhận điển hình, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.text("year", "Năm", value: values.year, errors: errors, type: "number", required: true,
                          extra: [("min", String(YearRecordFields.firstYear)), ("inputmode", "numeric")]),
                Form.select("subject", "Đối tượng", options: subjects, selected: values.subject, errors: errors, required: true,
                            blank: "— Chọn đối tượng —"),
                personField,
                Form.text("subjectUnit", "Mã tổ chức đảng (khi đối tượng là tập thể)", value: values.subjectUnitCode,
                          errors: errors, extra: [("autocomplete", "off")]),
                Form.text("recognisedOn", "Ngày ghi nhận", value: values.recognisedOn, errors: errors, type: "date", required: true),
                Form.text("recognisedBy", "Cấp ghi nhận", value: values.recognisedBy, errors: errors, required: true,
                          hint: "Ví dụ: Ban Thường vụ Tỉnh ủy"),
                Form.textarea("story", "Câu chuyện, thành tích", value: values.story, errors: errors, rows: 8),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
