import Domain
import Plot

/// A commendation as the register's rows show it.
struct CommendationLine: Sendable {
    let id: Int
    let decidedOn: LocalDate
    let decisionNumber: String
    let formName: String
    let issuerName: String
    let recipientKind: CommendationRecipient
    let recipientName: String
    let period: String
    let event: String
    let unitName: String
}

/// The register's filters as entered.
struct CommendationListQuery: Sendable {
    var unit = ""
    var year = ""
    var form = ""
    var issuer = ""
    var event = ""

    var pairs: [(String, String?)] {
        [("don-vi", unit), ("nam", year), ("hinh-thuc", form), ("cap-khen", issuer), ("dot", event)]
    }
}

enum CommendationListView {
    struct Options {
        let forms: [(value: String, label: String)]
        let issuers: [(value: String, label: String)]
    }

    static func render(
        query: CommendationListQuery, options: Options, lines: [CommendationLine], total: Int, counts: CommendationCounts,
        page: Int, perPage: Int, unknownUnit: Bool, canCreate: Bool, isAdmin: Bool
    ) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.commendations.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm quyết định", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("hinh-thuc", "Hình thức", options: options.forms, selected: query.form, errors: none, blank: "Tất cả"),
            Form.select("cap-khen", "Cấp khen", options: options.issuers, selected: query.issuer, errors: none, blank: "Tất cả"),
            Form.text("dot", "Đợt khen thưởng", value: query.event, errors: none),
            Form.submit("Lọc"))
        var actions: [Markup] = []
        if canCreate { actions.append(H.a(SiteURL.commendationNew.path, "Thêm khen thưởng", class: "button primary")) }
        if isAdmin { actions.append(H.a(SiteURL.commendationVocabulary.path, "Hình thức, cấp khen", class: "button")) }
        actions += [H.a(SiteURL.commendationsXlsx.with(query.pairs), "Tải về Excel", class: "button"),
                    H.a(SiteURL.commendationsCsv.with(query.pairs), "Tải về CSV", class: "button")]
        let rows = lines.map { c in
            H.row([
                H.a(SiteURL.commendation(c.id).path, VietnameseFormat.date(c.decidedOn)),
                H.text(c.decisionNumber),
                H.text(c.formName),
                H.text(c.issuerName),
                H.text(c.recipientName + " (" + c.recipientKind.countedAs + ")"),
                H.text(c.period),
                H.text(c.event.isEmpty ? "—" : c.event),
                H.text(c.unitName),
            ])
        }
        return H.group([
            H.h1("Khen thưởng"),
            actions.isEmpty ? .empty : H.el("p", ["class": "actions"], children: actions),
            filters,
            unknownUnit
                ? H.el("p", ["class": "flash-error", "role": "status"],
                       .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn."))
                : .empty,
            H.el("p", ["id": "commendation-counts", "role": "status"], .text("Được khen: " + counts.summary)),
            H.table(id: "commendation-list",
                    headers: ["Ngày quyết định", "Số quyết định", "Hình thức", "Cấp khen", "Được khen", "Thời gian", "Đợt", "Đơn vị ghi nhận"],
                    rows: rows, empty: "Không có khen thưởng nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.commendations.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}
