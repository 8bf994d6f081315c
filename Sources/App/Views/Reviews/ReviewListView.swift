import Domain
import Plot

/// A review as the list shows it.
struct ReviewLine: Sendable {
    let id: Int
    let kind: ReviewKind
    let period: IndicatorPeriod
    let number: String
    let unitName: String
    let issuedOn: LocalDate
}

/// The list page's filters as entered.
struct ReviewListQuery: Sendable {
    var unit = ""
    var year = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year)] }
}

enum ReviewListView {
    static func render(query: ReviewListQuery, lines: [ReviewLine], total: Int, page: Int, perPage: Int,
                       unknownUnit: Bool, canCreate: Bool) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.reviews.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Lọc"))
        let rows = lines.map { r in
            H.row([
                H.a(SiteURL.review(r.id).path, "\(r.kind.label) \(ReviewDrafter.periodText(r.period))"),
                H.text(r.unitName),
                H.text(r.number),
                H.text(VietnameseFormat.date(r.issuedOn)),
            ])
        }
        return H.group([
            H.h1("Sơ kết, tổng kết"),
            H.p("Báo cáo năm, sơ kết, tổng kết: lời văn do hệ thống soạn sẵn từ số liệu, cán bộ sửa; phụ lục số liệu giữ như khi lập."),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.reviewNew.path, "Lập báo cáo", class: "button primary")) : .empty,
            filters,
            unknownUnit ? H.el("p", ["class": "flash-error", "role": "status"],
                               .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")) : .empty,
            H.table(id: "review-list", headers: ["Báo cáo", "Tổ chức đảng", "Số", "Ngày"], rows: rows,
                    empty: "Chưa có báo cáo nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.reviews.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}
