import Domain
import Plot

/// A conduct code's page, with its chain of revisions oldest first.
struct ConductCodeFacts: Sendable {
    struct Link: Sendable {
        let id: Int
        let documentNumber: String
        let issuedOn: LocalDate
        let title: String
    }

    let id: Int
    let documentNumber: String
    let scope: ConductScope
    let title: String
    let issuedOn: LocalDate
    let unitName: String
    let unitID: Int
    let summary: String
    let replaces: Link?
    let replacedBy: Link?
    let chain: [Link]
}

enum ConductCodeDetailView {
    static func render(_ c: ConductCodeFacts, canEdit: Bool) -> Markup {
        func link(_ l: ConductCodeFacts.Link?) -> Markup {
            guard let l else { return H.text("—") }
            return H.group([H.a(SiteURL.conductCode(l.id).path, l.documentNumber),
                            H.text(" ngày \(VietnameseFormat.date(l.issuedOn))")])
        }
        let chainRows = c.chain.map { l in
            H.row([
                l.id == c.id ? H.el("strong", [:], .text(l.documentNumber)) : H.a(SiteURL.conductCode(l.id).path, l.documentNumber),
                H.text(VietnameseFormat.date(l.issuedOn)),
                H.text(l.title),
            ])
        }
        return H.group([
            H.el("p", [:], H.a(SiteURL.conductCodes.path, "‹ Chuẩn mực đạo đức")),
            H.h1("\(c.scope.label) \(c.documentNumber)"),
            H.facts([
                ("Số, ký hiệu", H.text(c.documentNumber)),
                ("Loại chuẩn mực", H.text(c.scope.label)),
                ("Tên chuẩn mực", H.text(c.title)),
                ("Ngày ban hành", H.text(VietnameseFormat.date(c.issuedOn))),
                ("Đơn vị ban hành", H.a(SiteURL.unit(c.unitID).path, c.unitName)),
                ("Hiệu lực", H.text(c.replacedBy == nil ? "Còn hiệu lực" : "Đã được thay thế")),
                ("Thay thế", link(c.replaces)),
                ("Được thay thế bởi", link(c.replacedBy)),
                ("Nội dung chính", H.text(c.summary.isEmpty ? "—" : c.summary)),
            ]),
            canEdit ? H.el("p", ["class": "actions"],
                           H.a(SiteURL.conductCodeEdit(c.id).path, "Sửa chuẩn mực", class: "button"),
                           c.replacedBy == nil
                               ? H.a(SiteURL.conductCodeNew.with([("thay-the", String(c.id))]), "Ban hành bản sửa đổi", class: "button")
                               : .empty) : .empty,
            c.chain.count > 1 ? H.group([
                H.h2("Các lần ban hành, sửa đổi"),
                H.table(id: "conduct-code-chain", headers: ["Số, ký hiệu", "Ngày ban hành", "Tên chuẩn mực"], rows: chainRows),
            ]) : .empty,
        ])
    }
}
