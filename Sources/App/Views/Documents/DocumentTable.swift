import Domain
import Plot

/// A guidance document as lists show it.
struct DocumentLine: Sendable {
    let id: Int
    let number: String
    let issuedOn: LocalDate
    let kind: GuidanceKind
    let title: String
    let unitName: String
    let programmeNumber: String?
    let programmeID: Int?
}

/// The register's table, shared by the list page and a programme's page.
enum DocumentTable {
    static func render(_ lines: [DocumentLine], showProgramme: Bool, empty: String) -> Markup {
        var headers = ["Số, ký hiệu", "Ngày ban hành", "Loại", "Trích yếu", "Đơn vị ban hành"]
        if showProgramme { headers.append("Chương trình") }
        let rows = lines.map { d in
            var cells: [Markup] = [
                H.a(SiteURL.document(d.id).path, d.number),
                H.text(VietnameseFormat.date(d.issuedOn)),
                H.text(d.kind.label),
                H.text(d.title),
                H.text(d.unitName),
            ]
            if showProgramme {
                cells.append(d.programmeID.map { H.a(SiteURL.programme($0).path, d.programmeNumber ?? "") } ?? H.text("—"))
            }
            return H.row(cells)
        }
        return H.table(id: "document-list", headers: headers, rows: rows, empty: empty)
    }
}
