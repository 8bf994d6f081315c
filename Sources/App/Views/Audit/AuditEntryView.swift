import Domain
import Foundation
import Plot

/// One audit entry, with its values before and after side by side and the changed fields marked.
enum AuditEntryView {
    struct Model: Sendable {
        let id: Int
        let at: Date
        let username: String
        let action: String
        let entity: String
        let entityID: Int?
        let entityLink: String?
        let unit: (name: String, link: String)?
        let summary: String
        let changes: [AuditChanges.Row]
    }

    static func render(_ model: Model) -> Markup {
        let changed = model.changes.filter(\.changed).count
        return H.group([
            H.el("p", [:], H.a(SiteURL.audit.path, "← Nhật ký thay đổi")),
            H.h1("Nhật ký #\(model.id)"),
            H.facts([
                ("Thời điểm", H.text(VietnameseFormat.dateTime(model.at))),
                ("Người thực hiện", H.text(model.username)),
                ("Hành động", H.text(model.action)),
                ("Dữ liệu", AuditListView.entityCell(model.entity, model.entityID, model.entityLink)),
                ("Tổ chức đảng", model.unit.map { H.a($0.link, $0.name) } ?? H.text("—")),
                ("Nội dung", H.text(model.summary)),
            ]),
            H.h2("Giá trị trước và sau"),
            model.changes.isEmpty ? Markup.empty
                : H.p("\(changed) trường thay đổi, được đánh dấu “Đã đổi”.", class: "hint"),
            H.table(id: "audit-changes", headers: ["Trường", "Trước", "Sau"],
                    rows: model.changes.map(row), empty: "Mục này không lưu giá trị trước và sau."),
        ])
    }

    private static func row(_ change: AuditChanges.Row) -> Markup {
        let field = H.group([
            H.el("code", [:], .text(change.field)),
            change.changed ? H.group([H.text(" "), H.el("span", ["class": "badge changed"], .text("Đã đổi"))]) : .empty,
        ])
        return H.row([field, value(change.before), value(change.after)],
                     attributes: ["class": change.changed ? "changed" : nil])
    }

    /// An absent value (no snapshot, or the field did not exist then) is shown apart from an empty one.
    private static func value(_ text: String?) -> Markup {
        guard let text else { return H.el("span", ["class": "empty"], .text("(không có)")) }
        return H.text(text)
    }
}
