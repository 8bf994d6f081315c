import Domain
import Foundation
import Plot

/// The filters of the public list and feed (?nam=, ?don-vi= a unit code, ?trang=).
struct PublicListQuery: Sendable {
    var unit = ""
    var year = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year)] }
}

/// What the public page shows of a story: only these fields, never anything of a person.
struct PublicStoryLine: Sendable {
    let id: Int
    let kind: PublicStoryKind
    let year: Int
    let title: String
    let summary: String
    let body: String
    let unitName: String
    let publishedAt: Date
    let updatedAt: Date

    init(_ s: PublicStory, unitName: String) {
        id = s.id!
        kind = s.kind
        year = s.year
        title = s.title
        summary = s.summary
        body = s.body
        self.unitName = unitName
        publishedAt = s.publishedAt ?? s.updatedAt ?? Date(timeIntervalSince1970: 0)
        updatedAt = s.updatedAt ?? publishedAt
    }
}

enum PublicPageView {
    /// Plain text as paragraphs, one per blank-line-separated block; lines kept.
    static func paragraphs(_ text: String) -> Markup {
        let blocks = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !blocks.isEmpty else { return H.text("—") }
        return H.group(blocks.map { block in
            let lines = block.components(separatedBy: "\n")
            return H.el("p", [:], children: lines.enumerated().flatMap { i, line in
                i == 0 ? [H.text(line)] : [Markup.selfClosedElement(named: "br"), H.text(line)]
            })
        })
    }

    static func list(
        query: PublicListQuery, stories: [PublicStoryLine], units: [OrgUnit], total: Int, page: Int, perPage: Int, unknownUnit: Bool
    ) -> Markup {
        let none = FormErrors()
        let years = (YearRecordFields.firstYear...LocalDate.today().year).reversed().map { (value: String($0), label: String($0)) }
        let filters = H.el("form", ["method": "get", "action": SiteURL.publicExemplars.path, "class": "filters", "role": "search"],
            Form.select("nam", "Năm", options: years, selected: query.year, errors: none, blank: "Tất cả các năm"),
            Form.select("don-vi", "Đơn vị (gồm cấp dưới)", options: units.map { ($0.code, $0.name) }, selected: query.unit,
                        errors: none, blank: "Tất cả đơn vị"),
            Form.submit("Lọc"))
        let items = stories.map { s in
            H.el("article", ["class": "card"],
                 H.el("h2", [:], H.a(SiteURL.publicExemplar(s.id).path, s.title)),
                 H.p("\(s.kind.label) · \(s.unitName) · năm \(s.year)", class: "hint"),
                 H.p(s.summary))
        }
        return H.group([
            H.h1("Gương sáng học tập và làm theo Bác"),
            H.p("Những tập thể, cá nhân điển hình tiên tiến và mô hình hay trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
            filters,
            unknownUnit ? H.el("p", ["class": "flash-error", "role": "status"],
                               .text("Không tìm thấy đơn vị có mã “\(query.unit)”.")) : .empty,
            H.el("p", ["class": "hint", "id": "public-counts"], .text("\(VietnameseFormat.number(total)) bài")),
            items.isEmpty ? H.p("Chưa có bài nào phù hợp.", class: "empty") : H.el("div", ["class": "stories"], children: items),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.publicExemplars.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }

    static func story(_ s: PublicStoryLine) -> Markup {
        H.el("article", ["class": "public-story"],
            H.el("p", ["class": "actions"], H.a(SiteURL.publicExemplars.path, "‹ Tất cả gương sáng")),
            H.h1(s.title),
            H.p("\(s.kind.label) · \(s.unitName) · năm \(s.year) · đăng ngày \(VietnameseFormat.date(LocalDate(s.publishedAt)))", class: "hint"),
            H.el("div", ["class": "lead"], paragraphs(s.summary)),
            paragraphs(s.body))
    }
}
