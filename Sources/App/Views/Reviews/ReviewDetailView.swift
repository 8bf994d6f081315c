import Domain
import Plot

/// A saved review as it reads, with its saved figures and what changed since.
struct ReviewPageModel: Sendable {
    let id: Int
    let title: String
    let unitName: String
    let superiorBody: String
    let issuingBody: String
    let number: String
    /// "Lạc Hồng, ngày 15 tháng 01 năm 2025", as the .docx writes it.
    let dateLine: String
    let summary: String
    let parts: [ReviewPart]
    let appendix: FigureTable
    let breakdown: FigureTable
    let signature: [String]
    let recipients: [String]
    let figuresAt: String
    /// Rows of the saved appendix that today's records give differently.
    let changes: [FigureChange]
    /// The breakdown by units below differs too (or alone).
    let breakdownChanged: Bool
    let canEdit: Bool
    let csrf: String
}

enum ReviewDetailView {
    static func render(_ m: ReviewPageModel) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.reviews.path, "‹ Sơ kết, tổng kết")),
            H.h1(m.title),
            H.p(m.unitName, class: "hint"),
            H.el("p", ["class": "actions"],
                 m.canEdit ? H.a(SiteURL.reviewEdit(m.id).path, "Sửa", class: "button") : .empty,
                 H.a(SiteURL.reviewDocx(m.id).path, "Tải báo cáo (.docx)", class: "button"),
                 H.a(SiteURL.reviewWorkbook(m.id).path, "Tải phụ lục số liệu (.xlsx)", class: "button")),
            notice(m),
            H.el("article", ["class": "card", "id": "review-text"], children: header(m) + body(m) + signature(m)),
            H.h2("Phụ lục số liệu"),
            H.p("Số liệu lúc lập hoặc cập nhật báo cáo: \(m.figuresAt).", class: "hint"),
            table(m.appendix, id: "review-appendix", first: ["STT", "Nội dung", "Đơn vị tính"], last: ["Ghi chú"]) { row in
                [row.stt, row.label, row.unit]
            } trailing: { [$0.note] },
            H.h2("Chia theo đơn vị trực thuộc"),
            table(m.breakdown, id: "review-breakdown", first: ["STT", "Đơn vị"], last: []) { [$0.stt, $0.label] } trailing: { _ in [] },
        ])
    }

    static func notice(_ m: ReviewPageModel) -> Markup {
        guard !m.changes.isEmpty || m.breakdownChanged else { return .empty }
        var items = m.changes.map { H.el("li", [:], .text($0.text)) }
        if m.breakdownChanged && m.changes.isEmpty { items.append(H.el("li", [:], .text("Số liệu chia theo đơn vị trực thuộc"))) }
        return H.el("section", ["class": "flash-error", "id": "figures-changed", "role": "status"],
            H.el("h2", [:], .text("Số liệu đã thay đổi kể từ khi lập báo cáo")),
            H.el("ul", [:], children: items),
            m.canEdit ? Form.post(action: SiteURL.reviewRefresh(m.id).path, csrf: m.csrf, [
                H.p("Cập nhật số liệu thay phụ lục bằng số liệu hôm nay; phần lời văn giữ nguyên như đã sửa, "
                    + "hãy đọc lại các con số trong lời văn."),
                Form.submit("Cập nhật số liệu"),
            ]) : .empty)
    }

    static func header(_ m: ReviewPageModel) -> [Markup] {
        [
            m.superiorBody.isEmpty ? .empty : H.p(m.superiorBody),
            H.el("p", [:], H.el("strong", [:], .text(m.issuingBody))),
            H.p(m.number),
            H.el("p", [:], H.el("em", [:], .text(m.dateLine))),
            H.el("p", [:], H.el("strong", [:], .text("BÁO CÁO"))),
            H.el("p", [:], H.el("strong", [:], .text(m.summary))),
        ]
    }

    static func body(_ m: ReviewPageModel) -> [Markup] {
        m.parts.flatMap { part -> [Markup] in
            [H.h2(part.title)] + ReviewPart.paragraphs(part.text).map { text in
                ReviewPart.isSubheading(text) ? H.el("h3", [:], .text(text)) : H.p(text)
            }
        }
    }

    static func signature(_ m: ReviewPageModel) -> [Markup] {
        [H.el("p", [:], H.el("strong", [:], .text(m.signature.filter { !$0.isEmpty }.joined(separator: " — "))))]
            + [H.el("p", [:], H.el("strong", [:], H.el("em", [:], .text("Nơi nhận:"))))]
            + m.recipients.map { H.p($0) }
    }

    static func table(_ t: FigureTable, id: String, first: [String], last: [String], leading: (FigureRow) -> [String],
                      trailing: (FigureRow) -> [String]) -> Markup {
        let rows = t.rows.map { row in
            let cells = leading(row).map { H.text($0) } + row.values.map { H.text(row.isHeading ? "" : FigureRow.text($0)) }
                + trailing(row).map { H.text($0) }
            return H.row(cells, attributes: ["data-key": row.key])
        }
        return H.table(id: id, headers: first + t.columns + last, rows: rows, empty: "Không có số liệu.")
    }
}
