import Domain
import Plot

/// The accounts, for administrators: who signs in, with which role and over which subtree.
enum AccountListView {
    struct Row: Sendable {
        let id: Int
        let username: String
        let displayName: String
        let role: Role
        let scope: String
        let isActive: Bool
    }

    struct Model: Sendable {
        let query: String
        let rows: [Row]
        let page: Int
        let perPage: Int
        let total: Int
    }

    static func render(_ model: Model) -> Markup {
        let rows = model.rows.map { row in
            H.row([
                H.a(SiteURL.userEdit(row.id).path, row.username),
                H.text(row.displayName),
                H.text(row.role.label),
                H.text(row.scope),
                row.isActive ? H.el("span", ["class": "badge"], .text("Đang hoạt động"))
                    : H.el("span", ["class": "badge dissolved"], .text("Đã khóa")),
            ])
        }
        return H.group([
            H.h1("Tài khoản"),
            H.div("actions", H.a(SiteURL.userNew.path, "Tạo tài khoản", class: "button primary")),
            H.el("form", ["method": "get", "action": SiteURL.users.path, "class": "filters", "role": "search"],
                 Form.text("q", "Tìm theo tên đăng nhập", value: model.query, errors: FormErrors(), extra: [("autocapitalize", "none")]),
                 Form.submit("Tìm")),
            H.p("\(VietnameseFormat.number(model.total)) tài khoản.", class: "count"),
            H.table(id: "accounts", headers: ["Tên đăng nhập", "Tên hiển thị", "Vai trò", "Phạm vi", "Trạng thái"],
                    rows: rows, empty: "Không có tài khoản nào phù hợp."),
            Pager.render(page: model.page, perPage: model.perPage, total: model.total) { page in
                SiteURL.users.with([("q", model.query), ("trang", String(page))])
            },
        ])
    }
}
