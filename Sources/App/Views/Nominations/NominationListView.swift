import Domain
import Plot

/// The list page's filters as entered (text, so the form shows what was typed).
struct NominationListQuery: Sendable {
    var year = ""
    var status = ""
    var mine = false

    var pairs: [(String, String?)] { [("nam", year), ("trang-thai", status), ("cho-toi", mine ? "1" : nil)] }
}

struct NominationListModel: Sendable {
    let query: NominationListQuery
    let lines: [NominationLine]
    let total: Int
    let page: Int
    let perPage: Int
    let canCreate: Bool
}

enum NominationListView {
    static func render(_ m: NominationListModel) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.nominations.path, "class": "filters", "role": "search"],
            Form.text("nam", "Năm (đến năm)", value: m.query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("trang-thai", "Trạng thái", options: NominationStatus.allCases.map { ($0.rawValue, $0.label) },
                        selected: m.query.status, errors: none, blank: "Tất cả"),
            H.el("div", ["class": "field"],
                 H.el("label", ["for": "f-cho-toi"],
                      H.el("input", ["type": "checkbox", "id": "f-cho-toi", "name": "cho-toi", "value": "1",
                                     "checked": m.query.mine ? "" : nil]),
                      .text(" Chờ đơn vị tôi xem xét"))),
            Form.submit("Lọc"))
        return H.group([
            H.h1("Đề nghị khen thưởng"),
            H.p("Đơn vị lập đề nghị kèm hồ sơ, gửi lên cấp trên; mỗi cấp trả lại, đồng ý chuyển lên hoặc ra quyết định "
                + "khen thưởng. Quyết định tạo các khen thưởng trong sổ.", class: "hint"),
            m.canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.nominationNew.path, "Lập đề nghị", class: "button primary")) : .empty,
            filters,
            H.p("\(VietnameseFormat.number(m.total)) đề nghị", class: "hint"),
            table(m.lines),
            Pager.render(page: m.page, perPage: m.perPage, total: m.total) { n in
                SiteURL.nominations.with(m.query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }

    private static func table(_ lines: [NominationLine]) -> Markup {
        let rows = lines.map { line -> Markup in
            let n = line.nomination
            return H.el("tr", ["data-nomination": String(n.id!)],
                H.el("td", [:], H.a(SiteURL.nomination(n.id).path, n.title)),
                H.el("td", [:], .text(line.unitName)),
                H.el("td", [:], .text(n.status.label)),
                H.el("td", [:], .text("Đang ở: " + line.currentUnitName)),
                H.el("td", [:], .text(VietnameseFormat.number(line.candidateCount))))
        }
        return H.table(id: "nomination-list", headers: ["Đề nghị", "Đơn vị đề nghị", "Trạng thái", "Nơi xem xét", "Số đối tượng"],
                       rows: rows, empty: "Không có đề nghị nào phù hợp.")
    }
}
