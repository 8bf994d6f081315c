import Domain
import Plot

/// `GET /nguoi`: the people in scope, searchable without diacritics, filtered, paged.
enum PeopleListView {
    struct Model: Sendable {
        /// The filters as entered, shown back in the form and kept in the paging links.
        var query = ""
        var unitCode = ""
        var category = ""
        var title = ""
        /// Set when the unit code matches no unit in scope.
        var unitError: String?
        var rows: [PersonService.Row] = []
        var total = 0
        var page = 1
        var perPage = 50
        var units: [PersonService.UnitChoice] = []
        var canCreate = false

        /// This list's address with the same filters on another page.
        func link(page: Int) -> String {
            SiteURL.people.with(filters + [("page", page > 1 ? String(page) : nil)])
        }

        /// The whole filtered list as a file (`.peopleXlsx`, `.peopleCsv`).
        func download(_ url: SiteURL) -> String { url.with(filters) }

        private var filters: [(String, String?)] {
            [("q", query), ("don-vi", unitCode), ("loai", category), ("chuc-vu", title)]
        }
    }

    static func render(_ model: Model) -> Markup {
        var errors = FormErrors()
        if let unitError = model.unitError { errors.add("don-vi", unitError) }
        let actions: Markup = model.canCreate
            ? H.el("div", ["class": "actions"],
                   H.a(SiteURL.personNew.with([("don-vi", model.unitError == nil ? model.unitCode : nil)]), "Thêm người", class: "button primary"))
            : .empty
        return H.group([
            H.h1("Cán bộ, đảng viên"),
            actions,
            searchForm(model, errors: errors),
            H.el("p", ["id": "result-count", "data-count": String(model.total), "aria-live": "polite"],
                 .text("\(VietnameseFormat.number(model.total)) người")),
            downloads(model),
            H.table(id: "people", headers: ["Họ và tên", "Loại", "Đơn vị sinh hoạt", "Ngày vào Đảng"],
                    rows: model.rows.map(row), empty: "Không có người nào phù hợp."),
            Pager.render(page: model.page, perPage: model.perPage, total: model.total, link: model.link(page:)),
        ])
    }

    private static func searchForm(_ model: Model, errors: FormErrors) -> Markup {
        H.el("form", ["method": "get", "action": SiteURL.people.path, "id": "people-search", "class": "filters", "role": "search"],
            Form.text("q", "Tìm theo tên", value: model.query, errors: errors, type: "search",
                      hint: "Có thể gõ không dấu, ví dụ: nguyen van a"),
            PeopleFields.unitCode("don-vi", "Đơn vị (gồm cả đơn vị trực thuộc)", value: model.unitCode, errors: errors,
                                  units: model.units, required: false),
            Form.select("loai", "Loại", options: PeopleFields.categoryOptions(), selected: model.category,
                        errors: errors, blank: "Tất cả"),
            Form.select("chuc-vu", "Chức vụ đang giữ", options: PeopleFields.titleOptions(), selected: model.title,
                        errors: errors, blank: "Tất cả"),
            Form.submit("Tìm"))
    }

    /// The whole filtered list (every page) as files the people import reads back.
    private static func downloads(_ model: Model) -> Markup {
        guard model.unitError == nil, model.total > 0 else { return .empty }
        return H.el("div", ["class": "actions", "id": "people-downloads"],
                    H.a(model.download(.peopleXlsx), "Tải về Excel", class: "button"),
                    H.a(model.download(.peopleCsv), "Tải về CSV", class: "button"))
    }

    private static func row(_ r: PersonService.Row) -> Markup {
        H.row([
            H.a(SiteURL.person(r.id).path, r.fullName),
            H.text(r.category.label),
            H.text(r.unitName ?? "—"),
            H.text(PeopleFields.date(r.partyJoinedOn)),
        ], attributes: ["data-person-id": String(r.id)])
    }
}
