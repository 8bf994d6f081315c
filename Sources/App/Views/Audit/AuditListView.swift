import Domain
import Foundation
import Plot

/// The audit log: filters, then the entries of one page, newest first.
enum AuditListView {
    struct Row: Sendable {
        let id: Int
        let at: Date
        let username: String
        let action: String
        let entity: String
        let entityID: Int?
        let entityLink: String?
        let summary: String
    }

    struct Model: Sendable {
        var filter: AuditLog.Filter
        var errors: FormErrors
        var rows: [Row]
        var page: Int
        var perPage: Int
        var total: Int
    }

    static func render(_ model: Model) -> Markup {
        let rows = model.rows.map { row in
            H.row([
                H.a(SiteURL.auditEntry(row.id).path, VietnameseFormat.dateTime(row.at)),
                H.a(link(model.filter, replacing: "nguoi-dung", with: row.username, page: nil), row.username),
                H.text(row.action),
                entityCell(row.entity, row.entityID, row.entityLink),
                H.text(row.summary),
            ])
        }
        let found = model.errors.isEmpty
            ? H.p("Tìm thấy \(VietnameseFormat.number(model.total)) mục.", class: "count")
            : Markup.empty
        return H.group([
            H.h1("Nhật ký thay đổi"),
            filters(model.filter, model.errors),
            found,
            H.table(id: "audit-entries", headers: ["Thời điểm", "Người thực hiện", "Hành động", "Dữ liệu", "Nội dung"],
                    rows: rows, empty: model.errors.isEmpty ? "Không có mục nào phù hợp." : "Vui lòng sửa bộ lọc."),
            Pager.render(page: model.page, perPage: model.perPage, total: model.total) { page in
                link(model.filter, replacing: nil, with: nil, page: page)
            },
        ])
    }

    /// "Tổ chức đảng #12", a link where the record has a page.
    static func entityCell(_ label: String, _ id: Int?, _ href: String?) -> Markup {
        guard let id else { return H.text(label) }
        let text = "\(label) #\(id)"
        return href.map { H.a($0, text) } ?? H.text(text)
    }

    private static func filters(_ filter: AuditLog.Filter, _ errors: FormErrors) -> Markup {
        let entities = Audit.Entity.allCases.map { (value: $0.rawValue, label: $0.label) }
        let actions = Audit.Action.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.el("form", ["method": "get", "action": SiteURL.audit.path, "class": "filters", "id": "audit-filters"],
            Form.errorSummary(errors),
            Form.text("don-vi", "Mã tổ chức đảng", value: filter.unit, errors: errors, hint: "Gồm cả các tổ chức trực thuộc"),
            Form.select("loai", "Loại dữ liệu", options: entities, selected: filter.entity, errors: errors, blank: "Tất cả"),
            Form.select("hanh-dong", "Hành động", options: actions, selected: filter.action, errors: errors, blank: "Tất cả"),
            Form.text("nguoi-dung", "Tên đăng nhập", value: filter.username, errors: errors,
                      extra: [("autocapitalize", "none")]),
            Form.text("tu", "Từ ngày", value: filter.from, errors: errors, type: "date"),
            Form.text("den", "Đến ngày", value: filter.to, errors: errors, type: "date"),
            Form.submit("Lọc"),
            H.a(SiteURL.audit.path, "Bỏ lọc", class: "button"))
    }

    /// The list's address with the current filters, one of them replaced, and a page.
    static func link(_ filter: AuditLog.Filter, replacing name: String?, with value: String?, page: Int?) -> String {
        var items: [(String, String?)] = [
            ("don-vi", filter.unit), ("loai", filter.entity), ("hanh-dong", filter.action),
            ("nguoi-dung", filter.username), ("tu", filter.from), ("den", filter.to),
        ]
        if let name, let index = items.firstIndex(where: { $0.0 == name }) { items[index].1 = value }
        if let page, page > 1 { items.append((AuditController.pageParameter, String(page))) }
        return SiteURL.audit.with(items)
    }
}
